using System.Buffers;
using System.Text;
using System.Xml;
using ResponseDrafter.Documents.Import;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>
/// One streaming pass over the main part: the body's paragraphs as plain text and its tagged controls. Text is what
/// the w:t elements hold, so deleted (tracked) text, field codes and Word's alternative content for older versions
/// are left out; inserted text is kept. Each paragraph is read once, a text box's paragraphs apart from the one
/// anchoring it. Inside rich-text controls the same pass also reads each paragraph's runs for its markup. Each tagged
/// control becomes its <see cref="DocumentRegion"/> as it closes.
/// </summary>
internal sealed class BodyReader
{
    private const string W = PartRegions.W;
    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    /// <summary>What <see cref="Collapsed"/> turns into a space besides the space itself.</summary>
    private static readonly SearchValues<char> WhitespaceButSpace = SearchValues.Create(
        [.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c))]);

    private readonly Func<string, bool> isRichText;
    private readonly Func<ParagraphRuns> startRuns;
    private readonly List<string> paragraphs = [];
    private readonly List<ReadParagraph> richParagraphs = [];
    private readonly List<DocumentRegion> regions = [];
    private readonly Stack<StringBuilder> openParagraphs = new();
    private readonly Stack<StringBuilder> spareBuilders = new();
    private readonly StringBuilder collapsed = new();
    private readonly Stack<Frame> openControls = new();
    private ParagraphRuns? runs;
    private string valName = string.Empty;
    private string wordNamespace = string.Empty;
    private int richOpen;

    private readonly RegionMarkup markup;

    private BodyReader(Func<string, bool> isRichText, Func<ParagraphRuns> startRuns, Func<ListDefinitions> readLists)
    {
        this.isRichText = isRichText;
        this.startRuns = startRuns;
        markup = new RegionMarkup(new BodyText(paragraphs), readLists);
    }

    /// <summary>
    /// Reads the body; for controls whose tag <paramref name="isRichText"/>, paragraphs are also read with the runs
    /// <paramref name="startRuns"/> gives, called once, when the first such control is met; <paramref name="readLists"/> is
    /// called, once, when the first such control with text closes.
    /// </summary>
    /// <exception cref="XmlException">The part is not well-formed, or has a DTD.</exception>
    public static (IReadOnlyList<string> Paragraphs, IReadOnlyList<DocumentRegion> Regions) Read(
        Stream part, Func<string, bool> isRichText, Func<ParagraphRuns> startRuns, Func<ListDefinitions> readLists)
    {
        var reader = new BodyReader(isRichText, startRuns, readLists);
        reader.Run(part);
        return (reader.paragraphs, reader.regions);
    }

    private void Run(Stream part)
    {
        using var reader = WordXml.Reader(part);
        valName = reader.NameTable.Add("val");
        wordNamespace = reader.NameTable.Add(W);
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
                        inText = Start(reader);
                        if (richOpen > 0)
                        {
                            runs!.Start(reader);
                        }
                    }

                    break;
                case XmlNodeType.Element when inBody && richOpen > 0:
                    runs!.Start(reader);
                    break;
                case XmlNodeType.EndElement when reader.NamespaceURI == W:
                    if (reader.LocalName == "body")
                    {
                        inBody = false;
                    }
                    else if (inBody)
                    {
                        if (richOpen > 0 && runs!.End(reader) is { } read)
                        {
                            richParagraphs.Add(read);
                        }

                        End(reader);
                    }

                    inText = false;
                    break;
                case XmlNodeType.EndElement when inBody && richOpen > 0:
                    runs!.End(reader);
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA when inText:
                    var value = reader.Value;
                    AppendText(value);
                    if (richOpen > 0)
                    {
                        runs!.Text(value);
                    }

                    break;
            }
        }
    }

    /// <summary>Handles a start tag in the body; true when text follows that belongs to the paragraph (a w:t).</summary>
    private bool Start(XmlReader reader)
    {
        var depth = reader.Depth;
        var control = openControls.Count > 0 ? openControls.Peek() : null;
        switch (reader.LocalName)
        {
            case "p" when !reader.IsEmptyElement:
                openParagraphs.Push(Builder());
                break;
            case "t":
                return !reader.IsEmptyElement && openParagraphs.Count > 0;
            case "sdt" when !reader.IsEmptyElement:
                var inline = openParagraphs.Count > 0;
                openControls.Push(new Frame(depth, inline, paragraphs.Count, inline ? Builder() : null));
                break;
            case "sdtPr" when control is not null && depth == control.Depth + 1:
                control.InProperties = !reader.IsEmptyElement;
                break;
            case "sdtContent" when control is not null && depth == control.Depth + 1:
                control.FirstParagraph = paragraphs.Count;
                if (!reader.IsEmptyElement && control.Tag is { } tag && isRichText(PartRegions.SplitTag(tag).Tag))
                {
                    runs ??= startRuns();
                    control.FirstRichParagraph = richParagraphs.Count;
                    richOpen++;
                }

                break;
            case var name when control is not null && control.InProperties && depth == control.Depth + 2:
                Property(reader, control, name);
                break;
        }

        return false;
    }

    private void Property(XmlReader reader, Frame control, string name)
    {
        switch (name)
        {
            case "tag":
                control.Tag ??= Val(reader);
                break;
            case "alias":
                control.Alias ??= Val(reader);
                break;
            case "lock":
                control.Locked = Val(reader) is "sdtContentLocked" or "contentLocked";
                break;
            case "showingPlcHdr":
                control.ShowingPlaceholder = Val(reader) is not ("false" or "0" or "off");
                break;
        }
    }

    /// <summary>
    /// The w:val of the element the reader is on, as GetAttribute gives it; the reader's names are atomised, so comparing
    /// references spares hashing both names again for every property of every control.
    /// </summary>
    private string? Val(XmlReader reader)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return null;
        }

        string? value = null;
        do
        {
            if (ReferenceEquals(reader.LocalName, valName) && ReferenceEquals(reader.NamespaceURI, wordNamespace))
            {
                value = reader.Value;
                break;
            }
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
        return value;
    }

    private void End(XmlReader reader)
    {
        var depth = reader.Depth;
        var control = openControls.Count > 0 ? openControls.Peek() : null;
        switch (reader.LocalName)
        {
            case "p" when openParagraphs.Count > 0:
                var builder = openParagraphs.Pop();
                var text = Collapsed(builder);
                Spare(builder);
                if (text.Length > 0)
                {
                    paragraphs.Add(text);
                }

                break;
            case "sdtPr" when control is not null && depth == control.Depth + 1:
                control.InProperties = false;
                break;
            case "sdtContent" when control is { FirstRichParagraph: >= 0 } && depth == control.Depth + 1:
                control.RichParagraphs = richParagraphs[control.FirstRichParagraph..];
                richOpen--;
                break;
            case "sdt" when control is not null && depth == control.Depth:
                openControls.Pop();
                Closed(control);
                if (control.Text is { } inlineText)
                {
                    Spare(inlineText);
                }
                break;
        }
    }

    private void Closed(Frame control)
    {
        var into = openControls.Count > 0 ? openControls.Peek().ChildList : regions;
        if (control.Tag is null)
        {
            into.AddRange(control.Children);
            return;
        }

        var (tag, key) = PartRegions.SplitTag(control.Tag);
        var inlineText = control.ShowingPlaceholder || !control.Inline ? null : Collapsed(control.Text!) is { Length: > 0 } text ? text : null;
        var count = control.ShowingPlaceholder || control.Inline ? 0 : paragraphs.Count - control.FirstParagraph;
        var rich = inlineText is null && count == 0 ? null : control.RichParagraphs;
        into.Add(markup.Region(tag, key, control.Alias, control.Locked, control.Inline, inlineText, control.FirstParagraph, count, rich, control.Children));
    }

    private StringBuilder Builder() => spareBuilders.Count > 0 ? spareBuilders.Pop() : new StringBuilder();

    private void Spare(StringBuilder builder)
    {
        builder.Clear();
        spareBuilders.Push(builder);
    }

    private void AppendText(string text)
    {
        openParagraphs.Peek().Append(text);
        foreach (var control in openControls)
        {
            control.Text?.Append(text);
        }
    }

    /// <summary>Whitespace runs as single spaces, none at the ends.</summary>
    private string Collapsed(StringBuilder text)
    {
        if (AlreadyCollapsed(text, out var whole))
        {
            return whole.Length == 0 ? string.Empty : new string(whole);
        }

        collapsed.Clear();
        var space = false;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = collapsed.Length > 0;
                    continue;
                }

                if (space)
                {
                    collapsed.Append(' ');
                    space = false;
                }

                collapsed.Append(c);
            }
        }

        return collapsed.Length == 0 ? string.Empty : collapsed.ToString();
    }

    /// <summary>Most paragraphs need no collapsing: one chunk, no space at either end, no two together, no other whitespace.</summary>
    private static bool AlreadyCollapsed(StringBuilder text, out ReadOnlySpan<char> whole)
    {
        whole = default;
        var chunks = text.GetChunks();
        if (!chunks.MoveNext())
        {
            return true;
        }

        var span = chunks.Current.Span;
        if (chunks.MoveNext() || (span.Length > 0 && (span[0] == ' ' || span[^1] == ' ')) || span.ContainsAny(WhitespaceButSpace) || span.Contains("  ", StringComparison.Ordinal))
        {
            return false;
        }

        whole = span;
        return true;
    }

    private sealed class Frame(int depth, bool inline, int firstParagraph, StringBuilder? text)
    {
        private List<DocumentRegion>? children;

        public int Depth { get; } = depth;
        public bool Inline { get; } = inline;
        public int FirstParagraph { get; set; } = firstParagraph;
        public int FirstRichParagraph { get; set; } = -1;
        public bool InProperties { get; set; }
        public string? Tag { get; set; }
        public string? Alias { get; set; }
        public bool Locked { get; set; }
        public bool ShowingPlaceholder { get; set; }
        /// <summary>The text of an inline control; block controls have their paragraphs instead.</summary>
        public StringBuilder? Text { get; } = text;
        public IReadOnlyList<ReadParagraph>? RichParagraphs { get; set; }
        /// <summary>The tagged controls inside, kept in a list made only when there is one.</summary>
        public IReadOnlyList<DocumentRegion> Children => children ?? (IReadOnlyList<DocumentRegion>)[];

        public List<DocumentRegion> ChildList => children ??= [];
    }
}
