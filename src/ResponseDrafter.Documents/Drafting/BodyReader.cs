using System.Text;
using System.Xml;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>A tagged control as the body reader found it, before its markup is made.</summary>
internal sealed record FoundRegion(
    string Tag,
    string? Key,
    string? Alias,
    bool Locked,
    bool Inline,
    IReadOnlyList<string> Paragraphs,
    int FirstParagraph,
    string? Fragment,
    IReadOnlyList<FoundRegion> Children);

/// <summary>
/// One streaming pass over the main part: the body's paragraphs as plain text and its tagged controls. Text is what
/// the w:t elements hold, so deleted (tracked) text, field codes and Word's alternative content for older versions
/// are left out; inserted text is kept. Each paragraph is read once, a text box's paragraphs apart from the one
/// anchoring it.
/// </summary>
internal sealed class BodyReader
{
    private const string W = PartRegions.W;
    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private readonly string xml;
    private readonly Func<string, bool> wantsFragment;
    private readonly XmlOffsets offsets;
    private readonly List<string> paragraphs = [];
    private readonly List<FoundRegion> regions = [];
    private readonly Stack<StringBuilder> openParagraphs = new();
    private readonly Stack<Frame> openControls = new();

    private BodyReader(string xml, Func<string, bool> wantsFragment)
    {
        this.xml = xml;
        this.wantsFragment = wantsFragment;
        offsets = new XmlOffsets(xml);
    }

    /// <summary>Reads the body; <paramref name="wantsFragment"/> says for which tags the content's XML is wanted, to make markup from.</summary>
    /// <exception cref="XmlException">The part is not well-formed, or has a DTD.</exception>
    public static (IReadOnlyList<string> Paragraphs, IReadOnlyList<FoundRegion> Regions) Read(string xml, Func<string, bool> wantsFragment)
    {
        var reader = new BodyReader(xml, wantsFragment);
        reader.Run();
        return (reader.paragraphs, reader.regions);
    }

