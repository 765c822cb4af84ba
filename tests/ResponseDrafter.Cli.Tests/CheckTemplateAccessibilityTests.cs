using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Cli;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Cli.Tests;

/// <summary>check-template reports what Word's Accessibility Checker would find in a template: errors fail it, advice is printed.</summary>
[TestClass]
public sealed class CheckTemplateAccessibilityTests
{
    private DirectoryInfo work = null!;

    [TestInitialize]
    public void CreateFolder() => work = Directory.CreateTempSubdirectory("responsedrafter-cli-a11y-");

    [TestCleanup]
    public void RemoveFolder() => work.Delete(recursive: true);

    [TestMethod]
    public void ATemplateWithoutATitleAndWithASkippedHeadingFailsNamingBoth()
    {
        var docx = Save("untitled.docx", Edit(LetterTemplate.Default.Docx, d =>
        {
            d.PackageProperties.Title = string.Empty;
            var heading = d.MainDocumentPart!.Document!.Descendants<Tag>().First(t => t.Val == "response.heading").Ancestors<Paragraph>().First();
            heading.ParagraphProperties!.ParagraphStyleId!.Val = "Heading3";
            d.MainDocumentPart.StyleDefinitionsPart!.Styles!.Append(new Style(
                new StyleName { Val = "heading 3" }, new BasedOn { Val = "Heading2" },
                new StyleParagraphProperties(new OutlineLevel { Val = 2 })) { Type = StyleValues.Paragraph, StyleId = "Heading3" });
        }));

        var result = CliRun.Run("check-template", docx);

        Assert.AreEqual(ExitCodes.Problems, result.ExitCode, result.Stdout);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.HasCount(2, lines, result.Stdout);
        StringAssert.StartsWith(lines[0], "accessibility error title-missing — Document properties: The document has no title");
        StringAssert.StartsWith(lines[1], "accessibility error heading-skipped — Response, \"[Recommendation 2]\": A Heading 3 follows a Heading 1");
        StringAssert.Contains(lines[1], "In Word:");
    }

    [TestMethod]
    public void AdviceIsPrintedAndTheTemplateStillPasses()
    {
        var docx = Save("linked.docx", Edit(LetterTemplate.Default.Docx, d =>
        {
            var main = d.MainDocumentPart!;
            var link = main.AddHyperlinkRelationship(new Uri("https://www.example.org/"), isExternal: true);
            var closing = main.Document!.Descendants<Tag>().First(t => t.Val == "closing").Ancestors<Paragraph>().First();
            closing.InsertBeforeSelf(new Paragraph(new Hyperlink(new Run(new RunProperties(new RunStyle { Val = "Hyperlink" }), new Text("www.example.org")))
            {
                Id = link.Id,
                Tooltip = "Our website",
            }));
        }));

        var result = CliRun.Run("check-template", docx);

        Assert.AreEqual(ExitCodes.Success, result.ExitCode, result.Stdout);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        StringAssert.StartsWith(lines[0], "accessibility advice link-text-address — Letter body, \"www.example.org\":");
        Assert.AreEqual($"{docx}: no problems; 1 accessibility advice to consider", lines[^1]);
    }

    [TestMethod]
    public void TheHelpSaysWhatTheCheckCovers() =>
        StringAssert.Contains(CliRun.Run("--help").Stdout, "as Word's Accessibility Checker");

    private string Save(string name, byte[] contents)
    {
        var path = Path.Combine(work.FullName, name);
        File.WriteAllBytes(path, contents);
        return path;
    }

    private static byte[] Edit(byte[] docx, Action<WordprocessingDocument> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            edit(document);
        }

        return stream.ToArray();
    }
}
