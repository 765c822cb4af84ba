using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Drawing.Wordprocessing;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>A piece of a compiled part: XML copied as it is, or something filled from the letter.</summary>
internal abstract record Node;

/// <summary>XML without controls, copied verbatim; drawings in it are renumbered when it repeats.</summary>
internal sealed record Literal(string Xml, bool RepeatsDrawings) : Node;

/// <summary>An element with controls somewhere inside. An untagged content control whose content ends up empty goes.</summary>
internal sealed record Container(string Start, string End, IReadOnlyList<Node> Children, bool DropWhenContentEmpty) : Node;

/// <summary>A paragraph holding inline controls: it goes when one of its text controls has no value (or is emptied, in a table cell).</summary>
internal sealed record ParagraphNode(string Start, string End, IReadOnlyList<Node> Children, IReadOnlyList<string> TextTags, string? EmptyForm) : Node;

/// <summary>
/// A tagged control: its start and end (content-control markup, kept so the add-in can find it), the paragraph
/// and run markup its values take, and for regions and items the compiled content.
/// </summary>
internal sealed record ControlNode(
    TagSpec Spec, string Start, string End, string ParagraphStart, string RunStart, string RunProperties, string StyleId, IReadOnlyList<Node> Children) : Node;

/// <summary>One part compiled: the XML declaration and root start tag, the children, the root end tag.</summary>
internal sealed record PartSkeleton(string PartName, string Start, string End, IReadOnlyList<Node> Children, bool Tagged, bool IsHeader);

/// <summary>
/// Compiles a template part, once, into literal XML and control slots, so that assembling a letter writes strings
/// instead of copying and editing a document tree. Placeholder text, placeholder flags and control ids are left out.
/// </summary>
internal sealed class SkeletonCompiler
{
    private const string PlaceholderStyle = "PlaceholderText";

    private readonly List<KeyValuePair<string, string>> namespaces;
    private readonly List<string> rootDeclarations;

    private SkeletonCompiler(OpenXmlElement root)
    {
        namespaces = [.. root.NamespaceDeclarations];
        rootDeclarations = [.. namespaces.Select(d => $" xmlns:{d.Key}=\"{d.Value}\"")];
    }

    public static PartSkeleton Compile(Uri partUri, OpenXmlElement root, bool isHeader)
    {
        var compiler = new SkeletonCompiler(root);
        var (start, end) = compiler.Tags(root, lean: false);
        foreach (var (prefix, uri) in PartXml.WrittenPrefixes)
        {
            // Values are written with these prefixes, so the root must declare them whatever the producer chose.
            if (!compiler.namespaces.Exists(d => d.Key == prefix))
            {
                start = start[..^1] + $" xmlns:{prefix}=\"{uri}\">";
            }
        }

        var tagged = root.Descendants<SdtElement>().Any(IsControl);
        return new PartSkeleton(partUri.OriginalString, XmlText.Declaration + start, end, compiler.Children(root, inItem: false), tagged, isHeader);
    }

    private string Lean(string xml)
    {
        foreach (var declaration in rootDeclarations)
        {
            xml = xml.Replace(declaration, string.Empty, StringComparison.Ordinal);
        }

        return xml;
    }

    private List<Node> Children(OpenXmlElement element, bool inItem) => [.. element.ChildElements.Select(c => Compile(c, inItem))];

    private Node Compile(OpenXmlElement element, bool inItem)
    {
        if (!element.Descendants<SdtElement>().Any(IsControl) && !(element is SdtElement sdt && IsControl(sdt)))
        {
            return Literal(element, inItem);
        }

        switch (element)
        {
            case SdtElement control when IsControl(control):
                return Control(control, inItem);
            case Paragraph paragraph:
                var (start, end) = Tags(paragraph);
                var textTags = paragraph.Descendants<SdtRun>().Select(TagOf).OfType<string>().Where(t => TemplateVocabulary.Find(t)?.Kind == TagKind.Text).ToList();
                var soleInCell = paragraph.Parent is TableCell cell && cell.Elements<Paragraph>().Count() == 1;
                var emptyForm = soleInCell ? start + Lean(paragraph.ParagraphProperties?.OuterXml ?? string.Empty) + end : null;
                return new ParagraphNode(start, end, Children(paragraph, inItem), textTags, emptyForm);
            default:
                var (open, close) = Tags(element);
                return new Container(open, close, Children(element, inItem), DropWhenContentEmpty: element is SdtBlock);
        }
    }

