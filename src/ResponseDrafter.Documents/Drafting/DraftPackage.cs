using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using ResponseDrafter.Documents.Assembly;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>
/// A stored .docx changed in place: entries are read when asked for, and only the entries changed are rewritten.
/// Relationships and content types are edited as text, so that what was there before stays as it was.
/// </summary>
internal sealed class DraftPackage : IDisposable
{
    private readonly byte[] docx;
    private readonly ZipArchive zip;
    private readonly Dictionary<string, string> texts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> changed = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Name, byte[] Data)> added = [];
    private readonly Dictionary<(string Part, string Element, string Attribute), Dictionary<string, (int Start, int End)>> indexes = [];
    private readonly Dictionary<string, List<PackageRelationship>> relationships = new(StringComparer.OrdinalIgnoreCase);
    private readonly DraftPackage? same;
    private string? mainPart;

    /// <param name="docx">The package's bytes.</param>
    /// <param name="same">A package with the very same bytes, whose parts' texts (as they were read, before any change) are decoded once for both.</param>
    public DraftPackage(byte[] docx, DraftPackage? same = null)
    {
        this.docx = docx;
        this.same = same;
        zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        Names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every entry's name, including those added.</summary>
    public HashSet<string> Names { get; }

    public bool Changed => changed.Count > 0 || added.Count > 0;

    /// <summary>Whether this package reads its texts from <paramref name="other"/> (it has the very same bytes).</summary>
    public bool Shares(DraftPackage other) => ReferenceEquals(same, other);

    public bool Has(string partName) => Names.Contains(partName.TrimStart('/'));

    /// <summary>The part's text as it is now (with any change made to it), or null when there is no such part.</summary>
    public string? Text(string partName)
    {
        var name = partName.TrimStart('/');
        return changed.TryGetValue(name, out var text) ? text : Original(name);
    }

    /// <summary>The part's text as it was read, whatever has changed it since.</summary>
    private string? Original(string name)
    {
        if (texts.TryGetValue(name, out var text))
        {
            return text;
        }

        text = same is not null ? same.Original(name) : zip.GetEntry(name) is { } entry ? Decode(entry) : null;
        if (text is not null)
        {
            texts[name] = text;
        }

        return text;
    }

    /// <summary>The entry's text, decoded in one go from a pooled buffer (parts run to megabytes; a reader's growing buffers cost more than the text).</summary>
    private static string Decode(ZipArchiveEntry entry)
    {
        var length = (int)entry.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            using (var stream = entry.Open())
            {
                stream.ReadExactly(buffer, 0, length);
            }

            var bytes = buffer.AsSpan(0, length);
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            {
                using var reader = new StreamReader(new MemoryStream(buffer, 0, length), XmlText.Utf8);
                return reader.ReadToEnd();
            }

            return XmlText.Utf8.GetString(bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public byte[]? Bytes(string partName)
    {
        if (zip.GetEntry(partName.TrimStart('/')) is not { } entry)
        {
            return added.FirstOrDefault(a => a.Name == partName.TrimStart('/')).Data;
        }

        using var stream = entry.Open();
        var data = new byte[entry.Length];
        stream.ReadExactly(data);
        return data;
    }

    /// <summary>The part's elements named <paramref name="element"/> by their <paramref name="attribute"/>, found in one pass and kept until the part changes.</summary>
    public (int Start, int End)? Find(string partName, string element, string attribute, string value)
    {
        var key = (partName.TrimStart('/'), element, attribute);
        if (!indexes.TryGetValue(key, out var index))
        {
            index = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
            var xml = Text(partName) ?? string.Empty;
            foreach (var (start, end) in XmlScan.All(xml, element))
            {
                if (XmlScan.Attributes(xml, start, XmlScan.TagEnd(xml, start)).GetValueOrDefault(attribute) is { } id)
                {
                    index.TryAdd(id, (start, end));
                }
            }

            indexes[key] = index;
        }

        return index.TryGetValue(value, out var found) ? found : null;
    }

    public void SetText(string partName, string text)
    {
        var name = partName.TrimStart('/');
        relationships.Remove(name);
        foreach (var key in indexes.Keys.Where(k => k.Part == name).ToList())
        {
            indexes.Remove(key);
        }

        Names.Add(name);
        changed[name] = text;
    }

    public void Add(string partName, byte[] data)
    {
        var name = partName.TrimStart('/');
        Names.Add(name);
        added.Add((name, data));
    }

    /// <summary>The main document part's name, from the package relationships.</summary>
    public string MainPart => mainPart ??= Relationships("/").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)) is { } main
        ? TemplatePackage.Resolve("/", main.Target)
        : "/word/document.xml";

    /// <summary>The relationships of <paramref name="source"/>, as its .rels entry lists them now.</summary>
    public List<PackageRelationship> Relationships(string source)
    {
        var entry = TemplatePackage.RelationshipsEntry(source);
        if (relationships.TryGetValue(entry, out var known))
        {
            return known;
        }

        var xml = Text("/" + entry);
        var list = new List<PackageRelationship>();
        relationships[entry] = list;
        if (xml is null)
        {
            return list;
        }

        foreach (var element in XmlScan.Elements(xml, "Relationship"))
        {
            list.Add(new PackageRelationship(
                element.GetValueOrDefault("Id", string.Empty),
                element.GetValueOrDefault("Type", string.Empty),
                element.GetValueOrDefault("Target", string.Empty),
                element.GetValueOrDefault("TargetMode") == "External"));
        }

        return list;
    }

    /// <summary>Relates <paramref name="target"/> from <paramref name="source"/> under a fresh id, and returns the id.</summary>
    public string Relate(string source, string type, string target, bool external)
    {
        var entry = "/" + TemplatePackage.RelationshipsEntry(source);
        var xml = Text(entry) ?? XmlText.Declaration + "<Relationships xmlns=\"" + TemplatePackage.RelationshipsNamespace + "\"></Relationships>";
        var ids = Relationships(source).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var number = ids.Count;
        string id;
        do
        {
            id = "rId" + (++number).ToString(CultureInfo.InvariantCulture);
        }
        while (ids.Contains(id));

        var relationship = new StringBuilder("<Relationship Id=\"").Append(id)
            .Append("\" Type=\"").AppendEscaped(type)
            .Append("\" Target=\"").AppendEscaped(target)
            .Append(external ? "\" TargetMode=\"External\"/>" : "\"/>");
        SetText(entry, XmlScan.InsertBeforeEnd(xml, "Relationships", relationship.ToString()));
        return id;
    }

    /// <summary>Declares <paramref name="contentType"/> for a new part unless its extension's default already says so.</summary>
    public void Declare(string partName, string contentType)
    {
        const string entry = "/" + TemplatePackage.ContentTypesEntry;
        var xml = Text(entry)!;
        var extension = Path.GetExtension(partName).TrimStart('.');
        if (XmlScan.Elements(xml, "Default").Any(d => string.Equals(d.GetValueOrDefault("Extension"), extension, StringComparison.OrdinalIgnoreCase) && d.GetValueOrDefault("ContentType") == contentType))
        {
            return;
        }

        var declaration = new StringBuilder("<Override PartName=\"").AppendEscaped(partName).Append("\" ContentType=\"").AppendEscaped(contentType).Append("\"/>");
        SetText(entry, XmlScan.InsertBeforeEnd(xml, "Types", declaration.ToString()));
    }

    /// <summary>A name for a new part, "/word/media/image3.png", that no entry has.</summary>
    public string NewPartName(string stem, string extension)
    {
        for (var number = 1; ; number++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{stem}{number}.{extension}");
            if (!Names.Contains(name[1..]))
            {
                return name;
            }
        }
    }

    /// <summary>The package with the changes made; the very same bytes when nothing changed.</summary>
    public byte[] Save()
    {
        if (!Changed)
        {
            return docx;
        }

        // Update mode copies the entries left alone as they are stored and keeps the entries in their order.
        var output = new MemoryStream(docx.Length + added.Sum(a => a.Data.Length) + 4096);
        output.Write(docx);
        using (var update = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var (name, text) in changed)
            {
                // A new entry in place of the old one: opening the old one for update would decompress all of it first.
                update.GetEntry(name)?.Delete();
                using var stream = update.CreateEntry(name, CompressionLevel.Fastest).Open();
                LetterPackage.WriteUtf8(stream, text);
            }

            foreach (var (name, data) in added)
            {
                using var stream = update.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(data);
            }
        }

        return output.ToArray();
    }

    public void Dispose() => zip.Dispose();
}
