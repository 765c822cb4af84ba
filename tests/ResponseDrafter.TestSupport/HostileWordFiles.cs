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

    /// <summary>The start of a PDF: what a user uploads by mistake, or an attacker names .docx.</summary>
    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A zip that is not a Word package: one text file, no [Content_Types].xml, no relationships.</summary>
    public static byte[] PlainZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            writer.Write("Not a Word document.");
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A password-protected Word document as Word saves one: not a zip but an OLE compound file (signature
    /// D0 CF 11 E0 A1 B1 1A E1) whose directory names the streams EncryptionInfo and EncryptedPackage. Only the
    /// header and the directory are written: enough for any reader that looks at the file to see what it is.
    /// </summary>
    public static byte[] Encrypted()
    {
        var file = new byte[512 * 3];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(file, 0);
        BitConverter.GetBytes((ushort)0x003E).CopyTo(file, 24); // minor version
        BitConverter.GetBytes((ushort)0x0003).CopyTo(file, 26); // major version 3: 512-byte sectors
        BitConverter.GetBytes((ushort)0xFFFE).CopyTo(file, 28); // byte order
        BitConverter.GetBytes((ushort)9).CopyTo(file, 30); // sector shift
        BitConverter.GetBytes((ushort)6).CopyTo(file, 32); // mini sector shift
        BitConverter.GetBytes(1).CopyTo(file, 44); // one FAT sector
        BitConverter.GetBytes(1).CopyTo(file, 48); // directory starts at sector 1
        BitConverter.GetBytes(4096).CopyTo(file, 56); // mini stream cutoff
        BitConverter.GetBytes(-2).CopyTo(file, 60); // no mini FAT
        BitConverter.GetBytes(-2).CopyTo(file, 68); // no DIFAT sectors
        BitConverter.GetBytes(0).CopyTo(file, 76); // the FAT is sector 0
        for (var i = 1; i < 109; i++)
        {
            BitConverter.GetBytes(-1).CopyTo(file, 76 + (i * 4));
        }

        var fat = 512;
        BitConverter.GetBytes(-3).CopyTo(file, fat); // sector 0: the FAT itself
        BitConverter.GetBytes(-2).CopyTo(file, fat + 4); // sector 1: the directory, one sector
        for (var i = 2; i < 128; i++)
        {
            BitConverter.GetBytes(-1).CopyTo(file, fat + (i * 4));
        }

        string[] names = ["Root Entry", "EncryptionInfo", "EncryptedPackage"];
        for (var i = 0; i < names.Length; i++)
        {
            var entry = 1024 + (i * 128);
            Encoding.Unicode.GetBytes(names[i]).CopyTo(file, entry);
            BitConverter.GetBytes((ushort)((names[i].Length + 1) * 2)).CopyTo(file, entry + 64);
            file[entry + 66] = (byte)(i == 0 ? 5 : 2); // root storage, or stream
            file[entry + 67] = 1; // black
            BitConverter.GetBytes(i == 1 ? 2 : -1).CopyTo(file, entry + 68); // left sibling
            BitConverter.GetBytes(-1).CopyTo(file, entry + 72); // right sibling
            BitConverter.GetBytes(i == 0 ? 1 : -1).CopyTo(file, entry + 76); // child
            BitConverter.GetBytes(-2).CopyTo(file, entry + 116); // no data
        }

        return file;
    }

    /// <summary>A macro-enabled document (.docm): the main part's content type says so, and it carries a macro project.</summary>
    public static byte[] MacroEnabled(byte[] document)
    {
        var types = ReadPart(document, "[Content_Types].xml").Replace(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            StringComparison.Ordinal);
        return WithPart(WithPart(document, "[Content_Types].xml", types), "word/vbaProject.bin", "Attribute VB_Name = \"AutoOpen\"");
    }

    /// <summary>The document with a second part of the main part's name (zip allows it; which one a reader takes is anyone's guess).</summary>
    public static byte[] DuplicateEntries(byte[] document)
    {
        using var stream = new MemoryStream();
        stream.Write(document);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(Main).Open(), new UTF8Encoding(false));
            writer.Write($"<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>The other one.</w:t></w:r></w:p></w:body></w:document>");
        }

        return stream.ToArray();
    }

    /// <summary>The document with an extra entry whose name climbs out of wherever it is extracted ("zip slip").</summary>
    public static byte[] TraversalEntry(byte[] document) => WithPart(document, "../../../tmp/responsedrafter-zip-slip.xml", "<escaped/>");

    /// <summary>
    /// The document with its central directory lying about the main part: it declares <paramref name="declaredSize"/>
    /// bytes decompressed (the local header and the data are untouched). Smaller than the truth hides a bomb from a
    /// reader that trusts the directory; larger makes one that does reserve memory for it.
    /// </summary>
    public static byte[] CentralDirectoryLies(byte[] document, uint declaredSize) =>
        RewriteCentralDirectory(document, Main, (header, extra) => BitConverter.GetBytes(declaredSize).CopyTo(header, 24));

    /// <summary>
    /// The document with the main part's central directory entry in zip64 form (size 0xFFFFFFFF and a zip64 extra
    /// field) declaring <paramref name="declaredSize"/> bytes decompressed: 1 TiB unless told, from a few kilobytes.
    /// </summary>
    public static byte[] Zip64SizeLie(byte[] document, long declaredSize = 1L << 40) =>
        RewriteCentralDirectory(document, Main, (header, extra) =>
        {
            BitConverter.GetBytes(uint.MaxValue).CopyTo(header, 24);
            extra.AddRange(BitConverter.GetBytes((ushort)0x0001));
            extra.AddRange(BitConverter.GetBytes((ushort)8));
            extra.AddRange(BitConverter.GetBytes(declaredSize));
        });

    /// <summary>
    /// Rewrites one central directory entry: <paramref name="change"/> gets its fixed 46-byte header to edit and a list
    /// to append extra-field bytes to. The end-of-central-directory record is updated for the new directory size.
    /// </summary>
    private static byte[] RewriteCentralDirectory(byte[] document, string entryName, Action<byte[], List<byte>> change)
    {
        var end = document.AsSpan().LastIndexOf("PK\x05\x06"u8);
        var directorySize = BitConverter.ToInt32(document, end + 12);
        var directoryOffset = BitConverter.ToInt32(document, end + 16);
        var directory = new List<byte>();
        for (var at = directoryOffset; at < directoryOffset + directorySize;)
        {
            var header = document.AsSpan(at, 46).ToArray();
            int nameLength = BitConverter.ToUInt16(header, 28), extraLength = BitConverter.ToUInt16(header, 30), commentLength = BitConverter.ToUInt16(header, 32);
            var name = document.AsSpan(at + 46, nameLength).ToArray();
            var extra = document.AsSpan(at + 46 + nameLength, extraLength).ToArray().ToList();
            var comment = document.AsSpan(at + 46 + nameLength + extraLength, commentLength).ToArray();
            if (Encoding.UTF8.GetString(name) == entryName)
            {
                change(header, extra);
                BitConverter.GetBytes((ushort)extra.Count).CopyTo(header, 30);
            }

            directory.AddRange(header);
            directory.AddRange(name);
            directory.AddRange(extra);
            directory.AddRange(comment);
            at += 46 + nameLength + extraLength + commentLength;
        }

        var tail = document.AsSpan(end).ToArray();
        BitConverter.GetBytes(directory.Count).CopyTo(tail, 12);
        return [.. document.AsSpan(0, directoryOffset), .. directory, .. tail];
    }

    private static string ReadPart(byte[] document, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(document, writable: false), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
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
