using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Documents.Tests.Templates;

[TestClass]
public sealed class DefaultTemplateTests
{
    [TestMethod]
    public void DefaultTemplateIsValidOpenXml() => WordDocuments.AssertValid(LetterTemplate.Default.Docx, "templates/section55.xml");

    [TestMethod]
    public void CommittedTemplateEqualsTheBuildersOutput()
    {
        var committed = File.ReadAllText(RepositoryFiles.Path("templates/section55.xml")).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.AreEqual(DefaultTemplateBuilder.BuildFlatOpc(), committed,
            "templates/section55.xml is out of date with DefaultTemplateBuilder; regenerate it with: " +
            "dotnet run --project src/ResponseDrafter.Cli -- build-default-template -o templates/section55.xml");
    }

    [TestMethod]
    public void BuiltInTemplateIsTheCommittedOne()
    {
        using var resource = typeof(LetterTemplate).Assembly.GetManifestResourceStream("ResponseDrafter.Documents.Templates.section55.xml")!;

        Assert.AreEqual(File.ReadAllText(RepositoryFiles.Path("templates/section55.xml")), new StreamReader(resource).ReadToEnd());
    }

    [TestMethod]
    public void ReadmeDocumentsEveryTag()
    {
        var readme = File.ReadAllText(RepositoryFiles.Path("templates/README.md"));

        var undocumented = TemplateVocabulary.All.Where(s => !readme.Contains($"| `{s.Tag}` |", StringComparison.Ordinal)).Select(s => s.Tag).ToList();

        Assert.IsEmpty(undocumented, "templates/README.md lacks a row for: " + string.Join(", ", undocumented));
    }

    [TestMethod]
    public void DefaultTemplatePassesItsOwnValidation()
    {
        var result = LetterTemplate.Load(LetterTemplate.Default.Docx);

        Assert.IsEmpty(result.Problems, string.Join("\n", result.Problems));
        Assert.IsNotNull(result.Template);
    }

    [TestMethod]
    public void DefaultTemplateUsesEveryTagOfTheVocabulary()
    {
        var tags = WordDocuments.Read(LetterTemplate.Default.Docx, d =>
            d.MainDocumentPart!.Document!.Descendants<SdtElement>()
                .Concat(d.MainDocumentPart.HeaderParts.SelectMany(h => h.Header!.Descendants<SdtElement>()))
                .Select(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value!)
                .ToHashSet());

        var missing = TemplateVocabulary.All.Select(s => s.Tag).Where(t => !tags.Contains(t)).ToList();

        Assert.IsEmpty(missing, "Tags without a place in the default template: " + string.Join(", ", missing));
    }

    [TestMethod]
    public void DefaultTemplateIsA4WithPageNumbersFromPageTwo()
    {
        WordDocuments.Read(LetterTemplate.Default.Docx, document =>
        {
            var main = document.MainDocumentPart!;
            var section = main.Document!.Body!.GetFirstChild<SectionProperties>()!;
            Assert.AreEqual(11906u, section.GetFirstChild<PageSize>()!.Width!.Value);
            Assert.AreEqual(16838u, section.GetFirstChild<PageSize>()!.Height!.Value);
            Assert.IsNotNull(section.GetFirstChild<TitlePage>(), "a title page keeps page 1 free of a page number");

            var footers = section.Elements<FooterReference>().ToDictionary(r => r.Type!.Value, r => (FooterPart)main.GetPartById(r.Id!));
            Assert.DoesNotContain("PAGE", footers[HeaderFooterValues.First].Footer!.InnerText);
            Assert.Contains("PAGE", footers[HeaderFooterValues.Default].Footer!.Descendants<FieldCode>().Single().Text);
            return 0;
        });
    }

    [TestMethod]
    public void DefaultTemplateIsBritishEnglishInArialElevenPoint()
    {
        WordDocuments.Read(LetterTemplate.Default.Docx, document =>
        {
            var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
            var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
            Assert.AreEqual("en-GB", defaults.GetFirstChild<Languages>()!.Val!.Value);
            Assert.AreEqual("Arial", defaults.GetFirstChild<RunFonts>()!.Ascii!.Value);
            Assert.AreEqual("22", defaults.GetFirstChild<FontSize>()!.Val!.Value);
            var normal = styles.Elements<Style>().Single(s => s.StyleId == "Normal");
            Assert.AreEqual("en-GB", normal.StyleRunProperties!.GetFirstChild<Languages>()!.Val!.Value);
            return 0;
        });
    }

    [TestMethod]
    public void DefaultTemplateHasTheStylesScreenReadersAndTheWriterNeed()
    {
        var ids = WordDocuments.Read(LetterTemplate.Default.Docx, d =>
            d.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId!.Value!).ToHashSet());

        string[] expected = ["Normal", "Title", "Heading1", "Heading2", "ListBullet", "ListBullet2", "ListNumber", "ListNumber2", "Hyperlink", "FootnoteText", "FootnoteReference", "Quote"];
        Assert.IsEmpty(expected.Where(id => !ids.Contains(id)).ToList());
    }

    [TestMethod]
    public void SubjectResponsesAndAppendicesAreHeadings()
    {
        WordDocuments.Read(LetterTemplate.Default.Docx, document =>
        {
            string StyleAround(string tag) => WordDocuments.Control(document, tag).Ancestors<Paragraph>().First().ParagraphProperties!.ParagraphStyleId!.Val!.Value!;
            Assert.AreEqual("Heading1", StyleAround("subject"));
            Assert.AreEqual("Heading2", StyleAround("response.heading"));
            Assert.AreEqual("Heading1", StyleAround("appendix.title"));
            return 0;
        });
    }
}
