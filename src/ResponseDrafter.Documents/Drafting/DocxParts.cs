using System.IO.Compression;
using System.Xml;
using ResponseDrafter.Documents.Assembly;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>
/// The parts of an inspected .docx that reading a letter needs, straight from the zip: opening the package with the
/// Open XML SDK costs more than reading the whole letter does.
/// </summary>
internal sealed class DocxParts : IDisposable
{
    private readonly ZipArchive zip;

    private DocxParts(ZipArchive zip, string mainPart, IReadOnlyList<PackageRelationship> relationships)
    {
        this.zip = zip;
        MainPart = mainPart;
        MainRelationships = relationships;
    }

    public string MainPart { get; }

    public IReadOnlyList<PackageRelationship> MainRelationships { get; }

    /// <summary>Null when the package names no main document part.</summary>
    public static DocxParts? Open(byte[] docx)
    {
        var zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        var main = Relationships(zip, "/").FirstOrDefault(r => !r.External && Kind(r) == "officeDocument");
        if (main is null)
        {
            zip.Dispose();
            return null;
        }

        var mainPart = TemplatePackage.Resolve("/", main.Target);
        return new DocxParts(zip, mainPart, Relationships(zip, mainPart));
    }

    /// <summary>The last segment of a relationship type, the same in transitional and strict documents: "header", "styles".</summary>
    public static string Kind(PackageRelationship relationship) => relationship.Type[(relationship.Type.LastIndexOf('/') + 1)..];

    /// <summary>The parts the main part relates with this kind of relationship.</summary>
    public IEnumerable<string> Related(string kind) =>
        MainRelationships.Where(r => !r.External && Kind(r) == kind).Select(r => TemplatePackage.Resolve(MainPart, r.Target));

    public string? Text(string part)
    {
        using var stream = zip.GetEntry(part.TrimStart('/'))?.Open();
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public Stream? Stream(string part) => zip.GetEntry(part.TrimStart('/'))?.Open();

    public void Dispose() => zip.Dispose();

    private static List<PackageRelationship> Relationships(ZipArchive zip, string part)
    {
        var found = new List<PackageRelationship>();
        var entryName = part == "/" ? "_rels/.rels" : TemplatePackage.RelationshipsEntry(part);
        using var stream = zip.GetEntry(entryName)?.Open();
        if (stream is null)
        {
            return found;
        }

        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
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
