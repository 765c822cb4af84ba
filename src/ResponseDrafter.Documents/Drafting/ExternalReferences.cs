using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using ResponseDrafter.Documents.Import;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>
/// Takes out of a .docx every relationship to something outside it except hyperlinks: attached templates, linked
/// pictures, OLE links, subdocuments, frames. Letters never carry one (templates with one are refused, and uploads with
/// one are refused), so this changes nothing in a letter; it is there so that a renderer such as LibreOffice, which
/// would fetch what such a link names, is never handed one.
/// </summary>
public static class ExternalReferences
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>The document with its external non-hyperlink relationships removed, and how many there were. Other parts are copied as they are.</summary>
    public static (byte[] Docx, int Removed) Strip(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        using var source = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        var removed = 0;
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                if (entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                {
                    removed += StripRelationships(from, to);
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        }

        return (output.ToArray(), removed);
    }

    /// <summary>Every relationship of the document to something outside it other than a hyperlink, as "part: type → target".</summary>
    public static IReadOnlyList<string> Find(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        using var source = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        var found = new List<string>();
        foreach (var entry in source.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, XmlSafety.Settings());
            var relationships = XDocument.Load(reader).Root?.Elements(XName.Get("Relationship", RelationshipsNamespace)) ?? [];
            found.AddRange(relationships.Where(IsExternalLink).Select(r => $"{entry.FullName}: {(string?)r.Attribute("Type")} → {(string?)r.Attribute("Target")}"));
        }

        return found;
    }

    private static int StripRelationships(Stream from, Stream to)
    {
        XDocument rels;
        using (var reader = XmlReader.Create(from, XmlSafety.Settings()))
        {
            rels = XDocument.Load(reader);
        }

        var external = rels.Root?.Elements(XName.Get("Relationship", RelationshipsNamespace)).Where(IsExternalLink).ToList() ?? [];
        external.ForEach(r => r.Remove());
        using var writer = XmlWriter.Create(to, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        rels.Save(writer);
        return external.Count;
    }

    private static bool IsExternalLink(XElement relationship) =>
        string.Equals((string?)relationship.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)
        && ((string?)relationship.Attribute("Type"))?.EndsWith("/hyperlink", StringComparison.Ordinal) != true;
}
