using System.Xml;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// Reads a formatting property from a paragraph or run, falling back through its style and the styles it is based on.
/// The styles part is read once, streaming, for the few properties the import and read-back use.
/// </summary>
internal sealed class StyleChain
{
    private const int MaxDepth = 12;
    private readonly Dictionary<string, Style> byId = new(StringComparer.Ordinal);

    private StyleChain()
    {
    }

    /// <summary>No styles: every lookup falls through to the direct formatting.</summary>
    public static StyleChain None { get; } = new();

    /// <summary>The styles in a styles part (word/styles.xml); none when there is no part.</summary>
    /// <exception cref="XmlException">The part is not well-formed, or has a DTD.</exception>
    public static StyleChain Read(Stream? part)
    {
        var chain = new StyleChain();
        if (part is null)
        {
            return chain;
        }

        using var reader = WordXml.Reader(part);
        Style? style = null;
        var styleDepth = -1;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == styleDepth)
            {
                style = null;
                styleDepth = -1;
            }

            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != WordXml.W)
            {
                continue;
            }

            if (style is null)
            {
                if (reader.LocalName == "style" && !reader.IsEmptyElement && reader.GetAttribute("styleId", WordXml.W) is { } id)
                {
                    style = new Style(id);
                    styleDepth = reader.Depth;
                    chain.byId.TryAdd(id, style);
                }

                continue;
            }

            style.Read(reader, reader.Depth - styleDepth);
        }

        return chain;
    }

    public bool? Bold(string? styleId) => Find(styleId, s => s.Bold);

    public bool? Italic(string? styleId) => Find(styleId, s => s.Italic);

    /// <summary>The list a paragraph belongs to, directly or through its style. Id 0 means "not in a list".</summary>
    public (int Id, int Level)? Numbering((int Id, int Level)? direct, string? styleId) =>
        direct ?? Find(styleId, s => s.Numbering);

    /// <summary>0 for a "Heading 1" paragraph, 1 for "Heading 2"; 9 or null for body text.</summary>
    public int? OutlineLevel(int? direct, string? styleId) =>
        direct ?? Find(styleId, s => s.OutlineLevel ?? NamedLevel(s));

    private static int? NamedLevel(Style style)
    {
        var name = (style.Name ?? style.Id).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (name.Equals("title", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        return name.StartsWith("heading", StringComparison.OrdinalIgnoreCase) && name.Length == 8 && name[7] is >= '1' and <= '9'
            ? name[7] - '1'
            : null;
    }

    private T? Find<T>(string? styleId, Func<Style, T?> read)
        where T : struct
    {
        for (var depth = 0; depth < MaxDepth && styleId is not null && byId.TryGetValue(styleId, out var style); depth++)
        {
            if (read(style) is { } value)
            {
                return value;
            }

            styleId = style.BasedOn;
        }

        return null;
    }

    /// <summary>What one w:style says, from its own w:name, w:basedOn, w:rPr and w:pPr (not from the revisions inside them).</summary>
    private sealed class Style(string id)
    {
        private string? inside;
        private bool inNumbering;
        private int? numberingId;
        private int numberingLevel;

        public string Id { get; } = id;
        public string? Name { get; private set; }
        public string? BasedOn { get; private set; }
        public bool? Bold { get; private set; }
        public bool? Italic { get; private set; }
        public int? OutlineLevel { get; private set; }
        public (int Id, int Level)? Numbering => numberingId is { } numId ? (numId, numberingLevel) : null;

        /// <summary>An element <paramref name="level"/> levels below the w:style.</summary>
        public void Read(XmlReader reader, int level)
        {
            switch (level, reader.LocalName)
            {
                case (1, "name"):
                    Name ??= WordXml.Val(reader);
                    break;
                case (1, "basedOn"):
                    BasedOn ??= WordXml.Val(reader);
                    break;
                case (1, "rPr" or "pPr"):
                    inside = reader.LocalName;
                    break;
                case (1, _):
                    inside = null;
                    break;
                case (2, "b") when inside == "rPr":
                    Bold ??= WordXml.OnOff(reader);
                    break;
                case (2, "i") when inside == "rPr":
                    Italic ??= WordXml.OnOff(reader);
                    break;
                case (2, "outlineLvl") when inside == "pPr":
                    OutlineLevel ??= WordXml.Int(WordXml.Val(reader));
                    break;
                case (2, var name):
                    inNumbering = inside == "pPr" && name == "numPr";
                    break;
                case (3, "numId") when inNumbering && numberingId is null:
                    numberingId = WordXml.Int(WordXml.Val(reader));
                    break;
                case (3, "ilvl") when inNumbering:
                    numberingLevel = WordXml.Int(WordXml.Val(reader)) ?? 0;
                    break;
            }
        }
    }
}
