using System.IO.Compression;
using System.Xml;
using ResponseDrafter.Documents.Assembly;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// The parts of an inspected .docx that reading a letter or importing a document needs, as inspection decompressed
/// them (so no part is decompressed twice), or straight from the zip for a part it did not keep: opening the package
/// with the Open XML SDK costs more than reading the whole document does.
/// </summary>
internal sealed class DocxParts : IDisposable
{
    private readonly byte[] docx;
    private readonly InspectedParts inspected;
    private ZipArchive? zip;

    private DocxParts(byte[] docx, InspectedParts inspected)
    {
        this.docx = docx;
        this.inspected = inspected;
        MainPart = string.Empty;
        MainRelationships = [];
    }

    public string MainPart { get; private set; }

    public IReadOnlyList<PackageRelationship> MainRelationships { get; private set; }

    /// <summary>The zip entries worth keeping from inspection: the package's XML parts.</summary>
    public static bool Wanted(string entry) =>
        entry.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when the package names no main document part. Disposing the parts disposes <paramref name="inspected"/>.</summary>
    public static DocxParts? Open(byte[] docx, InspectedParts inspected)
    {
        var parts = new DocxParts(docx, inspected);
        var main = parts.Relationships("_rels/.rels").FirstOrDefault(r => !r.External && Kind(r) == "officeDocument");
        if (main is null)
        {
            parts.Dispose();
            return null;
        }

        parts.MainPart = TemplatePackage.Resolve("/", main.Target);
        parts.MainRelationships = parts.Relationships(TemplatePackage.RelationshipsEntry(parts.MainPart));
        return parts;
    }

    /// <summary>The last segment of a relationship type, the same in transitional and strict documents: "header", "styles".</summary>
    public static string Kind(PackageRelationship relationship) => relationship.Type[(relationship.Type.LastIndexOf('/') + 1)..];

    /// <summary>The parts the main part relates with this kind of relationship.</summary>
    public IEnumerable<string> Related(string kind) =>
        MainRelationships.Where(r => !r.External && Kind(r) == kind).Select(r => TemplatePackage.Resolve(MainPart, r.Target));

    /// <summary>The first part of this kind that the package holds; null when there is none.</summary>
    public Stream? RelatedStream(string kind) => Related(kind).Select(Stream).FirstOrDefault(s => s is not null);

    /// <summary>The main part's external hyperlinks by relationship id, the first where an id is given twice.</summary>
    public Dictionary<string, Uri> Hyperlinks()
    {
        var links = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var r in MainRelationships)
        {
            if (r.External && Kind(r) == "hyperlink" && Uri.TryCreate(r.Target, UriKind.RelativeOrAbsolute, out var uri))
            {
                links.TryAdd(r.Id, uri);
            }
        }

        return links;
    }

    public string? Text(string part)
    {
        using var stream = Stream(part);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public Stream? Stream(string part) => Entry(part.TrimStart('/'));

    public void Dispose()
    {
        zip?.Dispose();
        inspected.Dispose();
    }

    private Stream? Entry(string name)
    {
        if (inspected.TryGet(name, out var bytes))
        {
            return new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        }

        zip ??= new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        return zip.GetEntry(name)?.Open();
    }

    private List<PackageRelationship> Relationships(string entryName)
    {
        var found = new List<PackageRelationship>();
        using var stream = Entry(entryName);
        if (stream is null)
        {
            return found;
        }

        using var reader = XmlReader.Create(stream, XmlSafety.Settings());
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.NamespaceURI == TemplatePackage.RelationshipsNamespace)
            {
                found.Add(new PackageRelationship(
                    reader.GetAttribute("Id") ?? string.Empty,
                    reader.GetAttribute("Type") ?? string.Empty,
                    reader.GetAttribute("Target") ?? string.Empty,
                    string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)));
            }
        }

        return found;
    }
}
