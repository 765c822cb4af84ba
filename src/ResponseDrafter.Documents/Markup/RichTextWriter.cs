using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Markup;

/// <summary>
/// Turns parsed rich text into real Word structures inside one document: paragraphs in the given style,
/// lists through numbering definitions, hyperlinks through relationships, footnotes in the footnotes part.
/// One writer per document being assembled (it owns the numbering and footnote ids it hands out).
/// Styles it refers to (list, hyperlink and footnote styles) are added to the document when missing.
/// </summary>
public sealed class RichTextWriter
{
    private readonly MainDocumentPart mainPart;
    private readonly MarkupStyles styles;
    private readonly ListNumbering numbering;
    private readonly FootnoteStore footnotes;

    public RichTextWriter(MainDocumentPart mainPart)
    {
        ArgumentNullException.ThrowIfNull(mainPart);
        this.mainPart = mainPart;
        styles = new MarkupStyles(mainPart);
        numbering = new ListNumbering(mainPart);
        footnotes = new FootnoteStore(mainPart);
    }

    /// <summary>Block-level elements (w:p) for <paramref name="blocks"/>; plain paragraphs take <paramref name="paragraphStyleId"/>.</summary>
    /// <remarks>List items take ListBullet/ListNumber (ListBullet2/ListNumber2 when nested) whatever the paragraph style.</remarks>
    public IReadOnlyList<OpenXmlElement> Write(IReadOnlyList<Block> blocks, string paragraphStyleId = "Normal")
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentException.ThrowIfNullOrWhiteSpace(paragraphStyleId);
        var styleId = paragraphStyleId == "Normal" ? null : paragraphStyleId;
        var elements = new List<OpenXmlElement>();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    elements.Add(Paragraph(paragraph.Inlines, styleId, null));
                    break;
                case ListBlock list:
                    elements.AddRange(List(list, 0));
                    break;
                default:
                    throw new ArgumentException($"Unknown block type {block.GetType().Name}.", nameof(blocks));
            }
        }

        return elements;
    }

    /// <summary>Runs (w:r, w:hyperlink) for a single paragraph's worth of rich text, to place inside an existing paragraph.</summary>
    /// <exception cref="ArgumentException">The text is a list or more than one paragraph: such a field needs <see cref="Write"/>.</exception>
    public IReadOnlyList<OpenXmlElement> WriteInline(IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        return blocks switch
        {
            [] => [],
            [ParagraphBlock paragraph] => Runs(paragraph.Inlines, default, mainPart).ToList(),
            _ => throw new ArgumentException(
                $"WriteInline takes at most one plain paragraph, but the text has {Describe(blocks)}; use Write for fields that allow several paragraphs or lists.",
                nameof(blocks)),
        };
    }

    private static string Describe(IReadOnlyList<Block> blocks) =>
        blocks.Any(b => b is ListBlock) ? "a list" : $"{blocks.Count} paragraphs";

    private IEnumerable<W.Paragraph> List(ListBlock list, int level)
    {
        var styleId = (list.Kind, level) switch
        {
            (ListKind.Bulleted, 0) => "ListBullet",
            (ListKind.Bulleted, _) => "ListBullet2",
            (ListKind.Numbered, 0) => "ListNumber",
            _ => "ListNumber2",
        };
        var numberingId = list.Kind == ListKind.Bulleted ? numbering.BulletInstance() : numbering.NewNumberedInstance(level, list.Start);
        foreach (var item in list.Items)
        {
            yield return Paragraph(item.Inlines, styleId, new W.NumberingProperties(
                new W.NumberingLevelReference { Val = level },
                new W.NumberingId { Val = numberingId }));
            foreach (var sublist in item.Sublists.SelectMany(s => List(s, 1)))
            {
                yield return sublist;
            }
        }
    }

    private W.Paragraph Paragraph(IReadOnlyList<Inline> inlines, string? styleId, W.NumberingProperties? numberingProperties)
    {
        var paragraph = new W.Paragraph();
        if (styleId is not null || numberingProperties is not null)
        {
            var properties = paragraph.AppendChild(new W.ParagraphProperties());
            if (styleId is not null)
            {
                properties.Append(new W.ParagraphStyleId { Val = styleId });
            }

            if (numberingProperties is not null)
            {
                styles.Ensure(styleId!);
                properties.Append(numberingProperties);
            }
        }

        paragraph.Append(Runs(inlines, default, mainPart));
        return paragraph;
    }

    private IEnumerable<OpenXmlElement> Runs(IEnumerable<Inline> inlines, RunFormat format, OpenXmlPart owner)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextSpan span:
                    yield return TextRun(span.Text, format);
                    break;
                case BoldSpan bold:
                    foreach (var run in Runs(bold.Content, format with { Bold = true }, owner))
                    {
                        yield return run;
                    }

                    break;
                case ItalicSpan italic:
                    foreach (var run in Runs(italic.Content, format with { Italic = true }, owner))
                    {
                        yield return run;
                    }

                    break;
                case LinkSpan link:
                    yield return Hyperlink(link, format, owner);
                    break;
                case FootnoteCall call:
                    yield return FootnoteReference(call);
                    break;
                case LineBreak:
                    yield return FormattedRun(format, new W.Break());
                    break;
                default:
                    throw new ArgumentException($"Unknown inline type {inline.GetType().Name}.", nameof(inlines));
            }
        }
    }

    private W.Hyperlink Hyperlink(LinkSpan link, RunFormat format, OpenXmlPart owner)
    {
        styles.Ensure("Hyperlink");
        var relationship = owner.AddHyperlinkRelationship(link.Target, true);
        return new W.Hyperlink(Runs(link.Content, format with { Hyperlink = true }, owner))
        {
            Id = relationship.Id,
            History = true,
        };
    }

    private W.Run FootnoteReference(FootnoteCall call)
    {
        styles.Ensure("FootnoteReference");
        styles.Ensure("FootnoteText");
        var part = footnotes.Part;
        var id = footnotes.Add(Runs(call.Note, default, part).ToList());
        return new W.Run(
            new W.RunProperties(new W.RunStyle { Val = "FootnoteReference" }),
            new W.FootnoteReference { Id = id });
    }

    private static W.Run TextRun(string text, RunFormat format)
    {
        var run = FormattedRun(format);
        var pieces = text.Split('\t');
        for (var k = 0; k < pieces.Length; k++)
        {
            if (k > 0)
            {
                run.Append(new W.TabChar());
            }

            if (pieces[k].Length > 0)
            {
                run.Append(Text(pieces[k]));
            }
        }

        return run;
    }

    internal static W.Text Text(string text)
    {
        var element = new W.Text(text);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            element.Space = SpaceProcessingModeValues.Preserve;
        }

        return element;
    }

    private static W.Run FormattedRun(RunFormat format, params OpenXmlElement[] content)
    {
        var run = new W.Run();
        if (format != default)
        {
            run.Append(RunProperties(format));
        }

        run.Append(content);
        return run;
    }

    private static W.RunProperties RunProperties(RunFormat format)
    {
        var properties = new W.RunProperties();
        if (format.Hyperlink)
        {
            properties.Append(new W.RunStyle { Val = "Hyperlink" });
        }

        if (format.Bold)
        {
            properties.Append(new W.Bold());
        }

        if (format.Italic)
        {
            properties.Append(new W.Italic());
        }

        return properties;
    }

    private readonly record struct RunFormat(bool Bold, bool Italic, bool Hyperlink);
}
