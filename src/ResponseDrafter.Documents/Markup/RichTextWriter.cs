using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Assembly;

namespace ResponseDrafter.Documents.Markup;

/// <summary>
/// Writes parsed rich text as WordprocessingML straight into a part's XML: paragraphs in the given style, lists
/// through numbering definitions, hyperlinks through relationships of the part they are in, footnotes in the
/// footnotes part. One writer per letter being assembled (it owns the numbering and footnote ids it hands out).
/// Styles it refers to (list, hyperlink and footnote styles) are added to the document when the template lacks them.
/// </summary>
internal sealed class RichTextWriter
{
    private readonly LetterPackage package;
    private readonly Source source;
    private readonly MarkupStyles styles;
    private readonly ListNumbering numbering;
    private readonly FootnoteStore footnotes;
    private bool firstParagraph;

    public RichTextWriter(Source source, LetterPackage package)
    {
        this.source = source;
        this.package = package;
        styles = new MarkupStyles(source.Styles);
        numbering = new ListNumbering(source.Numbering);
        footnotes = new FootnoteStore(source.Footnotes, package, source.MainPart);
    }

    /// <summary>What the writer needs to know of a template's styles, numbering and footnotes, worked out once per template.</summary>
    internal sealed record Source(string MainPart, MarkupStyles.Source Styles, ListNumbering.Source Numbering, FootnoteStore.Source Footnotes)
    {
        public static Source Compile(MainDocumentPart mainPart) => new(
            mainPart.Uri.OriginalString,
            MarkupStyles.Source.Compile(mainPart),
            ListNumbering.Source.Compile(mainPart),
            FootnoteStore.Source.Compile(mainPart));
    }

    /// <summary>
    /// Paragraphs (w:p) for <paramref name="blocks"/>; plain paragraphs take <paramref name="paragraphStyleId"/>.
    /// The first paragraph starts with <see cref="PrintableLink.Marker"/> when it holds a link (the blocks fill a region).
    /// </summary>
    /// <remarks>List items take ListBullet/ListNumber (ListBullet2/ListNumber2 when nested) whatever the paragraph style.</remarks>
    public void Write(StringBuilder xml, IReadOnlyList<Block> blocks, string paragraphStyleId, string part)
    {
        var styleId = paragraphStyleId == "Normal" ? null : paragraphStyleId;
        firstParagraph = true;
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    Paragraph(xml, paragraph.Inlines, styleId, null, part);
                    break;
                case ListBlock list:
                    List(xml, list, 0, part);
                    break;
            }
        }
    }

    /// <summary>Runs (w:r, w:hyperlink) for one paragraph's worth of rich text, to place inside an existing paragraph.</summary>
    public void WriteRuns(StringBuilder xml, IReadOnlyList<Inline> inlines, string part) => Runs(xml, inlines, default, part);

    /// <summary>Writes the styles, numbering and footnotes parts the letter's rich text changed.</summary>
    public void Save()
    {
        styles.Save(package, source.MainPart);
        numbering.Save(package, source.MainPart);
        footnotes.Save();
    }

    private void List(StringBuilder xml, ListBlock list, int level, string part)
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
            Paragraph(xml, item.Inlines, styleId, (level, numberingId), part);
            foreach (var sublist in item.Sublists)
            {
                List(xml, sublist, 1, part);
            }
        }
    }

    private void Paragraph(StringBuilder xml, IReadOnlyList<Inline> inlines, string? styleId, (int Level, int Id)? listNumber, string part)
    {
        xml.Append("<w:p>");
        if (styleId is not null)
        {
            xml.Append("<w:pPr><w:pStyle w:val=\"").AppendEscaped(styleId).Append("\"/>");
            if (listNumber is var (level, id))
            {
                styles.Ensure(styleId);
                xml.Append(CultureInfo.InvariantCulture, $"<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{id}\"/></w:numPr>");
            }

            xml.Append("</w:pPr>");
        }

        if (firstParagraph && PrintableLink.Contains(inlines))
        {
            xml.Append(PrintableLink.Marker);
        }

        firstParagraph = false;
        Runs(xml, inlines, default, part);
        xml.Append("</w:p>");
    }

    private void Runs(StringBuilder xml, IReadOnlyList<Inline> inlines, RunFormat format, string part)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextSpan span:
                    TextRun(xml, span.Text, format);
                    break;
                case BoldSpan bold:
                    Runs(xml, bold.Content, format with { Bold = true }, part);
                    break;
                case ItalicSpan italic:
                    Runs(xml, italic.Content, format with { Italic = true }, part);
                    break;
                case LinkSpan link:
                    Hyperlink(xml, link, format, part);
                    break;
                case FootnoteCall call:
                    FootnoteReference(xml, call);
                    break;
                case LineBreak:
                    RunStart(xml, format).Append("<w:br/></w:r>");
                    break;
            }
        }
    }

    private void Hyperlink(StringBuilder xml, LinkSpan link, RunFormat format, string part)
    {
        styles.Ensure("Hyperlink");
        var id = package.Relate(part, PartTypes.Hyperlink, link.Target.OriginalString, external: true);
        xml.Append("<w:hyperlink r:id=\"").Append(id).Append("\" w:history=\"1\">");
        Runs(xml, link.Content, format with { Hyperlink = true }, part);
        xml.Append("</w:hyperlink>");
    }

    private void FootnoteReference(StringBuilder xml, FootnoteCall call)
    {
        styles.Ensure("FootnoteReference");
        styles.Ensure("FootnoteText");
        var notePart = footnotes.PartName;
        var id = footnotes.Add(notes => Runs(notes, call.Note, default, notePart));
        xml.Append(CultureInfo.InvariantCulture, $"<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{id}\"/></w:r>");
    }

    private static void TextRun(StringBuilder xml, string text, RunFormat format)
    {
        RunStart(xml, format);
        var span = text.AsSpan();
        while (true)
        {
            var tab = span.IndexOf('\t');
            var piece = tab < 0 ? span : span[..tab];
            if (piece.Length > 0)
            {
                var preserve = char.IsWhiteSpace(piece[0]) || char.IsWhiteSpace(piece[^1]);
                xml.Append(preserve ? "<w:t xml:space=\"preserve\">" : "<w:t>").AppendEscaped(piece).Append("</w:t>");
            }

            if (tab < 0)
            {
                break;
            }

            xml.Append("<w:tab/>");
            span = span[(tab + 1)..];
        }

        xml.Append("</w:r>");
    }

    private static StringBuilder RunStart(StringBuilder xml, RunFormat format)
    {
        xml.Append("<w:r>");
        if (format != default)
        {
            xml.Append("<w:rPr>")
                .Append(format.Hyperlink ? "<w:rStyle w:val=\"Hyperlink\"/>" : null)
                .Append(format.Bold ? "<w:b/>" : null)
                .Append(format.Italic ? "<w:i/>" : null)
                .Append("</w:rPr>");
        }

        return xml;
    }

    private readonly record struct RunFormat(bool Bold, bool Italic, bool Hyperlink);
}
