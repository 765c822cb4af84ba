using System.Text;
using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Import;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Documents.Tests.Import;

/// <summary>
/// The XML inside an upload is bounded before anything parses it into a tree: a DTD, malformed XML, a missing main part,
/// too many elements or too large a part are each refused with their own code, by every reader (imports and letters),
/// never thrown.
/// </summary>
[TestClass]
public sealed class HostileXmlTests
{
    private const string Name = "letter.docx";

    private static readonly byte[] Plain = new WordFile().Paragraph("The force has acted.").Build();

    /// <summary>The refusal every reader of an uploaded Word file gives; they must agree.</summary>
    private static UploadRefusal RefusedByEveryReader(byte[] bytes, UploadLimits? limits = null)
    {
        var letter = LetterDocument.Read(bytes, Name, limits);
        var force = AssuranceImport.Read(bytes, Name, limits);
        var report = RecommendationImport.ParseWord(bytes, Name, limits);
        Assert.IsNull(letter.Document);
        Assert.IsNull(force.Document);
        Assert.IsNull(report.Preview);
        Assert.AreEqual(letter.Refusal!.Code, force.Refusal!.Code);
        Assert.AreEqual(letter.Refusal.Code, report.Refusal!.Code);
        return letter.Refusal;
    }

    [TestMethod]
    public void AnExternalEntityIsRefusedAsADtdBeforeAnythingResolvesIt()
    {
        var refusal = RefusedByEveryReader(HostileWordFiles.ExternalEntity(Plain));

        Assert.AreEqual(UploadRefusalCode.Dtd, refusal.Code);
        StringAssert.Contains(refusal.Message, "its part word/document.xml declares a DTD");
        Assert.DoesNotContain("root:", refusal.Message);
    }

    [TestMethod]
    public void TheBillionLaughsIsRefusedAsADtd()
    {
        Assert.AreEqual(UploadRefusalCode.Dtd, RefusedByEveryReader(HostileWordFiles.BillionLaughs(Plain)).Code);
    }

    [TestMethod]
    public void ADtdInAUtf16PartIsRefusedAsADtd()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>";
        var bytes = HostileWordFiles.WithPart(Plain, "customXml/item1.xml", string.Empty);
        bytes = WithBytes(bytes, "customXml/item1.xml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)]);

        Assert.AreEqual(UploadRefusalCode.Dtd, RefusedByEveryReader(bytes).Code);
    }

    [TestMethod]
    public void AnEmbeddedHtmlChunkWithADoctypeIsRefusedAsTheEmbeddedObjectItIs()
    {
        var bytes = new WordFile().Paragraph("Text.").Build(document =>
        {
            var main = document.MainDocumentPart!;
            var chunk = main.AddAlternativeFormatImportPart(AlternativeFormatImportPartType.Html);
            chunk.FeedData(new MemoryStream(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>hidden</body></html>")));
            main.Document!.Body!.Append(new DocumentFormat.OpenXml.Wordprocessing.AltChunk { Id = main.GetIdOfPart(chunk) });
        });

        Assert.AreEqual(UploadRefusalCode.EmbeddedObject, RefusedByEveryReader(bytes).Code);
    }

    [TestMethod]
    public void MalformedXmlIsRefusedWithItsOwnCode()
    {
        var refusal = RefusedByEveryReader(HostileWordFiles.MalformedXml(Plain));

        Assert.AreEqual(UploadRefusalCode.MalformedXml, refusal.Code);
        StringAssert.StartsWith(refusal.Message, "\"letter.docx\" is damaged: some of the XML inside it is not well-formed");
    }

    [TestMethod]
    public void AMissingMainPartIsRefusedWithItsOwnCode()
    {
        var refusal = RefusedByEveryReader(HostileWordFiles.MissingMainPart(Plain));

        Assert.AreEqual(UploadRefusalCode.MissingMainPart, refusal.Code);
        StringAssert.Contains(refusal.Message, "the document part it names is not in the file");
    }

    [TestMethod]
    public void APackageThatNamesNoMainPartIsRefusedWithTheSameCode()
    {
        var bytes = HostileWordFiles.WithPart(Plain, "_rels/.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>");

        var refusal = RefusedByEveryReader(bytes);

        Assert.AreEqual(UploadRefusalCode.MissingMainPart, refusal.Code);
        StringAssert.Contains(refusal.Message, "no main part in _rels/.rels");
    }

    [TestMethod]
    public void AParagraphFloodIsRefusedForItsElementsWhileItIsDecompressed()
    {
        var flood = HostileWordFiles.ParagraphFlood(Plain, 3_000);

        var refusal = RefusedByEveryReader(flood, UploadLimits.Default with { MaxTagsPerPart = 5_000 });

        Assert.AreEqual(UploadRefusalCode.TooManyElements, refusal.Code);
        StringAssert.Contains(refusal.Message, "its part word/document.xml has more than 5,000 tags");
        Assert.IsNull(LetterDocument.Read(flood, Name).Refusal, "the same file is read under the default limits");
    }

    [TestMethod]
    public void TheIssuesParagraphFloodIsRefusedUnderTheDefaultLimits()
    {
        // 350,000 numbered paragraphs are 2,100,004 tags in 14 MB of XML that deflates about 20 times: under every
        // byte and ratio limit, as the issue's 2.6-million-paragraph file was.
        var flood = HostileWordFiles.ParagraphFlood(Plain, 350_000);

        var refusal = LetterDocument.Read(flood, Name).Refusal;

        Assert.AreEqual(UploadRefusalCode.TooManyElements, refusal?.Code, refusal?.Message);
    }

    [TestMethod]
    public void APartLargerThanThePartLimitIsRefusedFromItsHeaderBeforeItIsDecompressed()
    {
        var big = HostileWordFiles.WithPart(Plain, "customXml/item1.xml", $"<x>{new string('a', 200_000)}</x>");

        var refusal = RefusedByEveryReader(big, UploadLimits.Default with { MaxPartBytes = 100_000, MaxExpansionRatio = 10_000 });

        Assert.AreEqual(UploadRefusalCode.PartTooLarge, refusal.Code);
        StringAssert.Contains(refusal.Message, "its part customXml/item1.xml would expand to 195 KB");
    }

    [TestMethod]
    public void AZipBombIsRefusedForItsExpansion()
    {
        Assert.AreEqual(UploadRefusalCode.ExpandsTooMuch, RefusedByEveryReader(HostileWordFiles.ZipBomb(Plain)).Code);
    }

    private static byte[] WithBytes(byte[] docx, string name, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)?.Delete();
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }
}
