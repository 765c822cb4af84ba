using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;

namespace ResponseDrafter.Documents.Tests.Templates;

[TestClass]
public sealed class TemplateValidationTests
{
    private static byte[] DefaultWith(Action<WordprocessingDocument> edit) => WordDocuments.Edit(LetterTemplate.Default.Docx, edit);

    private static TemplateProblem Single(TemplateLoadResult result)
    {
        Assert.IsNull(result.Template);
        Assert.HasCount(1, result.Problems, string.Join("\n", result.Problems));
        return result.Problems[0];
    }

    [TestMethod]
    public void MissingRequiredTagIsReportedByName()
    {
        var docx = DefaultWith(d => WordDocuments.Control(d, "salutation").Remove());

        var problem = Single(LetterTemplate.Load(docx));

        Assert.AreEqual("salutation", problem.Tag);
        Assert.AreEqual("document", problem.Location);
        Assert.Contains("missing", problem.Message);
    }

    [TestMethod]
    public void MissingTagInsideAnItemSaysWhichItem()
    {
        var docx = DefaultWith(d => WordDocuments.Control(d, "response.status").Remove());

        var problem = Single(LetterTemplate.Load(docx));

        Assert.AreEqual("response.status", problem.Tag);
        Assert.Contains("inside 'responses'", problem.Location);
        Assert.Contains("inside 'response'", problem.Message);
    }

    [TestMethod]
    public void DuplicatedTagIsReportedWhereTheSecondOneIs()
    {
        var docx = DefaultWith(d =>
        {
            var opening = WordDocuments.Control(d, "opening");
            opening.InsertAfterSelf(opening.CloneNode(true));
        });

        var problem = Single(LetterTemplate.Load(docx));

        Assert.AreEqual("opening", problem.Tag);
        Assert.StartsWith("body, paragraph ", problem.Location);
        Assert.Contains("more than once", problem.Message);
    }

    [TestMethod]
    public void TextTagsMayAppearMoreThanOnce()
    {
        var docx = DefaultWith(d =>
        {
            var subject = WordDocuments.Control(d, "subject");
            subject.InsertAfterSelf(subject.CloneNode(true));
        });

        Assert.IsEmpty(LetterTemplate.Load(docx).Problems);
    }

    [TestMethod]
    public void UnknownTagIsReported()
    {
        var docx = DefaultWith(d => WordDocuments.Control(d, "closing").InsertAfterSelf(InlineControl("signatory.phone")));

        var problem = Single(LetterTemplate.Load(docx));

        Assert.AreEqual("signatory.phone", problem.Tag);
        Assert.Contains("Unknown tag", problem.Message);
    }