    private void Run()
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        });
        var lines = (IXmlLineInfo)reader;
        var skipping = -1;
        var inBody = false;
        var inText = false;

        while (reader.Read())
        {
            if (skipping >= 0)
            {
                skipping = reader.NodeType == XmlNodeType.EndElement && reader.Depth == skipping ? -1 : skipping;
                continue;
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.NamespaceURI == MarkupCompatibility && reader.LocalName == "Fallback" && !reader.IsEmptyElement:
                    skipping = reader.Depth;
                    break;
                case XmlNodeType.Element when reader.NamespaceURI == W:
                    if (reader.LocalName == "body")
                    {
                        inBody = !reader.IsEmptyElement;
                    }
                    else if (inBody && reader.LocalName is "del" or "moveFrom" && !reader.IsEmptyElement)
                    {
                        skipping = reader.Depth;
                    }
                    else if (inBody)
                    {
                        inText = Start(reader, lines);
                    }

                    break;
                case XmlNodeType.EndElement when reader.NamespaceURI == W:
                    if (reader.LocalName == "body")
                    {
                        inBody = false;
                    }
                    else if (inBody)
                    {
                        End(reader, lines);
                    }

                    inText = false;
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA when inText:
                    AppendText(reader.Value);
                    break;
            }
        }
    }

    /// <summary>Handles a start tag in the body; true when text follows that belongs to the paragraph (a w:t).</summary>
    private bool Start(XmlReader reader, IXmlLineInfo lines)
    {
        var depth = reader.Depth;
        var control = openControls.Count > 0 ? openControls.Peek() : null;
        switch (reader.LocalName)
        {
            case "p" when !reader.IsEmptyElement:
                openParagraphs.Push(new StringBuilder());
                break;
            case "t":
                return !reader.IsEmptyElement && openParagraphs.Count > 0;
            case "sdt" when !reader.IsEmptyElement:
                openControls.Push(new Frame(depth, openParagraphs.Count > 0, paragraphs.Count));
                break;
            case "sdtPr" when control is not null && depth == control.Depth + 1:
                control.InProperties = !reader.IsEmptyElement;
                break;
            case "sdtContent" when control is not null && depth == control.Depth + 1:
                if (control.Tag is { } tag && wantsFragment(PartRegions.SplitTag(tag).Tag))
                {
                    var contentStart = offsets.TagEnd(offsets.ElementStart(lines));
                    control.Fragment = (Open: Wrapper(reader), ContentStart: reader.IsEmptyElement ? -1 : contentStart);
                }

                control.FirstParagraph = paragraphs.Count;
                break;
            case var name when control is not null && control.InProperties && depth == control.Depth + 2:
                Property(reader, control, name);
                break;
        }

        return false;
    }

    private static void Property(XmlReader reader, Frame control, string name)
    {
        switch (name)
        {
            case "tag":
                control.Tag ??= reader.GetAttribute("val", W);
                break;
            case "alias":
                control.Alias ??= reader.GetAttribute("val", W);
                break;
            case "lock":
                control.Locked = reader.GetAttribute("val", W) is "sdtContentLocked" or "contentLocked";
                break;
            case "showingPlcHdr":
                control.ShowingPlaceholder = reader.GetAttribute("val", W) is not ("false" or "0" or "off");
                break;
        }
    }

    private void End(XmlReader reader, IXmlLineInfo lines)
    {
        var depth = reader.Depth;
        var control = openControls.Count > 0 ? openControls.Peek() : null;
        switch (reader.LocalName)
        {
            case "p" when openParagraphs.Count > 0:
                var text = Collapsed(openParagraphs.Pop().ToString());
                if (text.Length > 0)
                {
                    paragraphs.Add(text);
                }

                break;
            case "sdtPr" when control is not null && depth == control.Depth + 1:
                control.InProperties = false;
                break;
            case "sdtContent" when control?.Fragment is { ContentStart: >= 0 } fragment && depth == control.Depth + 1:
                control.FragmentXml = fragment.Open + xml[fragment.ContentStart..offsets.EndElementStart(lines)] + Close(fragment.Open);
                break;
            case "sdt" when control is not null && depth == control.Depth:
                openControls.Pop();
                Closed(control);
                break;
        }
    }

    private void Closed(Frame control)
    {
        var into = openControls.Count > 0 ? openControls.Peek().Children : regions;
        if (control.Tag is null)
        {
            into.AddRange(control.Children);
            return;
        }

        var (tag, key) = PartRegions.SplitTag(control.Tag);
        IReadOnlyList<string> read = control.ShowingPlaceholder ? []
            : control.Inline ? Collapsed(control.Text.ToString()) is { Length: > 0 } text ? [text] : []
            : paragraphs[control.FirstParagraph..];
        var fragment = control.ShowingPlaceholder || read.Count == 0 ? null : control.FragmentXml;
        into.Add(new FoundRegion(tag, key, control.Alias, control.Locked, control.Inline, read, control.FirstParagraph, fragment, control.Children));
    }

    private void AppendText(string text)
    {
        openParagraphs.Peek().Append(text);
        foreach (var control in openControls)
        {
            if (control.Inline)
            {
                control.Text.Append(text);
            }
        }
    }

    /// <summary>An sdtContent start tag declaring every namespace in scope, so the content can be parsed on its own.</summary>
    private static string Wrapper(XmlReader reader)
    {
        var open = new StringBuilder("<");
        open.Append(reader.Prefix.Length > 0 ? reader.Prefix + ":" : string.Empty).Append("sdtContent");
        foreach (var (prefix, uri) in ((IXmlNamespaceResolver)reader).GetNamespacesInScope(XmlNamespaceScope.ExcludeXml))
        {
            open.Append(" xmlns").Append(prefix.Length > 0 ? ":" + prefix : string.Empty).Append("=\"").Append(SecurityElementEscape(uri)).Append('"');
        }

        return open.Append('>').ToString();
    }

    private static string Close(string open) => "</" + open[1..open.IndexOf(' ', StringComparison.Ordinal)] + ">";

    private static string SecurityElementEscape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    /// <summary>Whitespace runs as single spaces, none at the ends.</summary>
    public static string Collapsed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed class Frame(int depth, bool inline, int firstParagraph)
    {
        public int Depth { get; } = depth;
        public bool Inline { get; } = inline;
        public int FirstParagraph { get; set; } = firstParagraph;
        public bool InProperties { get; set; }
        public string? Tag { get; set; }
        public string? Alias { get; set; }
        public bool Locked { get; set; }
        public bool ShowingPlaceholder { get; set; }
        public StringBuilder Text { get; } = new();
        public (string Open, int ContentStart)? Fragment { get; set; }
        public string? FragmentXml { get; set; }
        public List<FoundRegion> Children { get; } = [];
    }
}
