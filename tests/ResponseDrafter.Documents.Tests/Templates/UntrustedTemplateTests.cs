using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Documents.Tests.Templates;

/// <summary>
/// A template is an untrusted file whose contents every letter inherits: it goes through the upload inspection, and
/// every link to outside content other than a hyperlink, every macro project and every embedded object is named.
/// Letters made from the templates that pass therefore never carry such a link.
/// </summary>
[TestClass]
public sealed class UntrustedTemplateTests
{
    private const string Rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    public static IEnumerable<object[]> Fixtures => SampleLetters.All.Select(f => new object[] { f.Name });

    private static byte[] DefaultWith(Action<WordprocessingDocument> edit) => WordDocuments.Edit(LetterTemplate.Default.Docx, edit);

    [TestMethod]
    public void ATemplateWithAnAttachedTemplateALinkedPictureAndMacrosIsRefusedNamingEach()
    {
        var result = LetterTemplate.Load(HostileWordFiles.LinkedAndMacroEnabled(LetterTemplate.Default.Docx), "letterhead.docx");

        Assert.IsNull(result.Template);
        Assert.AreEqual(UploadRefusalCode.MacroEnabled, result.Refusal?.Code);
        var said = string.Join("\n", result.Problems.Select(p => p.Message));
        Assert.HasCount(3, result.Problems, said);
        StringAssert.Contains(said, "The template carries macros (word/vbaProject.bin)");
        StringAssert.Contains(said, "The template carries an attached template at http://127.0.0.1:9/letterhead.dotm");
        StringAssert.Contains(said, "The template carries a picture linked from elsewhere at http://127.0.0.1:9/crest.png");
    }

    [TestMethod]
    [DataRow("attachedTemplate", "an attached template")]
    [DataRow("image", "a picture linked from elsewhere")]
    [DataRow("oleObject", "an embedded or linked object")]
    [DataRow("subDocument", "a subdocument")]
    [DataRow("frame", "a web frame")]
    public void EveryKindOfExternalLinkButAHyperlinkIsRefused(string kind, string named)
    {
        var docx = DefaultWith(d => d.MainDocumentPart!.AddExternalRelationship(Rels + kind, new Uri("http://127.0.0.1:9/outside")));

        var result = LetterTemplate.Load(docx);

        Assert.AreEqual(UploadRefusalCode.ExternalRelationship, result.Refusal?.Code);
        StringAssert.Contains(result.Problems.Single().Message, $"{named} at http://127.0.0.1:9/outside");
    }

    [TestMethod]
    public void AnEmbeddedObjectIsRefused()
    {
        var docx = DefaultWith(d => d.MainDocumentPart!.AddEmbeddedObjectPart("application/vnd.openxmlformats-officedocument.oleObject").FeedData(new MemoryStream([1, 2, 3])));

        var result = LetterTemplate.Load(docx);

        Assert.AreEqual(UploadRefusalCode.EmbeddedObject, result.Refusal?.Code);
        StringAssert.Contains(result.Problems.Single().Message, "an embedded or linked object");
    }

    [TestMethod]
    public void AHyperlinkInATemplateIsAccepted()
    {
        var docx = DefaultWith(d => d.MainDocumentPart!.AddHyperlinkRelationship(new Uri("https://www.justiceinspectorates.gov.uk/hmicfrs/"), isExternal: true));

        var result = LetterTemplate.Load(docx);

        Assert.IsNotNull(result.Template, string.Join("\n", result.Problems.Select(p => p.Message)));
    }

    [TestMethod]
    public void ATemplateWithMalformedXmlIsRefusedWithItsCodeBeforeTheSdkOpensIt()
    {
        var result = LetterTemplate.Load(HostileWordFiles.MalformedXml(LetterTemplate.Default.Docx));

        Assert.AreEqual(UploadRefusalCode.MalformedXml, result.Refusal?.Code);
    }

    [TestMethod]
    public void ATemplateWithoutItsMainPartIsRefusedWithItsCode()
    {
        var result = LetterTemplate.Load(HostileWordFiles.MissingMainPart(LetterTemplate.Default.Docx));

        Assert.AreEqual(UploadRefusalCode.MissingMainPart, result.Refusal?.Code);
    }

    [TestMethod]
    public void ATemplateZipBombIsRefusedBeforeTheSdkOpensIt()
    {
        var result = LetterTemplate.Load(HostileWordFiles.ZipBomb(LetterTemplate.Default.Docx, megabytes: 16));

        Assert.AreEqual(UploadRefusalCode.ExpandsTooMuch, result.Refusal?.Code);
    }

    [TestMethod]
    [DynamicData(nameof(Fixtures))]
    public void ALetterNeverCarriesAnExternalLinkOtherThanAHyperlink(string fixture)
    {
        var letter = SampleLetters.All.Single(f => f.Name == fixture).Letter;
        foreach (var form in new[] { LetterForm.Editing, LetterForm.Final })
        {
            var assembled = LetterAssembler.Assemble(letter, LetterTemplate.Default, form);
            Assert.IsNotNull(assembled.Letter, string.Join("\n", assembled.Problems));

            Assert.IsEmpty(ExternalReferences.Find(assembled.Letter.Docx), $"{fixture} ({form})");
            Assert.IsNull(WordUpload.Inspect(assembled.Letter.Docx, "letter.docx"), $"{fixture} ({form}) passes the upload inspection");
        }
    }
}
