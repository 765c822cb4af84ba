using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;
using ResponseDrafter.TestSupport;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace ResponseDrafter.Documents.Tests.Publication;

/// <summary>
/// The letter as it is published: drafted in the editing form (the one Word holds), signed, printed by LibreOffice.
/// Its pages are rendered to PNG (pdftoppm, 60 dpi) and kept with the test result for a reviewer to look at.
/// </summary>
[TestClass]
public sealed partial class SignedLetterTests
{
    private static readonly string[] HeadingStyles = ["heading 1", "heading 2"];

    public TestContext TestContext { get; set; } = null!;

    private static byte[] Signed(Letter letter)
    {
        var unsigned = letter with { Signatory = letter.Signatory with { Signature = null, SignedOn = null } };
        var result = LetterAssembler.Assemble(unsigned, LetterTemplate.Default, LetterForm.Editing);
        Assert.IsNotNull(result.Letter, string.Join("\n", result.Problems));
        var signed = LetterSigning.Sign(result.Letter.Docx, TestImages.Signature, "19 July 2021");
        WordDocuments.AssertValid(signed, "the signed letter");
        return signed;
    }

    [TestMethod]
    public void SignedLetterCarriesTitleLanguageHeadingStylesAndAltTextOnEveryPicture()
    {
        var signed = Signed(PrintedLetters.LinkedEverywhere);

        using var document = WordprocessingDocument.Open(new MemoryStream(signed), isEditable: false);
        Assert.AreEqual(PrintedLetters.LinkedEverywhere.Subject, document.PackageProperties.Title, "dc:title");
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var language = styles.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.Languages?.Val?.Value;
        Assert.AreEqual("en-GB", language, "w:lang of the document defaults");
        var headings = styles.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>()
            .Select(s => s.StyleName?.Val?.Value).Where(n => n is not null && n.StartsWith("heading ", StringComparison.Ordinal)).ToList();
        CollectionAssert.IsSubsetOf(HeadingStyles, headings);
        var pictures = document.MainDocumentPart.Document!.Descendants<Wp.DocProperties>().Select(p => p.Description?.Value).ToList();
        CollectionAssert.AreEquivalent(new[] { TestImages.Logo.AltText, TestImages.Signature.AltText }, pictures);
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void SignedLetterPrintsItsLinksAsLinksIsTaggedAndItsPagesAreKeptForReview()
    {
        var folder = Directory.CreateDirectory(Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "signed-letter")).FullName;
        var docx = Path.Combine(folder, "signed-letter.docx");
        File.WriteAllBytes(docx, Signed(PrintedLetters.LinkedEverywhere));

        var pdf = PdfTools.ConvertToPdf([docx], folder).Single();

        var text = Regex.Replace(PdfTools.Text(pdf), @"\s+", " ");
        Assert.DoesNotContain("HYPERLINK", text);
        foreach (var link in PrintedLetters.LinkTexts)
        {
            Assert.Contains(link, text);
        }

        var structure = PdfTools.Structure(pdf);
        Assert.IsTrue(structure.Marked);
        Assert.AreEqual("en-GB", structure.Language);
        Assert.AreEqual(PrintedLetters.LinkedEverywhere.Subject, structure.Title);
        Assert.IsTrue(structure.DisplayDocTitle);
        Assert.IsGreaterThanOrEqualTo(PrintedLetters.LinkTexts.Count, structure.OfType("Link").Count());
        CollectionAssert.AreEquivalent(
            new[] { TestImages.Logo.AltText, TestImages.Signature.AltText },
            structure.OfType("Figure").Select(f => f.Alt).ToList());

        TestContext.AddResultFile(docx);
        TestContext.AddResultFile(pdf);
        foreach (var page in PdfTools.Pages(pdf, Path.Combine(folder, "signed-letter-page")))
        {
            TestContext.AddResultFile(page);
        }
    }
}
