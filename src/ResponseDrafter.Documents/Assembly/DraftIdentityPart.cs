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

    /// <summary>Removes any earlier identity part (re-assembly) and adds the letter's.</summary>
    internal static void Replace(MainDocumentPart mainPart, Letter letter)
    {
        foreach (var existing in mainPart.CustomXmlParts.Where(IsIdentity).ToList())
        {
            mainPart.DeletePart(existing);
        }

        var part = mainPart.AddCustomXmlPart(CustomXmlPartType.CustomXml);
        using (var stream = part.GetStream(FileMode.Create))
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            writer.WriteStartElement(Root, Namespace);
            writer.WriteElementString(DraftId, Namespace, letter.Identity.DraftId);
            writer.WriteElementString(Version, Namespace, letter.Identity.Version);
            writer.WriteElementString(ReportTitle, Namespace, letter.Report.Title);
            writer.WriteEndElement();
        }

        part.AddNewPart<CustomXmlPropertiesPart>().DataStoreItem =
            new DataStoreItem(new SchemaReferences(new SchemaReference { Uri = Namespace })) { ItemId = ItemId };
    }

    /// <summary>The identity a document carries, or null when it has none.</summary>
    public static DocumentIdentity? Read(WordprocessingDocument document)
    {
        var part = document.MainDocumentPart?.CustomXmlParts.FirstOrDefault(IsIdentity);
        if (part is null)
        {
            return null;
        }

        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        var root = System.Xml.Linq.XElement.Load(stream);
        System.Xml.Linq.XNamespace ns = Namespace;
        return new DocumentIdentity((string?)root.Element(ns + DraftId) ?? string.Empty, (string?)root.Element(ns + Version) ?? string.Empty);
    }

    private static bool IsIdentity(CustomXmlPart part)
    {
        try
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            return reader.MoveToContent() == XmlNodeType.Element && reader.NamespaceURI == Namespace;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
