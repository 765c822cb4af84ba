using System.Xml;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>One tagged content control in a part's XML text, by character offsets into that text.</summary>
public sealed record RegionSpan(string Tag, string? Key, int Start, int End, int ContentStart, int ContentEnd, IReadOnlyList<RegionSpan> Children)
{
    /// <summary>"response:2", or the tag alone when unkeyed.</summary>
    public string Name => Key is null ? Tag : $"{Tag}:{Key}";
}

/// <summary>
/// Finds the tagged content controls in a part's XML text without building a tree, so that a caller can cut or
/// patch the text itself and leave every other byte as the producer (Word, or assembly) wrote it.
/// </summary>
public static class PartRegions
{
    internal const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>
    /// Tagged controls (w:sdt whose w:sdtPr has a w:tag) in the part's XML, outermost first, nested ones as Children.
    /// Start..End covers "&lt;w:sdt ...&gt;…&lt;/w:sdt&gt;"; ContentStart..ContentEnd is the text inside
    /// &lt;w:sdtContent&gt;…&lt;/w:sdtContent&gt; (ContentStart == ContentEnd when the content is empty or self-closed;
    /// for a self-closed &lt;w:sdtContent/&gt; both are just after it). Untagged controls are looked through: their
    /// tagged controls count as children of the nearest tagged control around them. A tag "response:2" is split at its
    /// first ':' into Tag "response" and Key "2".
    /// </summary>
    /// <exception cref="XmlException">The text is not well-formed XML, or has a DTD.</exception>
    public static IReadOnlyList<RegionSpan> Locate(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var offsets = new XmlOffsets(xml);
        var top = new List<RegionSpan>();
        var open = new Stack<Frame>();

        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        });
        var lines = (IXmlLineInfo)reader;

        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == W)
            {
                var depth = reader.Depth;
                var frame = open.Count > 0 ? open.Peek() : null;
                switch (reader.LocalName)
                {
                    case "sdt":
                        if (!reader.IsEmptyElement)
                        {
                            open.Push(new Frame(offsets.ElementStart(lines), depth));
                        }

                        break;
                    case "tag" when frame is not null && depth == frame.Depth + 2 && frame.InProperties:
                        frame.Tag ??= reader.GetAttribute("val", W);
                        break;
                    case "sdtPr" when frame is not null && depth == frame.Depth + 1:
                        frame.InProperties = !reader.IsEmptyElement;
                        break;
                    case "sdtContent" when frame is not null && depth == frame.Depth + 1:
                        var start = offsets.ElementStart(lines);
                        frame.ContentStart = offsets.TagEnd(start);
                        if (reader.IsEmptyElement)
                        {
                            frame.ContentEnd = frame.ContentStart;
                        }

                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.NamespaceURI == W && open.Count > 0)
            {
                var frame = open.Peek();
                if (reader.Depth == frame.Depth + 1 && reader.LocalName == "sdtPr")
                {
                    frame.InProperties = false;
                }
                else if (reader.Depth == frame.Depth + 1 && reader.LocalName == "sdtContent")
                {
                    frame.ContentEnd = offsets.EndElementStart(lines);
                }
                else if (reader.Depth == frame.Depth && reader.LocalName == "sdt")
                {
                    open.Pop();
                    var end = offsets.TagEnd(offsets.EndElementStart(lines));
                    var into = open.Count > 0 ? open.Peek().Children : top;
                    if (frame.Tag is null)
                    {
                        into.AddRange(frame.Children);
                    }
                    else
                    {
                        into.Add(frame.Close(end));
                    }
                }
            }
        }

        return top;
    }

    /// <summary>Splits a tag at its first ':' into the tag and the item's key.</summary>
    internal static (string Tag, string? Key) SplitTag(string tag)
    {
        var colon = tag.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (tag, null) : (tag[..colon], tag[(colon + 1)..]);
    }

    private sealed class Frame(int start, int depth)
    {
        public int Depth { get; } = depth;
        public string? Tag { get; set; }
        public bool InProperties { get; set; }
        public int ContentStart { get; set; } = -1;
        public int ContentEnd { get; set; } = -1;
        public List<RegionSpan> Children { get; } = [];

        public RegionSpan Close(int end)
        {
            var (tag, key) = SplitTag(Tag!);

            // A control without content (which Word never writes) is given an empty content just before its end tag.
            var contentStart = ContentStart < 0 ? end : ContentStart;
            var contentEnd = ContentEnd < 0 ? contentStart : ContentEnd;
            return new RegionSpan(tag, key, start, end, contentStart, contentEnd, Children);
        }
    }
}
