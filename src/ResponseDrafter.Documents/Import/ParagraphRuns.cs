using System.Text;
using System.Xml;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// A paragraph as the import reads it, before its place in a list is counted: its markup and plain text, the list it
/// belongs to (directly or through its style), its outline level and whether all its text is bold.
/// </summary>
internal sealed record ReadParagraph(string Markup, string Plain, (int Id, int Level)? Numbering, int? OutlineLevel, bool AllBold)
{
    private const int BodyText = 9;

    /// <summary>The paragraph with its list label, counted by <paramref name="lists"/> in reading order.</summary>
    public WordParagraph In(ListNumbers lists) => new(
        Markup,
        Plain,
        Numbering is var (id, level) && id != 0 ? lists.Next(id, level) : null,
        OutlineLevel is >= 0 and < BodyText ? OutlineLevel : null,
        AllBold);
}

/// <summary>
/// Reads Word paragraphs from a streaming pass over a part, fed the reader's start tags, end tags and the text of
/// w:t elements. A paragraph's text is that of its runs, directly or inside hyperlinks, insertions, moved-here text,
/// inline content controls, simple fields and custom XML; anything else inside a paragraph (deleted or moved-away
/// text, alternative content, equations) is left out, and so are runs with hidden text (w:vanish) and text boxes'
/// paragraphs. Tabs read as '\t', text-wrapping breaks and carriage returns as '\n', other breaks as a space,
/// non-breaking hyphens as '-'. Emphasis is what the writer applied, directly or with a character style; bold that
/// comes from the paragraph's style only counts towards <see cref="ReadParagraph.AllBold"/>.
/// </summary>
internal sealed class ParagraphRuns(StyleChain styles, IReadOnlyDictionary<string, Uri> links)
{
    private const string W = WordXml.W;

    private readonly List<(Piece Piece, bool LooksBold)> runs = [];
    private readonly Stack<(int Depth, Uri? Link)> hyperlinks = new();
    private readonly StringBuilder text = new();

    private int paragraph = -1;
    private int paragraphProperties = -1;
    private bool inNumbering;
    private string? paragraphStyle;
    private int? numberingId;
    private int numberingLevel;
    private int? outlineLevel;

    private int textBox = -1;
    private int opaque = -1;

    private int run = -1;
    private bool inRunProperties;
    private bool inText;
    private bool? vanish;
    private bool? bold;
    private bool? italic;
    private string? characterStyle;

    /// <summary>A start tag, in any namespace.</summary>
    public void Start(XmlReader reader)
    {
        var depth = reader.Depth;
        if (textBox >= 0 || opaque >= 0)
        {
            return;
        }

        var w = reader.NamespaceURI == W;
        if (w && reader.LocalName == "txbxContent" && !reader.IsEmptyElement)
        {
            textBox = depth;
            return;
        }

        if (paragraph < 0)
        {
            if (w && reader.LocalName == "p" && !reader.IsEmptyElement)
            {
                StartParagraph(depth);
            }

            return;
        }

        if (run >= 0)
        {
            if (w)
            {
                InRun(reader, depth - run);
            }

            return;
        }

        if (paragraphProperties >= 0)
        {
            if (w)
            {
                InParagraphProperties(reader, depth - paragraphProperties);
            }

            return;
        }

        switch (w ? reader.LocalName : null)
        {
            case "pPr" when depth == paragraph + 1:
                paragraphProperties = reader.IsEmptyElement ? -1 : depth;
                break;
            case "r" when !reader.IsEmptyElement:
                StartRun(depth);
                break;
            case "hyperlink" when !reader.IsEmptyElement:
                hyperlinks.Push((depth, reader.GetAttribute("id", WordXml.Relationships) is { } id && links.TryGetValue(id, out var uri) ? uri : null));
                break;
            case "ins" or "moveTo" or "sdt" or "sdtContent" or "fldSimple" or "customXml":
            case "r" or "hyperlink":
                break;
            default:
                opaque = reader.IsEmptyElement ? -1 : depth;
                break;
        }
    }

    /// <summary>The text of a w:t, of a run or not.</summary>
    public void Text(string value)
    {
        if (inText)
        {
            text.Append(value);
        }
    }

    /// <summary>An end tag, in any namespace; a paragraph read when it ends one that has text.</summary>
    public ReadParagraph? End(XmlReader reader)
    {
        var depth = reader.Depth;
        if (depth == textBox)
        {
            textBox = -1;
            return null;
        }

        if (depth == opaque)
        {
            opaque = -1;
            return null;
        }

        return textBox < 0 && opaque < 0 ? EndInParagraph(depth) : null;
    }

