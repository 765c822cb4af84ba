using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;

namespace ResponseDrafter.Documents.Tests.Drafting;

[TestClass]
public sealed class LetterDocumentTests
{
    public static IEnumerable<object[]> Fixtures => SampleLetters.All.Select(f => new object[] { f.Name });

    private static AssembledLetter Assembled(Letter letter, LetterForm form = LetterForm.Editing)
    {
        var result = LetterAssembler.Assemble(letter, LetterTemplate.Default, form);
        Assert.IsNotNull(result.Letter, string.Join("\n", result.Problems));
        return result.Letter;
    }

    private static LetterDocument ReadBack(byte[] docx)
    {
        var read = LetterDocument.Read(docx, "letter.docx");
        Assert.IsNull(read.Refusal, read.Refusal?.Message);
        Assert.IsNotNull(read.Document);
        return read.Document;
    }

    private static DocumentRegion Region(LetterDocument document, string path) =>
        document.Find(path) ?? throw new AssertFailedException($"No region at '{path}'; the letter has: {string.Join(", ", document.All.Select(r => r.Path))}");

    [TestMethod]
    public void OpeningContextAccountabilityAndPublicationReadBackAsTheMarkupTheyWereWrittenIn()
    {
        var document = ReadBack(Assembled(SampleLetters.Full).Docx);

        Assert.StartsWith("I write in response to [the report](https://www.justiceinspectorates.gov.uk/hmicfrs/) on Hestia", Region(document, "opening").Markup);
        var context = Region(document, "context").Markup;
        Assert.Contains("- recommendations 2, 3 and 4 are applicable to all forces, including Essex Police; and\n- recommendations 4 and 6c", context);
        Assert.Contains("**Police and Crime Commissioners**", context);
        Assert.Contains("_forces have, overall, strengthened their approach_", context);
        Assert.AreEqual(SampleLetters.Full.Accountability, Region(document, "accountability").Markup);
        Assert.StartsWith("This response is published on [my website](https://www.essex.pfcc.police.uk", Region(document, "publication").Markup);
        Assert.AreEqual(SampleLetters.Full.Accountability, Region(document, "accountability").Text);
    }

    [TestMethod]
    public void EachResponseIsFoundByTheRecommendationItAnswers()
    {
        var document = ReadBack(Assembled(SampleLetters.Full).Docx);

        Assert.AreEqual("response:2, response:3, response:4, response:6c", string.Join(", ", Region(document, "responses").Children.Select(c => c.Name)));
        Assert.AreEqual("I am assured that officers and staff are supported.", Region(document, "responses/response:2/response.commentary").Text);
        Assert.AreEqual("Recommendation 6c", Region(document, "responses/response:6c/response.heading").Text);
        Assert.AreEqual("I will work with the APCC to report on this progress to HMICFRS.", Region(document, "responses/response:6c/response.commentary").Markup);
        Assert.Contains("\n\n- Justice and Care, who host a victim navigator; and\n- local groups", Region(document, "responses/response:4/response.commentary").Markup);
        Assert.IsNotEmpty(Region(document, "responses/response:2/response.status").Text);
        Assert.AreEqual("3", Region(document, "annex").Children.Single().Key);
    }

    [TestMethod]
    public void TheForcesAssuranceReadsBackLockedAndTitledWithWhereItCameFrom()
    {
        var document = ReadBack(Assembled(SampleLetters.Full).Docx);

        var assurance = Region(document, "responses/response:2/response.assurance");
        Assert.IsTrue(assurance.Locked);
        Assert.StartsWith("Force assurance: supplied by ", assurance.Alias);
        Assert.Contains("All officers complete the national e-learning package.", assurance.Text);
        Assert.IsTrue(Region(document, "annex/assurance:3/assurance.text").Locked);
        Assert.IsFalse(Region(document, "responses/response:2/response.commentary").Locked);
    }

