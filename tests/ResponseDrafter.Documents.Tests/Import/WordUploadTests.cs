using ResponseDrafter.TestSupport;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Import;

namespace ResponseDrafter.Documents.Tests.Import;

/// <summary>Each kind of hostile or unusable upload is refused with its own code and a message that says what to do.</summary>
[TestClass]
public sealed class WordUploadTests
{
    private const string Name = "Force response.docx";

    private static byte[] Plain() => new WordFile().Heading(1, "Response").Paragraph("The force has acted.").Build();

    private static UploadRefusal Refused(byte[] bytes, UploadLimits? limits = null)
    {
        var read = AssuranceImport.Read(bytes, Name, limits);
        Assert.IsNull(read.Document, "a refused file gives no document");
        Assert.IsNull(RecommendationImport.ParseWord(bytes, Name, limits).Preview, "nor a preview");
        return read.Refusal!;
    }

    /// <summary>A zip written entry by entry, for files no Word would write.</summary>
    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The document's parts, with some added or replaced.</summary>
    private static byte[] WithParts(byte[] docx, params (string Name, string Content)[] parts)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                zip.GetEntry(name)?.Delete();
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return stream.ToArray();
    }

    [TestMethod]
    public void APlainWordDocumentIsAccepted() =>
        Assert.IsNull(WordUpload.Inspect(Plain(), Name));

    [TestMethod]
    public void AnEmptyFileIsRefused()
    {
        var refusal = Refused([]);

        Assert.AreEqual(UploadRefusalCode.Empty, refusal.Code);
        Assert.AreEqual("\"Force response.docx\" is empty. Choose the Word document again and upload it.", refusal.Message);
    }

    [TestMethod]
    public void AFileOverTheSizeLimitIsRefusedBeforeAnythingReadsIt()
    {
        var refusal = Refused(Plain(), new UploadLimits { MaxBytes = 1024 });

        Assert.AreEqual(UploadRefusalCode.TooLarge, refusal.Code);
        Assert.Contains("the largest file that can be uploaded is 1 KB", refusal.Message);
    }

    [TestMethod]
    public void AnEncryptedOrOldWordFileIsRefused()
    {
        byte[] compoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var refusal = Refused(compoundFile);

        Assert.AreEqual(UploadRefusalCode.EncryptedOrLegacyWord, refusal.Code);
        Assert.Contains("password-protected, or is an old-style Word 97–2003 (.doc) file", refusal.Message);
    }

    [TestMethod]
    public void APdfIsRefusedAsNotWord()
    {
        var refusal = Refused(Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"));

        Assert.AreEqual(UploadRefusalCode.NotWord, refusal.Code);
        Assert.AreEqual("\"Force response.docx\" is not a Word document (.docx) (it is a PDF). Upload the Word document, or paste its text.", refusal.Message);
    }

    [TestMethod]
    public void AnExcelWorkbookIsRefusedAsNotWord()
    {
        using var stream = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            workbook.AddWorkbookPart().Workbook = new Workbook();
        }

        var refusal = Refused(stream.ToArray());

        Assert.AreEqual(UploadRefusalCode.NotWord, refusal.Code);
        Assert.Contains("is not a Word document (it is an Excel workbook)", refusal.Message);
    }

    [TestMethod]
    public void AZipWithoutContentTypesIsRefusedAsMalformed()
    {
        var refusal = Refused(Zip(("word/document.xml", Encoding.UTF8.GetBytes("<w:document/>"))));

        Assert.AreEqual(UploadRefusalCode.Malformed, refusal.Code);
        Assert.Contains("it has no [Content_Types].xml part", refusal.Message);
    }

    [TestMethod]
    public void ATruncatedZipIsRefusedAsMalformed()
    {
        var refusal = Refused(Plain()[..200]);

        Assert.AreEqual(UploadRefusalCode.Malformed, refusal.Code);
        Assert.Contains("its contents cannot be read", refusal.Message);
    }

    [TestMethod]
    public void ADocumentWhoseXmlIsBrokenIsRefusedAsMalformedXml()
    {
        var refusal = Refused(WithParts(Plain(), ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>")));

        Assert.AreEqual(UploadRefusalCode.MalformedXml, refusal.Code);
        Assert.Contains("some of the XML inside it is not well-formed", refusal.Message);
    }

    [TestMethod]
    public void ADocumentTypeDeclarationIsNeverExpanded()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>
            """;

        var refusal = Refused(WithParts(Plain(), ("word/document.xml", laughs)));

        Assert.AreEqual(UploadRefusalCode.Dtd, refusal.Code);
    }

    [TestMethod]
    public void AZipBombIsRefusedByItsExpansionRatio()
    {
        var refusal = Refused(Zip(("[Content_Types].xml", []), ("word/document.xml", new byte[8 * 1024 * 1024])));

        Assert.AreEqual(UploadRefusalCode.ExpandsTooMuch, refusal.Code);
        Assert.Contains("its part word/document.xml expands", refusal.Message);
    }

    [TestMethod]
    public void AFileThatExpandsBeyondTheTotalLimitIsRefused()
    {
        var refusal = Refused(Plain(), new UploadLimits { MaxExpandedBytes = 2000 });

        Assert.AreEqual(UploadRefusalCode.ExpandsTooMuch, refusal.Code);
        Assert.Contains("it would expand to", refusal.Message);
    }

    [TestMethod]
    public void AZipWhoseHeadersUnderstateItsSizesIsRefused()
    {
        var bytes = WithParts(Plain(), ("word/media/filler.bin", new string('x', 200_000)));
        Understate(bytes, "word/media/filler.bin");

        var refusal = Refused(bytes);

        Assert.AreEqual(UploadRefusalCode.Malformed, refusal.Code);
        Assert.Contains("its part word/media/filler.bin does not match its checksum", refusal.Message);
    }

    [TestMethod]
    public void AFileWithTooManyPartsIsRefused()
    {
        var refusal = Refused(Zip([.. Enumerable.Range(0, 30).Select(i => ($"part{i}.xml", new byte[] { 1 }))]), new UploadLimits { MaxParts = 20 });

        Assert.AreEqual(UploadRefusalCode.TooManyParts, refusal.Code);
        Assert.Contains("has 30 parts", refusal.Message);
    }

    [TestMethod]
    public void AMacroProjectIsRefused()
    {
        var bytes = WithParts(Plain(), ("word/vbaProject.bin", "Attribute VB_Name"));

        var refusal = Refused(bytes);

        Assert.AreEqual(UploadRefusalCode.MacroEnabled, refusal.Code);
        Assert.Contains("contains macros", refusal.Message);
    }

    [TestMethod]
    public void AMacroEnabledDocumentTypeIsRefused()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledDocument))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new DocumentFormat.OpenXml.Wordprocessing.Paragraph()));
        }

        Assert.AreEqual(UploadRefusalCode.MacroEnabled, Refused(stream.ToArray()).Code);
    }

    [TestMethod]
    public void AnAttachedTemplateOnAnotherServerIsRefused()
    {
        var bytes = new WordFile().Paragraph("Text.").Build(document =>
        {
            var settings = document.MainDocumentPart!.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings();
            settings.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate", new Uri("https://attacker.example/template.dotm"));
        });

        var refusal = Refused(bytes);

        Assert.AreEqual(UploadRefusalCode.ExternalRelationship, refusal.Code);
        Assert.Contains("links to outside content (an attached template) that Word would fetch", refusal.Message);
    }

    [TestMethod]
    public void APictureLinkedFromAnotherServerIsRefused()
    {
        var bytes = new WordFile().Paragraph("Text.").Build(document =>
            document.MainDocumentPart!.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", new Uri("https://tracker.example/pixel.png")));

        var refusal = Refused(bytes);

        Assert.AreEqual(UploadRefusalCode.ExternalRelationship, refusal.Code);
        Assert.Contains("(a picture linked from elsewhere)", refusal.Message);
    }

    [TestMethod]
    public void HyperlinksAreAcceptedAndKeptAsLinks()
    {
        var bytes = new WordFile().Paragraph("See ", new TextRun("the report", Link: "https://www.justiceinspectorates.gov.uk/hmicfrs/"), ".").Build();

        var document = AssuranceImport.Read(bytes, Name).Document!;

        Assert.AreEqual("See [the report](https://www.justiceinspectorates.gov.uk/hmicfrs/).", document.Sections[0].Text);
    }

    [TestMethod]
    public void AnEmbeddedDocumentChunkIsRefused()
    {
        var bytes = new WordFile().Paragraph("Text.").Build(document =>
        {
            var main = document.MainDocumentPart!;
            var chunk = main.AddAlternativeFormatImportPart(AlternativeFormatImportPartType.Html);
            chunk.FeedData(new MemoryStream(Encoding.UTF8.GetBytes("<html><body>hidden</body></html>")));
            main.Document!.Body!.Append(new AltChunk { Id = main.GetIdOfPart(chunk) });
        });

        var refusal = Refused(bytes);

        Assert.AreEqual(UploadRefusalCode.EmbeddedObject, refusal.Code);
        Assert.Contains("contains an embedded document (altChunk), whose text cannot be imported", refusal.Message);
    }

    [TestMethod]
    public void AnEmbeddedObjectIsRefused()
    {
        var bytes = new WordFile().Paragraph("Text.").Build(document =>
            document.MainDocumentPart!.AddEmbeddedObjectPart("application/vnd.openxmlformats-officedocument.oleObject").FeedData(new MemoryStream([1, 2, 3])));

        var refusal = Refused(bytes);

        Assert.AreEqual(UploadRefusalCode.EmbeddedObject, refusal.Code);
        Assert.Contains("contains an embedded or linked object", refusal.Message);
    }

    [TestMethod]
    public void ActiveXControlsAreRefused()
    {
        var bytes = WithParts(Plain(), ("word/activeX/activeX1.xml", "<ax:ocx xmlns:ax=\"http://schemas.microsoft.com/office/2006/activeX\"/>"));

        var refusal = Refused(bytes);

        Assert.AreEqual(UploadRefusalCode.ActiveContent, refusal.Code);
        Assert.Contains("ActiveX controls, which could run code", refusal.Message);
    }

    /// <summary>Rewrites the entry's local header and central directory record to claim 100 bytes when decompressed.</summary>
    private static void Understate(byte[] zip, string entryName)
    {
        var name = Encoding.ASCII.GetBytes(entryName);
        var patched = 0;
        for (var at = 0; at + 46 + name.Length <= zip.Length; at++)
        {
            if (zip[at] != 0x50 || zip[at + 1] != 0x4B)
            {
                continue;
            }

            if (zip[at + 2] == 0x03 && zip[at + 3] == 0x04 && zip.AsSpan(at + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(at + 22, 4), 100u);
                patched++;
            }
            else if (zip[at + 2] == 0x01 && zip[at + 3] == 0x02 && zip.AsSpan(at + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(at + 24, 4), 100u);
                patched++;
            }
        }

        Assert.AreEqual(2, patched, "local header and central directory record");
    }
}
