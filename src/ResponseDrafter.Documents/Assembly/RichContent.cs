using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Markup;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>Renders the letter's rich-text fields into one document through a single <see cref="RichTextWriter"/>.</summary>
internal sealed class RichContent(MainDocumentPart mainPart)
{
    private RichTextWriter? writer;

    // Created on first use: a letter without rich text never touches numbering, footnotes or styles.
    private RichTextWriter Writer => writer ??= new RichTextWriter(mainPart);

    public IReadOnlyList<OpenXmlElement> Blocks(string? markup, string paragraphStyle)
    {
        if (string.IsNullOrWhiteSpace(markup))
        {
            return [];
        }

        var parsed = RichText.Parse(markup);
        return parsed.Problems.Count == 0
            ? Writer.Write(parsed.Blocks, paragraphStyle)
            : [.. PlainLines(markup).Select(line => Paragraph(line, paragraphStyle))];
    }

    public IReadOnlyList<OpenXmlElement> Inline(string? markup, RunProperties? runProperties)
    {
        if (string.IsNullOrWhiteSpace(markup))
        {
            return [];
        }

        var parsed = RichText.Parse(markup);
        return parsed.Problems.Count == 0
            ? Writer.WriteInline([OneParagraph(parsed.Blocks)])
            : [TextRun(string.Join(' ', PlainLines(markup)), runProperties)];
    }

    /// <summary>A run of plain text; its tabs and line breaks become Word's own.</summary>
    public static Run TextRun(string text, RunProperties? properties)
    {
        var run = new Run();
        if (properties is not null)
        {
            run.AppendChild(properties.CloneNode(true));
        }

        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.AppendChild(new Break());
            }

            var pieces = lines[i].Split('\t');
            for (var j = 0; j < pieces.Length; j++)
            {
                if (j > 0)
                {
                    run.AppendChild(new TabChar());
                }

                if (pieces[j].Length > 0)
                {
                    run.AppendChild(new Text(pieces[j]) { Space = SpaceProcessingModeValues.Preserve });
                }
            }
        }

        return run;
    }

    public static Paragraph Paragraph(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), TextRun(text, null));

    /// <summary>Paragraphs run on with a space and list items with "; ", for text that must fit in one line of a paragraph.</summary>
    private static ParagraphBlock OneParagraph(IReadOnlyList<Block> blocks)
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

        return new ParagraphBlock(inlines);
    }

    private static IEnumerable<IReadOnlyList<Inline>> Items(ListBlock list) =>
        list.Items.SelectMany(item => item.Sublists.SelectMany(Items).Prepend(item.Inlines));

    // The validator rejects bad markup before assembly; should any slip through, its words still print.
    private static IEnumerable<string> PlainLines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !string.IsNullOrWhiteSpace(l));
}
