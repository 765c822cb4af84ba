using System.IO.Compression;
using System.Xml;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>A relationship as its part's .rels entry lists it.</summary>
internal sealed record PackageRelationship(string Id, string Type, string Target, bool External);

/// <summary>
/// A template's package read once at the zip level: every entry's bytes, the content types and each part's
/// relationships. Assembly copies the entries it leaves alone and writes only the parts it fills.
/// </summary>
internal sealed class TemplatePackage
{
    public const string ContentTypesEntry = "[Content_Types].xml";
    public const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

    private TemplatePackage(
        Dictionary<string, byte[]> entries,
        Dictionary<string, string> defaults,
        Dictionary<string, string> overrides,
        Dictionary<string, IReadOnlyList<PackageRelationship>> relationships)
    {
        Entries = entries;
        Defaults = defaults;
        Overrides = overrides;
        Relationships = relationships;
    }

    /// <summary>Every entry but the content types, by entry name (a part name without its leading slash).</summary>
    public IReadOnlyDictionary<string, byte[]> Entries { get; }

    /// <summary>Content types by file extension (lower case).</summary>
    public IReadOnlyDictionary<string, string> Defaults { get; }

    /// <summary>Content types by part name ("/word/document.xml").</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; }

    /// <summary>Each part's relationships, by the source part's name ("/" for the package's own).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PackageRelationship>> Relationships { get; }

    public static TemplatePackage Read(byte[] docx)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        using (var zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read))
        {
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                var data = new byte[entry.Length];
                stream.ReadExactly(data);
                entries[entry.FullName] = data;
            }
        }

        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, attributes) in Elements(entries[ContentTypesEntry]))
        {
            if (name == "Default")
            {
                defaults[attributes["Extension"]] = attributes["ContentType"];
            }
            else if (name == "Override")
            {
                overrides[attributes["PartName"]] = attributes["ContentType"];
            }
        }

        entries.Remove(ContentTypesEntry);
        var relationships = new Dictionary<string, IReadOnlyList<PackageRelationship>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (entryName, data) in entries)
        {
            if (SourceOf(entryName) is { } source)
            {
                relationships[source] = [.. Elements(data)
                    .Where(e => e.Name == "Relationship")
                    .Select(e => new PackageRelationship(
                        e.Attributes["Id"],
                        e.Attributes["Type"],
                        e.Attributes["Target"],
                        e.Attributes.GetValueOrDefault("TargetMode") == "External"))];
            }
        }

        return new TemplatePackage(entries, defaults, overrides, relationships);
    }

    /// <summary>The entry holding a part's relationships: "/word/document.xml" → "word/_rels/document.xml.rels".</summary>
    public static string RelationshipsEntry(string partName)
    {
        var slash = partName.LastIndexOf('/');
        return $"{partName[1..(slash + 1)]}_rels/{partName[(slash + 1)..]}.rels";
    }

    /// <summary>The part a relationship's target names, resolved against the folder of its source part.</summary>
    public static string Resolve(string sourcePart, string target)
    {
        var folder = target.StartsWith('/') ? string.Empty : sourcePart[..(sourcePart.LastIndexOf('/') + 1)];
        var resolved = new Uri(new Uri("pack://part" + (folder.Length == 0 ? "/" : folder)), target).AbsolutePath;
        return Uri.UnescapeDataString(resolved);
    }

    /// <summary>The target that names <paramref name="target"/> from <paramref name="source"/>: "/word/document.xml" to "/customXml/item1.xml" is "../customXml/item1.xml".</summary>
    public static string Relative(string source, string target)
    {
        var folders = source.Split('/')[1..^1];
        var segments = target.Split('/')[1..];
        var common = 0;
        while (common < folders.Length && common < segments.Length - 1 && string.Equals(folders[common], segments[common], StringComparison.OrdinalIgnoreCase))
        {
            common++;
        }

        return string.Concat(Enumerable.Repeat("../", folders.Length - common)) + string.Join('/', segments[common..]);
    }

    /// <summary>"word/_rels/document.xml.rels" → "/word/document.xml"; "_rels/.rels" → "/"; null for other entries.</summary>
    private static string? SourceOf(string entryName)
    {
        if (!entryName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var marker = entryName.LastIndexOf("_rels/", StringComparison.OrdinalIgnoreCase);
        if (marker < 0 || (marker > 0 && entryName[marker - 1] != '/'))
        {
            return null;
        }

        return "/" + entryName[..marker] + entryName[(marker + "_rels/".Length)..^".rels".Length];
    }

    private static List<(string Name, Dictionary<string, string> Attributes)> Elements(byte[] xml)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var found = new List<(string, Dictionary<string, string>)>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1)
            {
                continue;
            }

            var name = reader.LocalName;
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.MoveToNextAttribute())
            {
                attributes[reader.LocalName] = reader.Value;
            }

            found.Add((name, attributes));
        }

        return found;
    }
}