    [TestMethod]
    public void MisspelledTagSuggestsTheRightOne()
    {
        var docx = DefaultWith(d => Retag(WordDocuments.Control(d, "closing"), "Closing"));

        var problems = LetterTemplate.Load(docx).Problems;

        Assert.IsTrue(problems.Any(p => p.Tag == "Closing" && p.Message.Contains("did you mean 'closing'", StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.IsTrue(problems.Any(p => p.Tag == "closing" && p.Location == "document"), "the real tag is then missing too");
    }

    [TestMethod]
    public void ResponseChildOutsideTheResponsesRegionIsInTheWrongPlace()
    {
        var docx = DefaultWith(d => WordDocuments.Control(d, "salutation").InsertAfterSelf(InlineControl("response.heading")));

        var problem = Single(LetterTemplate.Load(docx));

        Assert.AreEqual("response.heading", problem.Tag);
        Assert.Contains("must be inside 'response'", problem.Message);
    }

    [TestMethod]
    public void BlockTagUsedInlineIsReported()
    {
        var docx = DefaultWith(d =>
        {
            WordDocuments.Control(d, "opening").Remove();
            WordDocuments.Control(d, "salutation").InsertAfterSelf(InlineControl("opening"));
        });

        var problem = Single(LetterTemplate.Load(docx));

        Assert.AreEqual("opening", problem.Tag);
        Assert.Contains("block-level", problem.Message);
    }

    [TestMethod]
    public void InlineTagWrappingParagraphsIsReported()
    {
        var docx = DefaultWith(d =>
        {
            var date = WordDocuments.Control(d, "date");
            var paragraph = date.Ancestors<Paragraph>().First();
            date.Remove();
            paragraph.InsertAfterSelf(new SdtBlock(
                new SdtProperties(new Tag { Val = "date" }),
                new SdtContentBlock(new Paragraph(new Run(new Text("[Date]"))))));
        });

        var problem = Single(LetterTemplate.Load(docx));

        Assert.AreEqual("date", problem.Tag);
        Assert.Contains("inline", problem.Message);
    }

    [TestMethod]
    public void RepeatingRegionWithoutItemTemplateIsReported()
    {
        var docx = DefaultWith(d =>
        {
            var entry = WordDocuments.Control(d, "cc.entry");
            entry.InsertAfterSelf(new Paragraph(new Run(new Text("Copy to someone"))));
            entry.Remove();
        });

        var problem = Single(LetterTemplate.Load(docx));

        Assert.AreEqual("cc.entry", problem.Tag);
        Assert.Contains("no item template", problem.Message);
    }

    [TestMethod]
    public void RichTextInAHeaderIsReported()
    {
        var docx = DefaultWith(d =>
        {
            var opening = WordDocuments.Control(d, "opening");
            opening.Remove();
            d.MainDocumentPart!.HeaderParts.First().Header!.AppendChild(opening);
        });

        var problem = Single(LetterTemplate.Load(docx));

        Assert.AreEqual("opening", problem.Tag);
        Assert.StartsWith("header ", problem.Location);
    }

    [TestMethod]
    public void LetterheadInAHeaderIsAllowed()
    {
        var docx = DefaultWith(d =>
        {
            var name = WordDocuments.Control(d, "opcc.name").Ancestors<Paragraph>().First();
            name.Remove();
            d.MainDocumentPart!.HeaderParts.First().Header!.AppendChild(name);
        });

        Assert.IsEmpty(LetterTemplate.Load(docx).Problems);
    }

    [TestMethod]
    public void SeveralFaultsAreAllReportedAtOnce()
    {
        var docx = DefaultWith(d =>
        {
            WordDocuments.Control(d, "salutation").Remove();
            var opening = WordDocuments.Control(d, "opening");
            opening.InsertAfterSelf(opening.CloneNode(true));
            WordDocuments.Control(d, "closing").InsertAfterSelf(InlineControl("signatory.phone"));
            WordDocuments.Control(d, "subject").InsertAfterSelf(InlineControl("subitem.text"));
            WordDocuments.Control(d, "assurance").Remove();
        });

        var problems = LetterTemplate.Load(docx).Problems;

        Expect.SameItems(problems.Select(p => p.Tag), "salutation", "opening", "signatory.phone", "subitem.text", "assurance");
    }

    [TestMethod]
    public void TextThatIsNotAWordFileIsOneProblem()
    {
        var problem = Single(LetterTemplate.Load("Dear Home Secretary"u8.ToArray()));

        Assert.AreEqual("file", problem.Location);
        Assert.Contains("not a Word document", problem.Message);
    }

    [TestMethod]
    public void ZipThatIsNotAWordFileIsOneProblem()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("notes.txt").Open());
            writer.Write("not a document");
        }

        var problem = Single(LetterTemplate.Load(zip.ToArray()));

        Assert.AreEqual("file", problem.Location);
    }

    [TestMethod]
    public void TruncatedDocxIsOneProblem()
    {
        var docx = LetterTemplate.Default.Docx;

        var problem = Single(LetterTemplate.Load(docx[..(docx.Length / 2)]));

        Assert.AreEqual("file", problem.Location);
    }

    [TestMethod]
    public void EncryptedDocumentIsOneProblem()
    {
        byte[] compoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var problem = Single(LetterTemplate.Load(compoundFile));

        Assert.Contains("password", problem.Message);
    }

    [TestMethod]
    public void MacroEnabledDocumentIsRejected()
    {
        var docm = DefaultWith(d => d.ChangeDocumentType(WordprocessingDocumentType.MacroEnabledDocument));

        var problem = Single(LetterTemplate.Load(docm));

        Assert.Contains(".docm", problem.Message);
    }

    [TestMethod]
    public void WordTemplateFileIsAcceptedAndBecomesADocument()
    {
        var dotx = DefaultWith(d => d.ChangeDocumentType(WordprocessingDocumentType.Template));

        var template = LetterTemplate.Load(dotx).Template;

        Assert.IsNotNull(template);
        Assert.AreEqual(WordprocessingDocumentType.Document, WordDocuments.Read(template.Docx, d => d.DocumentType));
    }

    [TestMethod]
    public void RestyledTemplateStillLoads()
    {
        var restyled = TemplateEdits.Restyled(LetterTemplate.Default.Docx);

        Assert.IsEmpty(LetterTemplate.Load(restyled).Problems);
    }

    private static SdtRun InlineControl(string tag) =>
        new(new SdtProperties(new Tag { Val = tag }), new SdtContentRun(new Run(new Text($"[{tag}]"))));

    private static void Retag(SdtElement control, string tag) => control.SdtProperties!.GetFirstChild<Tag>()!.Val = tag;
}