    private ControlNode Control(SdtElement sdt, bool inItem)
    {
        var spec = TemplateVocabulary.Find(TagOf(sdt)!)!;
        var properties = (SdtProperties)sdt.SdtProperties!.CloneNode(true);
        properties.RemoveAllChildren<ShowingPlaceholder>();
        properties.RemoveAllChildren<SdtId>();
        var content = sdt.GetFirstChild<SdtContentBlock>() as OpenXmlElement ?? sdt.GetFirstChild<SdtContentRun>();
        var (sdtStart, sdtEnd) = Tags(sdt);
        var (contentStart, contentEnd) = content is null ? ("<w:sdtContent>", "</w:sdtContent>") : Tags(content);
        var endProperties = sdt.GetFirstChild<SdtEndCharProperties>()?.OuterXml ?? string.Empty;
        var start = sdtStart + Lean(properties.OuterXml) + Lean(endProperties) + contentStart;

        var model = content?.Descendants<Paragraph>().FirstOrDefault();
        var paragraphStart = (model is null ? "<w:p>" : Tags(model).Start) + Lean(model?.ParagraphProperties?.OuterXml ?? string.Empty);
        var runProperties = RunProperties(content);
        var runStart = "<w:r>" + Lean(runProperties);
        var style = model?.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "Normal";
        var children = spec.Kind is TagKind.Region or TagKind.Item && content is not null
            ? Children(content, inItem || spec.Kind == TagKind.Item)
            : [];
        return new ControlNode(spec, start, contentEnd + sdtEnd, paragraphStart, runStart, runProperties, style, children);
    }

    /// <summary>The run formatting an author gave the placeholder, without the grey placeholder look.</summary>
    private static string RunProperties(OpenXmlElement? content)
    {
        if (content?.Descendants<Run>().FirstOrDefault()?.RunProperties?.CloneNode(true) is not RunProperties properties)
        {
            return string.Empty;
        }

        if (properties.RunStyle?.Val?.Value == PlaceholderStyle)
        {
            properties.RunStyle.Remove();
        }

        return properties.HasChildren ? properties.OuterXml : string.Empty;
    }

    private Literal Literal(OpenXmlElement element, bool inItem) =>
        new(Lean(WithoutControlIds(element).OuterXml), inItem && element.Descendants<DocProperties>().Any());

    /// <summary>Copies of a control would share its id; Word gives a control without one a fresh id.</summary>
    private static OpenXmlElement WithoutControlIds(OpenXmlElement element)
    {
        if (!element.Descendants<SdtId>().Any())
        {
            return element;
        }

        var copy = element.CloneNode(true);
        foreach (var id in copy.Descendants<SdtId>().ToList())
        {
            id.Remove();
        }

        return copy;
    }

    /// <summary>The start and end tag of an element, attributes and namespace declarations included.</summary>
    private (string Start, string End) Tags(OpenXmlElement element, bool lean = true)
    {
        var xml = element.CloneNode(false).OuterXml;
        xml = lean ? Lean(xml) : xml;
        if (xml.EndsWith("/>", StringComparison.Ordinal))
        {
            return (xml[..^2].TrimEnd() + ">", $"</{element.Prefix}:{element.LocalName}>");
        }

        var end = xml.LastIndexOf("</", StringComparison.Ordinal);
        return (xml[..end], xml[end..]);
    }

    private static bool IsControl(SdtElement sdt) => TagOf(sdt) is { } tag && TemplateVocabulary.Find(tag) is not null;

    private static string? TagOf(SdtElement sdt) => sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;
}