    [TestMethod]
    public void TheEmptyPlacesOfADraftReadAsNothingWritten()
    {
        var letter = SampleLetters.Incomplete with { Opening = null, Context = null };

        var document = ReadBack(Assembled(letter).Docx);

        foreach (var path in new[] { "opening", "context", "signatory.date", "signatory.signature" })
        {
            var region = Region(document, path);
            Assert.IsEmpty(region.Paragraphs, path);
            Assert.AreEqual(string.Empty, region.Markup, path);
            Assert.AreEqual(string.Empty, region.Text, path);
        }

        var noCommentaryYet = Region(ReadBack(Assembled(SampleLetters.Full).Docx), "responses/response:3/response.commentary");
        Assert.AreEqual(string.Empty, noCommentaryYet.Markup);
    }

    [TestMethod]
    [DynamicData(nameof(Fixtures))]
    public void TheLettersParagraphsAreTheTextWordShows(string fixture)
    {
        var docx = Assembled(SampleLetters.All.Single(f => f.Name == fixture).Letter).Docx;

        var expected = WordDocuments.BodyText(docx)
            .Select(t => string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(t => t.Length > 0)
            .ToList();

        Assert.AreEqual(string.Join("\n", expected), string.Join("\n", ReadBack(docx).Paragraphs));
    }

    [TestMethod]
    public void ADocumentEditedInWordReadsBackWithTheEditsAccepted()
    {
        var docx = WordDocuments.Edit(Assembled(SampleLetters.Full).Docx, d =>
        {
            var body = d.MainDocumentPart!.Document!.Body!;
            var commentary = body.Descendants<SdtBlock>().First(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value == "response.commentary");
            var paragraph = commentary.Descendants<Paragraph>().First();
            paragraph.RsidParagraphAddition = "00A1B2C3";
            paragraph.SetAttribute(new OpenXmlAttribute("w14", "paraId", "http://schemas.microsoft.com/office/word/2010/wordml", "1A2B3C4D"));
            paragraph.PrependChild(new BookmarkStart { Id = "7", Name = "_GoBack" });
            paragraph.AppendChild(new ProofError { Type = ProofingErrorValues.SpellStart });
            paragraph.AppendChild(new InsertedRun(new Run(new Text(" I have seen the training records.") { Space = SpaceProcessingModeValues.Preserve })) { Id = "1", Author = "Suzanne Harris" });
            paragraph.AppendChild(new DeletedRun(new Run(new DeletedText(" This was struck out."))) { Id = "2", Author = "Suzanne Harris" });
            paragraph.AppendChild(new ProofError { Type = ProofingErrorValues.SpellEnd });
            paragraph.AppendChild(new BookmarkEnd { Id = "7" });
            body.InsertBefore(new Paragraph(new Run(new Text("A line typed outside every region."))), body.GetFirstChild<SectionProperties>());
        });

        var document = ReadBack(docx);

        var commentary = Region(document, "responses/response:2/response.commentary");
        Assert.AreEqual("I am assured that officers and staff are supported. I have seen the training records.", commentary.Text);
        Assert.AreEqual(commentary.Text, commentary.Markup);
        Assert.Contains("A line typed outside every region.", document.Paragraphs);
        Assert.IsFalse(document.Paragraphs.Any(p => p.Contains("struck out", StringComparison.Ordinal)));
        Assert.AreEqual("I am assured that officers and staff are supported.", Region(ReadBack(Assembled(SampleLetters.Full).Docx), "responses/response:2/response.commentary").Text);
    }

    [TestMethod]
    public void ABoldWordTypedInWordReadsBackAsBoldMarkup()
    {
        var docx = WordDocuments.Edit(Assembled(SampleLetters.Full).Docx, d =>
        {
            var opening = WordDocuments.Control(d, "opening");
            var paragraph = opening.Descendants<Paragraph>().First();
            paragraph.AppendChild(new Run(new Text(" ") { Space = SpaceProcessingModeValues.Preserve }));
            paragraph.AppendChild(new Run(new RunProperties(new Bold()), new Text("Thank you.")));
        });

        Assert.EndsWith("**Thank you.**", Region(ReadBack(docx), "opening").Markup);
    }

    [TestMethod]
    public void TextACharacterStyleMakesBoldOrItalicReadsBackAsThatMarkupUnlessTheRunTurnsItOff()
    {
        var docx = WordDocuments.Edit(Assembled(SampleLetters.Full).Docx, d =>
        {
            var styles = d.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
            styles.AppendChild(new Style(new StyleName { Val = "Emphatic" }, new StyleRunProperties(new Bold())) { Type = StyleValues.Character, StyleId = "Emphatic" });
            styles.AppendChild(new Style(new StyleName { Val = "Emphatic aside" }, new BasedOn { Val = "Emphatic" }, new StyleRunProperties(new Italic()))
            {
                Type = StyleValues.Character,
                StyleId = "EmphaticAside",
            });
            var paragraph = WordDocuments.Control(d, "opening").Descendants<Paragraph>().First();
            foreach (var (text, properties) in new[]
            {
                ("Thank you.", new RunProperties(new RunStyle { Val = "Emphatic" })),
                ("Truly.", new RunProperties(new RunStyle { Val = "EmphaticAside" })),
                ("Plainly.", new RunProperties(new RunStyle { Val = "Emphatic" }, new Bold { Val = false })),
            })
            {
                paragraph.AppendChild(new Run(new Text(" ") { Space = SpaceProcessingModeValues.Preserve }));
                paragraph.AppendChild(new Run(properties, new Text(text)));
            }
        });

        Assert.EndsWith("**Thank you.** **_Truly._** Plainly.", Region(ReadBack(docx), "opening").Markup);
    }

    [TestMethod]
    public void TheDraftAndVersionTheDocumentBelongsToAreRead()
    {
        var document = ReadBack(Assembled(SampleLetters.Full).Docx);

        Assert.AreEqual(new DocumentIdentity("d-7f3a", "3"), document.Identity);
    }

    [TestMethod]
    public void AnIncompleteLetterIsMarkedDraftAndACompleteOneIsNot()
    {
        var incomplete = Assembled(SampleLetters.Incomplete, LetterForm.Final);
        var complete = Assembled(SampleLetters.Full, LetterForm.Final);

        Assert.IsNotEmpty(incomplete.Gaps);
        Assert.IsEmpty(complete.Gaps);
        Assert.IsTrue(ReadBack(incomplete.Docx).MarkedDraft);
        Assert.IsFalse(ReadBack(complete.Docx).MarkedDraft);
    }

    [TestMethod]
    public void TheHashIsOfTheExactBytes()
    {
        var docx = Assembled(SampleLetters.Minimal).Docx;

        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(docx)), ReadBack(docx).Sha256);
    }

    [TestMethod]
    public void APathThatIsNotInTheLetterFindsNothing()
    {
        var document = ReadBack(Assembled(SampleLetters.Full).Docx);

        Assert.IsNull(document.Find("responses/response:99/response.commentary"));
        Assert.IsNull(document.Find("responses/response/response.commentary"));
        Assert.IsNotNull(document.Find("responses/response:2"));
    }

    [TestMethod]
    public void AFileThatIsNotAWordDocumentIsRefused()
    {
        var read = LetterDocument.Read(Encoding.UTF8.GetBytes("%PDF-1.7 not a letter"), "letter.pdf");

        Assert.IsNull(read.Document);
        Assert.AreEqual(UploadRefusalCode.NotWord, read.Refusal?.Code);
    }

    [TestMethod]
    [DataRow("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>")]
    [DataRow("<!DOCTYPE w:document [<!ENTITY lol \"lol\">]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>")]
    [DataRow("not xml at all")]
    public void ADocumentWhoseTextIsDamagedOrUnsafeIsRefusedNotThrown(string mainPart)
    {
        var read = LetterDocument.Read(WithMainPart(Assembled(SampleLetters.Minimal).Docx, mainPart), "letter.docx");

        Assert.IsNull(read.Document);
        Assert.IsNotNull(read.Refusal);
    }

    private static byte[] WithMainPart(byte[] docx, string xml)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(xml);
        }

        return stream.ToArray();
    }
}