    private ReadParagraph? EndInParagraph(int depth)
    {
        if (depth == run)
        {
            EndRun();
        }
        else if (run >= 0)
        {
            inText = false;
            inRunProperties = inRunProperties && depth != run + 1;
        }
        else if (depth == paragraphProperties)
        {
            paragraphProperties = -1;
        }
        else if (paragraphProperties >= 0)
        {
            inNumbering = inNumbering && depth != paragraphProperties + 1;
        }
        else if (hyperlinks.TryPeek(out var hyperlink) && hyperlink.Depth == depth)
        {
            hyperlinks.Pop();
        }
        else if (depth == paragraph)
        {
            return EndParagraph();
        }

        return null;
    }

    private void StartParagraph(int depth)
    {
        paragraph = depth;
        paragraphStyle = null;
        numberingId = null;
        numberingLevel = 0;
        outlineLevel = null;
        runs.Clear();
    }

    private void InParagraphProperties(XmlReader reader, int level)
    {
        switch (level, reader.LocalName)
        {
            case (1, "pStyle"):
                paragraphStyle ??= WordXml.Val(reader);
                break;
            case (1, "outlineLvl"):
                outlineLevel ??= WordXml.Int(WordXml.Val(reader));
                break;
            case (1, "numPr"):
                inNumbering = !reader.IsEmptyElement;
                break;
            case (2, "numId") when inNumbering:
                numberingId ??= WordXml.Int(WordXml.Val(reader));
                break;
            case (2, "ilvl") when inNumbering:
                numberingLevel = WordXml.Int(WordXml.Val(reader)) ?? 0;
                break;
        }
    }

    private void StartRun(int depth)
    {
        run = depth;
        (vanish, bold, italic, characterStyle) = (null, null, null, null);
        text.Clear();
    }

    private void InRun(XmlReader reader, int level)
    {
        switch (level, reader.LocalName)
        {
            case (1, "rPr"):
                inRunProperties = !reader.IsEmptyElement;
                break;
            case (1, "t"):
                inText = !reader.IsEmptyElement;
                break;
            case (1, "tab" or "ptab"):
                text.Append('\t');
                break;
            case (1, "br"):
                text.Append(reader.GetAttribute("type", W) is null or "textWrapping" ? '\n' : ' ');
                break;
            case (1, "cr"):
                text.Append('\n');
                break;
            case (1, "noBreakHyphen"):
                text.Append('-');
                break;
            case (2, "b") when inRunProperties:
                bold ??= WordXml.OnOff(reader);
                break;
            case (2, "i") when inRunProperties:
                italic ??= WordXml.OnOff(reader);
                break;
            case (2, "vanish") when inRunProperties:
                vanish ??= WordXml.OnOff(reader);
                break;
            case (2, "rStyle") when inRunProperties:
                characterStyle ??= WordXml.Val(reader);
                break;
        }
    }

    private void EndRun()
    {
        run = -1;
        inText = false;
        inRunProperties = false;
        if (vanish == true || text.Length == 0)
        {
            return;
        }

        var isBold = bold ?? styles.Bold(characterStyle);
        var isItalic = italic ?? styles.Italic(characterStyle);
        var link = hyperlinks.Count > 0 ? hyperlinks.Peek().Link : null;
        runs.Add((new Piece(text.ToString(), isBold ?? false, isItalic ?? false, link), isBold ?? styles.Bold(paragraphStyle) ?? false));
    }

    private ReadParagraph? EndParagraph()
    {
        paragraph = -1;
        hyperlinks.Clear();
        var plain = Plain();
        if (plain.Length == 0)
        {
            return null;
        }

        var pieces = new Piece[runs.Count];
        var allBold = true;
        for (var i = 0; i < runs.Count; i++)
        {
            pieces[i] = runs[i].Piece;
            allBold &= runs[i].LooksBold || string.IsNullOrWhiteSpace(runs[i].Piece.Text);
        }

        var numbering = styles.Numbering(numberingId is { } id ? (id, numberingLevel) : null, paragraphStyle);
        return new ReadParagraph(MarkupText.Paragraph(pieces), plain, numbering, styles.OutlineLevel(outlineLevel, paragraphStyle), allBold);
    }

    private string Plain()
    {
        if (runs.Count == 1)
        {
            return runs[0].Piece.Text.Trim();
        }

        text.Clear();
        foreach (var (piece, _) in runs)
        {
            text.Append(piece.Text);
        }

        return text.ToString().Trim();
    }
}
