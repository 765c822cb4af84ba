using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.TestSupport;

/// <summary>
/// Word files built to hurt whatever reads them, each small enough for a fast test: the causes an upload must be
/// refused for, one file per cause, for every endpoint that takes a Word file to be tried with.
/// </summary>
public static class HostileWordFiles
{
    private const string Main = "word/document.xml";
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>A document whose main part declares a DTD with an external entity (XXE) pointing at a local file.</summary>
    public static byte[] ExternalEntity(byte[] document) => WithPart(document, Main,
        $"<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>");

    /// <summary>A document whose main part is the "billion laughs": ten levels of entities, each ten of the one below.</summary>
    public static byte[] BillionLaughs(byte[] document)
    {
        var dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            dtd.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        return WithPart(document, Main, $"<?xml version=\"1.0\"?><!DOCTYPE lolz [{dtd}]><w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>");
    }

    /// <summary>A document whose main part is cut off mid-element.</summary>
    public static byte[] MalformedXml(byte[] document) => WithPart(document, Main, $"<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>cut off");

    /// <summary>A document without its main part (the package still names it).</summary>
    public static byte[] MissingMainPart(byte[] document) => WithPart(document, Main, null);

    /// <summary>
    /// The 2.6-million-paragraph attack scaled down: a main part of <paramref name="paragraphs"/> tiny numbered
    /// paragraphs. Lower the element limit to meet it in a fast test.
    /// </summary>
    public static byte[] ParagraphFlood(byte[] document, int paragraphs)
    {
        var xml = new StringBuilder($"<w:document xmlns:w=\"{W}\"><w:body>");
        for (var i = 0; i < paragraphs; i++)
        {
            xml.Append("<w:p><w:r><w:t>").Append(i).Append("</w:t></w:r></w:p>");
        }

        return WithPart(document, Main, xml.Append("</w:body></w:document>").ToString());
    }

    /// <summary>A zip bomb: the main part replaced by <paramref name="megabytes"/> MiB of spaces, which deflate a thousand times over.</summary>
    public static byte[] ZipBomb(byte[] document, int megabytes = 8) => WithPart(document, Main, new string(' ', megabytes * 1024 * 1024));

    /// <summary>
    /// A template (or any document) attached to a template on another server (<c>http://127.0.0.1:9/letterhead.dotm</c>),
    /// showing a picture linked from one (<c>http://127.0.0.1:9/crest.png</c>), and carrying a macro project
    /// (<c>word/vbaProject.bin</c>): the three things the tester put into a template.
    /// </summary>
    public static byte[] LinkedAndMacroEnabled(byte[] template)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var main = document.MainDocumentPart!;
            var settings = main.DocumentSettingsPart ?? main.AddNewPart<DocumentSettingsPart>();
            settings.Settings ??= new Settings();
            settings.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate", new Uri("http://127.0.0.1:9/letterhead.dotm"));
            main.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", new Uri("http://127.0.0.1:9/crest.png"));
        }

        return WithPart(stream.ToArray(), "word/vbaProject.bin", "Attribute VB_Name = \"AutoOpen\"");
    }

    /// <summary>The document with a part replaced, added, or (when <paramref name="content"/> is null) removed.</summary>
    public static byte[] WithPart(byte[] document, string name, string? content)
    {
        using var stream = new MemoryStream();
        stream.Write(document);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)?.Delete();
            if (content is not null)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }
}
