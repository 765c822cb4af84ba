using System.Text;
using System.Xml.Linq;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>
/// The package's core properties (title, subject, author): the template's, with what the letter says in place
/// of the four it sets, cut once per template so a letter only fills them in.
/// </summary>
internal sealed class CoreProperties
{
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private const string Slot = "ResponseDrafter slot";

    private readonly string? partName;
    private readonly string head;
    private readonly string tail;

    private CoreProperties(string? partName, string head, string tail)
    {
        this.partName = partName;
        this.head = head;
        this.tail = tail;
    }

    public static CoreProperties Compile(TemplatePackage template)
    {
        var relationship = template.Relationships.GetValueOrDefault("/")?.FirstOrDefault(r => r.Type == PartTypes.CoreProperties.RelationshipType && !r.External);
        var partName = relationship is null ? null : TemplatePackage.Resolve("/", relationship.Target);
        var root = partName is not null && template.Entries.TryGetValue(partName[1..], out var data)
            ? XElement.Load(new MemoryStream(data, writable: false))
            : new XElement(Cp + "coreProperties");
        root.Elements().Where(e => e.Name == Dc + "title" || e.Name == Dc + "subject" || e.Name == Dc + "creator" || e.Name == Cp + "lastModifiedBy").Remove();
        root.SetAttributeValue(XNamespace.Xmlns + "cp", Cp.NamespaceName);
        root.SetAttributeValue(XNamespace.Xmlns + "dc", Dc.NamespaceName);
        root.Add(new XComment(Slot));
        var pieces = (XmlText.Declaration + root.ToString(SaveOptions.DisableFormatting)).Split($"<!--{Slot}-->");
        return new CoreProperties(partName, pieces[0], pieces[1]);
    }

    public void Write(LetterPackage package, Letter letter)
    {
        var xml = new StringBuilder(head, head.Length + tail.Length + 512);
        Element(xml, "dc:title", letter.Subject);
        Element(xml, "dc:subject", letter.Report.Title);
        Element(xml, "dc:creator", letter.Opcc.Name);
        Element(xml, "cp:lastModifiedBy", letter.Opcc.Name);
        var name = partName ?? package.NewRelatedPart("/", "docProps/core", PartTypes.CoreProperties);
        package.Write(name, xml.Append(tail), PartTypes.CoreProperties.ContentType);
    }

    private static void Element(StringBuilder xml, string name, string? value) =>
        xml.Append('<').Append(name).Append('>').AppendEscaped(value ?? string.Empty).Append("</").Append(name).Append('>');
}
