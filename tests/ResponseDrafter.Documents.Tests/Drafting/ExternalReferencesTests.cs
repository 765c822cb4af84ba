using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Documents.Tests.Drafting;

/// <summary>What a renderer is handed has no link it would follow: external links other than hyperlinks are taken out, the rest is kept.</summary>
[TestClass]
public sealed class ExternalReferencesTests
{
    [TestMethod]
    public void AttachedTemplatesAndLinkedPicturesAreTakenOutAndHyperlinksKept()
    {
        var docx = HostileWordFiles.LinkedAndMacroEnabled(
            new WordFile().Paragraph("See ", new TextRun("the report", Link: "https://www.justiceinspectorates.gov.uk/hmicfrs/"), ".")
                .LinkedPicture(new Uri("http://127.0.0.1:9/logo.png")).Build());
        Assert.HasCount(3, ExternalReferences.Find(docx));

        var (stripped, removed) = ExternalReferences.Strip(docx);

        Assert.AreEqual(3, removed);
        Assert.IsEmpty(ExternalReferences.Find(stripped));
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(stripped));
        using var rels = new StreamReader(zip.GetEntry("word/_rels/document.xml.rels")!.Open());
        Assert.Contains("https://www.justiceinspectorates.gov.uk/hmicfrs/", rels.ReadToEnd(), "the hyperlink is still there");
    }

    [TestMethod]
    public void ALetterIsUnchangedInWhatItSaysWhenStripped()
    {
        var docx = LetterAssembler.Assemble(SampleLetters.Full, LetterTemplate.Default, LetterForm.Final).Letter!.Docx;

        var (stripped, removed) = ExternalReferences.Strip(docx);

        Assert.AreEqual(0, removed);
        CollectionAssert.AreEqual(LetterDocument.Read(docx).Document!.Paragraphs.ToList(), LetterDocument.Read(stripped).Document!.Paragraphs.ToList());
    }
}
