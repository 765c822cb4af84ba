using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.CustomXmlDataProperties;
using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>
/// The custom XML part that tells the API and the Word add-in which draft and version a document is:
/// <c>&lt;draft xmlns="urn:responsedrafter:draft:v1"&gt;&lt;draftId/&gt;&lt;version/&gt;&lt;reportTitle/&gt;&lt;/draft&gt;</c>.
/// </summary>
public static class DraftIdentityPart
{
    public const string Namespace = "urn:responsedrafter:draft:v1";
    public const string Root = "draft";
    public const string DraftId = "draftId";
    public const string Version = "version";
    public const string ReportTitle = "reportTitle";

    /// <summary>The part's data-store item id: one such part per document, so one fixed id.</summary>
    public const string ItemId = "{6E1C7F4B-2D39-4C1A-9B3E-55D0A5C11E01}";

    private static readonly string PropertiesXml = XmlText.Declaration +
        new DataStoreItem(new SchemaReferences(new SchemaReference { Uri = Namespace })) { ItemId = ItemId }.OuterXml;

    /// <summary>An identity part a template already carries (a letter used as a template), and how the main part relates it.</summary>
    internal sealed record Earlier(string RelationshipId, string Part);

    /// <summary>The template's own identity parts, which letters made from it must not keep.</summary>
    internal static IReadOnlyList<Earlier> Find(TemplatePackage template, string mainPart) =>
        [.. (template.Relationships.GetValueOrDefault(mainPart) ?? [])
            .Where(r => r.Type == PartTypes.CustomXml.RelationshipType && !r.External)
            .Select(r => new Earlier(r.Id, TemplatePackage.Resolve(mainPart, r.Target)))
            .Where(e => template.Entries.TryGetValue(e.Part[1..], out var data) && IsIdentity(new MemoryStream(data, writable: false)))];

    /// <summary>Leaves out any identity part the template had and adds the letter's.</summary>
    internal static void Replace(LetterPackage package, TemplatePackage template, IReadOnlyList<Earlier> earlier, string mainPart, Letter letter)
    {
        foreach (var (relationshipId, part) in earlier)
        {
            package.Unrelate(mainPart, relationshipId);
            package.Remove(part);
            package.Remove("/" + TemplatePackage.RelationshipsEntry(part));
            foreach (var properties in template.Relationships.GetValueOrDefault(part) ?? [])
            {
                package.Remove(TemplatePackage.Resolve(part, properties.Target));
            }
        }

        var item = package.NewPartName("/customXml/item", "xml");
        var xml = new StringBuilder("""<?xml version="1.0" encoding="utf-8"?>""", 512);
        xml.Append('<').Append(Root).Append(" xmlns=\"").Append(Namespace).Append("\">");
        Element(xml, DraftId, letter.Identity.DraftId);
        Element(xml, Version, letter.Identity.Version);
        Element(xml, ReportTitle, letter.Report.Title);
        package.Write(item, xml.Append("</").Append(Root).Append('>'), PartTypes.CustomXml.ContentType);
        package.Relate(mainPart, PartTypes.CustomXml.RelationshipType, TemplatePackage.Relative(mainPart, item));

        var propertiesPart = package.NewPartName("/customXml/itemProps", "xml");
        package.Write(propertiesPart, PropertiesXml, PartTypes.CustomXmlProperties.ContentType);
        package.Relate(item, PartTypes.CustomXmlProperties.RelationshipType, TemplatePackage.Relative(item, propertiesPart));
    }

    private static void Element(StringBuilder xml, string name, string? value) =>
        xml.Append('<').Append(name).Append('>').AppendEscaped(value ?? string.Empty).Append("</").Append(name).Append('>');

    /// <summary>The identity a document carries, or null when it has none.</summary>
    public static DocumentIdentity? Read(WordprocessingDocument document)
    {
        var part = document.MainDocumentPart?.CustomXmlParts.FirstOrDefault(IsIdentity);
        if (part is null)
        {
            return null;
        }

        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        return FromXml(stream);
    }

    /// <summary>The identity a custom XML part's content names, or null when it is not an identity part.</summary>
    internal static DocumentIdentity? FromXml(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Import.XmlSafety.Settings(ignoreComments: false));
        var root = System.Xml.Linq.XElement.Load(reader);
        System.Xml.Linq.XNamespace ns = Namespace;
        return root.Name.Namespace != ns
            ? null
            : new DocumentIdentity((string?)root.Element(ns + DraftId) ?? string.Empty, (string?)root.Element(ns + Version) ?? string.Empty);
    }

    private static bool IsIdentity(CustomXmlPart part) => IsIdentity(part.GetStream(FileMode.Open, FileAccess.Read));

    private static bool IsIdentity(Stream stream)
    {
        try
        {
            using (stream)
            {
                using var reader = XmlReader.Create(stream, Import.XmlSafety.Settings(ignoreComments: false));
                return reader.MoveToContent() == XmlNodeType.Element && reader.NamespaceURI == Namespace;
            }
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
