using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>
/// Writes an assembled letter's package straight into a zip: the parts assembly fills, then every template entry
/// it left alone copied as it is, then the relationships it changed and the content types. No package model is
/// opened or saved, which is most of what assembling a short letter used to cost.
/// </summary>
internal sealed class LetterPackage : IDisposable
{
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";

    // Deflate at its fastest: the parts are mostly repeated markup, which it still shrinks about tenfold, in a
    // fraction of the time the default level takes.
    private const CompressionLevel Compression = CompressionLevel.Fastest;

    private readonly TemplatePackage template;
    private readonly MemoryStream output;
    private readonly ZipArchive zip;
    private readonly DateTimeOffset written = DateTimeOffset.UtcNow;
    private readonly HashSet<string> done = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> overrides;
    private readonly Dictionary<string, List<PackageRelationship>> relationships = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Name, byte[] Data, string ContentType)> added = [];

    public LetterPackage(TemplatePackage template, int capacity)
    {
        this.template = template;
        overrides = new Dictionary<string, string>(template.Overrides, StringComparer.OrdinalIgnoreCase);
        output = new MemoryStream(capacity);
        zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
    }


    /// <summary>The stream of a part, replacing the template's part of that name or adding a new part.</summary>
    public Stream Create(string partName, string? contentType = null)
    {
        if (contentType is not null && template.Defaults.GetValueOrDefault(Path.GetExtension(partName).TrimStart('.')) != contentType)
        {
            overrides[partName] = contentType;
        }

        done.Add(partName[1..]);
        return Entry(partName[1..]);
    }

    public void Write(string partName, StringBuilder xml, string? contentType = null)
    {
        using var stream = Create(partName, contentType);
        WriteUtf8(stream, xml);
    }

    public void Write(string partName, string xml, string? contentType = null)
    {
        using var stream = Create(partName, contentType);
        WriteUtf8(stream, xml);
    }

    public void Write(string partName, ReadOnlySpan<byte> data, string? contentType = null)
    {
        using var stream = Create(partName, contentType);
        stream.Write(data);
    }

    /// <summary>Adds a part whose bytes are ready, written when the package is saved (another part may be open now).</summary>
    public void Add(string partName, byte[] data, string contentType)
    {
        done.Add(partName[1..]);
        added.Add((partName, data, contentType));
    }

    /// <summary>Encodes <paramref name="xml"/> into <paramref name="stream"/> a chunk at a time, through a pooled buffer.</summary>
    public static void WriteUtf8(Stream stream, StringBuilder xml)
    {
        foreach (var chunk in xml.GetChunks())
        {
            WriteUtf8(stream, chunk.Span);
        }
    }

    public static void WriteUtf8(Stream stream, ReadOnlySpan<char> text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(XmlText.Utf8.GetMaxByteCount(text.Length));
        var length = XmlText.Utf8.GetBytes(text, buffer);
        stream.Write(buffer, 0, length);
        ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>Leaves a template part out of the letter.</summary>
    public void Remove(string partName)
    {
        done.Add(partName[1..]);
        overrides.Remove(partName);
    }

    /// <summary>Relates <paramref name="target"/> from <paramref name="source"/> and returns the relationship's id.</summary>
    public string Relate(string source, string type, string target, bool external = false)
    {
        var list = RelationshipsOf(source);
        var number = list.Count;
        string id;
        do
        {
            id = "rId" + (++number).ToString(CultureInfo.InvariantCulture);
        }
        while (list.Exists(r => r.Id == id));

        list.Add(new PackageRelationship(id, type, target, external));
        return id;
    }

    public void Unrelate(string source, string id) => RelationshipsOf(source).RemoveAll(r => r.Id == id);

    /// <summary>A name for a new part, "/word/media/image3.png", used by neither the template nor this letter.</summary>
    public string NewPartName(string stem, string extension)
    {
        for (var number = 1; ; number++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{stem}{number}.{extension}");
            if (!template.Entries.ContainsKey(name[1..]) && !done.Contains(name[1..]))
            {
                return name;
            }
        }
    }

    /// <summary>A name for a new part beside <paramref name="source"/>, related from it.</summary>
    public string NewRelatedPart(string source, string stem, PartTypes types, string extension = "xml")
    {
        var folder = source[..(source.LastIndexOf('/') + 1)];
        var name = NewPartName(folder + stem, extension);
        Relate(source, types.RelationshipType, name[folder.Length..]);
        return name;
    }

    /// <summary>Finishes the package and returns its bytes.</summary>
    public byte[] Save()
    {
        foreach (var (name, data, contentType) in added)
        {
            Write(name, data, contentType);
        }

        foreach (var (source, list) in relationships)
        {
            Write("/" + TemplatePackage.RelationshipsEntry(source), RelationshipsXml(list));
        }

        foreach (var (name, data) in template.Entries)
        {
            if (!done.Contains(name))
            {
                using var stream = Entry(name);
                stream.Write(data);
            }
        }

        using (var stream = Entry(TemplatePackage.ContentTypesEntry))
        {
            WriteUtf8(stream, ContentTypesXml());
        }

        zip.Dispose();
        return output.ToArray();
    }

    public void Dispose()
    {
        zip.Dispose();
        output.Dispose();
    }

    private Stream Entry(string name)
    {
        var entry = zip.CreateEntry(name, Compression);
        entry.LastWriteTime = written;
        return entry.Open();
    }

    private List<PackageRelationship> RelationshipsOf(string source)
    {
        if (!relationships.TryGetValue(source, out var list))
        {
            list = [.. template.Relationships.GetValueOrDefault(source) ?? []];
            relationships.Add(source, list);
        }

        return list;
    }

    private static StringBuilder RelationshipsXml(List<PackageRelationship> list)
    {
        var xml = new StringBuilder(XmlText.Declaration, 256 + (list.Count * 160));
        xml.Append("<Relationships xmlns=\"").Append(TemplatePackage.RelationshipsNamespace).Append("\">");
        foreach (var relationship in list)
        {
            xml.Append("<Relationship Id=\"").AppendEscaped(relationship.Id)
                .Append("\" Type=\"").AppendEscaped(relationship.Type)
                .Append("\" Target=\"").AppendEscaped(relationship.Target)
                .Append(relationship.External ? "\" TargetMode=\"External\"/>" : "\"/>");
        }

        return xml.Append("</Relationships>");
    }

    private StringBuilder ContentTypesXml()
    {
        var xml = new StringBuilder(XmlText.Declaration, 2048);
        xml.Append("<Types xmlns=\"").Append(ContentTypesNamespace).Append("\">");
        foreach (var (extension, type) in template.Defaults)
        {
            xml.Append("<Default Extension=\"").AppendEscaped(extension).Append("\" ContentType=\"").AppendEscaped(type).Append("\"/>");
        }

        foreach (var (part, type) in overrides)
        {
            xml.Append("<Override PartName=\"").AppendEscaped(part).Append("\" ContentType=\"").AppendEscaped(type).Append("\"/>");
        }

        return xml.Append("</Types>");
    }
}
