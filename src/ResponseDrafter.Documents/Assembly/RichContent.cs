using System.Text;
using ResponseDrafter.Documents.Markup;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>
/// Writes the letter's rich-text fields into its parts through one <see cref="RichTextWriter"/>, parsing each
/// markup once: validation has already parsed it, and <paramref name="markup"/> remembers what it found.
/// </summary>
internal sealed class RichContent(RichTextWriter writer, ParsedMarkup markup)
{
    public bool HasContent(BlocksField field)
    {
        foreach (var piece in field.Pieces)
        {
            if (string.IsNullOrWhiteSpace(piece.Text))
            {
                continue;
            }

            if (!piece.IsMarkup || markup.Parse(piece.Text) is not { Problems.Count: 0, Blocks.Count: 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The field's paragraphs; plain ones and rich text without a style of its own take <paramref name="controlStyle"/>.</summary>
    public void WriteBlocks(StringBuilder xml, BlocksField field, string controlStyle, string part)
    {
        foreach (var piece in field.Pieces)
        {
            if (string.IsNullOrWhiteSpace(piece.Text))
            {
                continue;
            }

            var style = piece.Style ?? controlStyle;
            if (!piece.IsMarkup)
            {
                Paragraph(xml, piece.Text, style);
                continue;
            }

            var parsed = markup.Parse(piece.Text);
            if (parsed.Problems.Count == 0)
            {
                writer.Write(xml, parsed.Blocks, style, part);
                continue;
            }

            foreach (var line in PlainLines(piece.Text))
            {
                Paragraph(xml, line, style);
            }
        }
    }

    /// <summary>The lead in a run starting <paramref name="runStart"/> (the placeholder's formatting), then the rich text run on.</summary>
    public void WriteRuns(StringBuilder xml, RunsField field, string runStart, string part)
    {
        TextRun(xml, field.Lead, runStart);
        if (string.IsNullOrWhiteSpace(field.Markup))
        {
            return;
        }

        var parsed = markup.Parse(field.Markup);
        if (parsed.Problems.Count == 0)
        {
            writer.WriteRuns(xml, OneParagraph(parsed.Blocks), part);
        }
        else
        {
            TextRun(xml, string.Join(' ', PlainLines(field.Markup)), runStart);
        }
    }

    /// <summary>A run of plain text; its tabs and line breaks become Word's own.</summary>
    public static void TextRun(StringBuilder xml, string text, string runStart)
    {
        xml.Append(runStart);
        AppendText(xml, text);
        xml.Append("</w:r>");
    }

    /// <summary>Plain text as w:t elements, its tabs and line breaks as Word's own; characters XML cannot hold are dropped.</summary>
    public static void AppendText(StringBuilder xml, string text)
    {
        var open = false;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\t' or '\n':
                    if (open)
                    {
                        xml.Append("</w:t>");
                        open = false;
                    }

                    xml.Append(c == '\t' ? "<w:tab/>" : "<w:br/>");
                    continue;
                case < ' ' or '\uFFFE' or '\uFFFF':
                    continue;
            }

            if (!open)
            {
                xml.Append("<w:t xml:space=\"preserve\">");
                open = true;
            }

            _ = c switch
            {
                '&' => xml.Append("&amp;"),
                '<' => xml.Append("&lt;"),
                '>' => xml.Append("&gt;"),
                _ => xml.Append(c),
            };
        }

        if (open)
        {
            xml.Append("</w:t>");
        }
    }

    private static void Paragraph(StringBuilder xml, string text, string style)
    {
        xml.Append("<w:p><w:pPr><w:pStyle w:val=\"").AppendEscaped(style).Append("\"/></w:pPr>");
        TextRun(xml, text, "<w:r>");
        xml.Append("</w:p>");
    }

    /// <summary>Paragraphs run on with a space and list items with "; ", for text that must fit in one line of a paragraph.</summary>
    private static List<Inline> OneParagraph(IReadOnlyList<Block> blocks)
    {
        var inlines = new List<Inline>();
        foreach (var block in blocks)
        {
            var pieces = block switch
            {
                ParagraphBlock paragraph => [paragraph.Inlines],
                ListBlock list => Items(list),
                _ => [],
            };
            foreach (var piece in pieces)
            {
                if (inlines.Count > 0)
                {
                    inlines.Add(new TextSpan(block is ListBlock ? "; " : " "));
                }

                inlines.AddRange(piece);
            }
        }

        return inlines;
    }

    private static IEnumerable<IReadOnlyList<Inline>> Items(ListBlock list) =>
        list.Items.SelectMany(item => item.Sublists.SelectMany(Items).Prepend(item.Inlines));

    // The validator rejects bad markup before assembly; should any slip through, its words still print.
    private static IEnumerable<string> PlainLines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !string.IsNullOrWhiteSpace(l));
}
