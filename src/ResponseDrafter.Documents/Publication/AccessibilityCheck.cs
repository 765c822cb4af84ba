using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Templates;
using DocProperties = DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties;

namespace ResponseDrafter.Documents.Publication;

/// <summary>
/// Checks a letter (or a template) the way Word's Accessibility Checker would, so that what is approved, signed and
/// published can be read with a screen reader. Each rule is one method below with its reason; the codes are stable.
/// Errors fail the check (submission is refused); advice is Word's warnings and tips, shown but not binding.
/// </summary>
public static partial class AccessibilityCheck
{
    public const string TitleMissing = "title-missing";
    public const string LanguageMissing = "language-missing";
    public const string HeadingSkipped = "heading-skipped";
    public const string PictureWithoutAltText = "picture-no-alt-text";
    public const string AltTextIsFileName = "alt-text-file-name";
    public const string ColourOnly = "colour-only";
    public const string LinkTextIsAddress = "link-text-address";
    public const string TableWithoutHeaderRow = "table-no-header-row";

    private const string DecorativeNamespace = "http://schemas.microsoft.com/office/drawing/2017/decorative";
    private const int ExcerptLength = 60;

    /// <summary>The findings for a .docx, errors first, each kind in document order. Throws if the bytes are not a Word document.</summary>
    public static IReadOnlyList<AccessibilityFinding> Check(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        using var document = WordprocessingDocument.Open(new MemoryStream(docx, writable: false), isEditable: false);
        return Check(document);
    }

    public static IReadOnlyList<AccessibilityFinding> Check(WordprocessingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var main = document.MainDocumentPart;
        if (main?.Document?.Body is not { } body)
        {
            return [];
        }

        var styles = new DocumentStyles(main.StyleDefinitionsPart?.Styles);
        var parts = Parts(main).ToList();
        List<AccessibilityFinding> findings =
        [
            .. Title(document),
            .. Language(body, styles),
            .. Headings(body, styles),
            .. parts.SelectMany(p => Pictures(p.Root, p.Where)),
            .. parts.SelectMany(p => Tables(p.Root, p.Where, styles)),
            .. parts.Where(p => p.Prose).SelectMany(p => ColourAlone(p.Root, p.Where, styles)),
            .. parts.SelectMany(p => Links(p.Root, p.Where, p.Part)),
        ];
        return [.. findings.OrderBy(f => f.Severity)];
    }

    /// <summary>Whether any finding is an error: the letter may not be submitted (or signed) as it is.</summary>
    public static bool Fails(IEnumerable<AccessibilityFinding> findings) => findings.Any(f => f.IsError);

    /// <summary>
    /// Error: the document title (File › Info › Title, dc:title) is set. The PDF's title bar and a screen reader announce
    /// it first; without it they read out the file name.
    /// </summary>
    private static IEnumerable<AccessibilityFinding> Title(WordprocessingDocument document)
    {
        if (string.IsNullOrWhiteSpace(document.PackageProperties.Title))
        {
            yield return new(TitleMissing, FindingSeverity.Error,
                "The document has no title, so a screen reader and the PDF's title bar would read out the file name instead.",
                "In Word: File › Info › Properties › Title, type the letter's title.", null, "Document properties", null);
        }
    }

    /// <summary>
    /// Error: the language is set, in the document defaults or the default paragraph style (w:lang), or on every run
    /// of text. Without it a screen reader guesses how to pronounce the words, and the PDF has no language.
    /// </summary>
    private static IEnumerable<AccessibilityFinding> Language(Body body, DocumentStyles styles)
    {
        if (styles.DocumentLanguage is not null)
        {
            yield break;
        }

        var unmarked = body.Descendants<Run>().FirstOrDefault(r => HasText(r) && string.IsNullOrWhiteSpace(r.RunProperties?.Languages?.Val?.Value));
        if (unmarked is not null)
        {
            yield return new(LanguageMissing, FindingSeverity.Error,
                "The document's language is not set, so a screen reader cannot tell how to pronounce it.",
                "In Word: select all the text (Ctrl+A), then Review › Language › Set Proofing Language › English (United Kingdom).",
                RegionOf(unmarked), WhereOf(unmarked, "Letter body"), Excerpt(unmarked.Ancestors<Paragraph>().FirstOrDefault()));
        }
    }

    /// <summary>
    /// Error: headings go down one level at a time (Heading 1, then Heading 2, never straight to Heading 3), counting
    /// from the start of the letter. Screen reader users move through a letter by its list of headings; a skipped
    /// level reads as a missing section. A heading is a paragraph with an outline level (its own or its style's),
    /// which is what Word's Heading 1–9 styles set. Only the body counts: headers, footers and notes are not in the outline.
    /// </summary>
    private static IEnumerable<AccessibilityFinding> Headings(Body body, DocumentStyles styles)
    {
        var previous = 0;
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            if (styles.HeadingLevel(paragraph) is not { } level)
            {
                continue;
            }

            if (level > previous + 1)
            {
                var before = previous == 0 ? "the start of the letter" : $"a Heading {previous}";
                yield return new(HeadingSkipped, FindingSeverity.Error,
                    $"A Heading {level} follows {before}, skipping level {previous + 1}, so the letter's outline reads as if a section were missing.",
                    $"In Word: give this heading the style Heading {previous + 1} (Home › Styles), or add the heading it belongs under.",
                    RegionOf(paragraph), WhereOf(paragraph, "Letter body"), Excerpt(paragraph));
            }

            previous = level;
        }
    }

    /// <summary>
    /// Error: every picture (a DrawingML drawing's wp:docPr) has alternative text, or is marked decorative (Word's
    /// "Mark as decorative", the adec:decorative extension), and the alternative text is not a file name, which
    /// Word's checker refuses too. A screen reader reads the alternative text in place of the picture.
    /// </summary>
    private static IEnumerable<AccessibilityFinding> Pictures(OpenXmlElement root, string where)
    {
        foreach (var picture in root.Descendants<DocProperties>())
        {
            var description = picture.Description?.Value?.Trim();
            var name = string.IsNullOrWhiteSpace(picture.Name?.Value) ? null : picture.Name!.Value;
            if (string.IsNullOrEmpty(description) && !IsDecorative(picture))
            {
                yield return new(PictureWithoutAltText, FindingSeverity.Error,
                    "A picture has no alternative text, so a screen reader user is not told what it shows.",
                    "In Word: right-click the picture › View Alt Text, and describe it (or tick \"Mark as decorative\" if it only decorates).",
                    RegionOf(picture), WhereOf(picture, where), name);
            }
            else if (description is not null && FileName().IsMatch(description))
            {
                yield return new(AltTextIsFileName, FindingSeverity.Error,
                    $"A picture's alternative text is a file name, “{Shorten(description)}”, which tells a screen reader user nothing.",
                    "In Word: right-click the picture › View Alt Text, and describe what the picture shows.",
                    RegionOf(picture), WhereOf(picture, where), name);
            }
        }
    }

    /// <summary>
    /// Error: a data table marks its first row as a header row (w:tblHeader, Word's "Repeat as header row"), so a
    /// screen reader can say which column a cell is in. As Word's checker does, a table with no table style (Table
    /// Normal, the style of a plain layout grid, e.g. a letterhead laid out in two columns) is taken as a layout table
    /// and not checked; a table given a table style (Table Grid, a banded style) is taken as data.
    /// </summary>
    private static IEnumerable<AccessibilityFinding> Tables(OpenXmlElement root, string where, DocumentStyles styles)
    {
        foreach (var table in root.Descendants<Table>())
        {
            var style = table.GetFirstChild<TableProperties>()?.TableStyle?.Val?.Value;
            if (styles.IsLayoutTableStyle(style))
            {
                continue;
            }

            var header = table.Elements<TableRow>().FirstOrDefault()?.TableRowProperties?.GetFirstChild<TableHeader>();
            if (header is null || header.Val?.Value == OnOffOnlyValues.Off)
            {
                yield return new(TableWithoutHeaderRow, FindingSeverity.Error,
                    "A table has no header row, so a screen reader cannot say which column each cell belongs to.",
                    "In Word: click in the table's first row, then Table Design › tick Header Row, and Layout › Repeat Header Rows.",
                    RegionOf(table), WhereOf(table, where), Excerpt(table.Descendants<Paragraph>().FirstOrDefault()));
            }
        }
    }

    /// <summary>
    /// Error: no words are marked out by colour alone. A run of text coloured or highlighted directly (not through its
    /// style) differently from the text around it, with no bold, italic or underline of its own (or of its character
    /// style), carries a meaning a reader who cannot see colour misses. Colours that styles give (headings, the quiet
    /// grey of labels, placeholders) are the template's design, the same on every such paragraph, and links are
    /// underlined by their style, so neither is counted. Checked in the letter's text and notes, not in page headers
    /// and footers, whose colours are letterhead design.
    /// </summary>
    private static IEnumerable<AccessibilityFinding> ColourAlone(OpenXmlElement root, string where, DocumentStyles styles)
    {
        foreach (var run in root.Descendants<Run>())
        {
            var direct = run.RunProperties;
            if (direct is null || !HasText(run) || run.Ancestors<Hyperlink>().Any() || styles.IsLinkStyle(direct.RunStyle?.Val?.Value))
            {
                continue;
            }

            var colour = direct.Color?.Val?.Value is { } value && Normal(value) != styles.StyleColour(run) ? value : null;
            var highlighted = direct.Highlight?.Val is { } highlight && highlight.Value != HighlightColorValues.None
                || direct.Shading?.Fill?.Value is { } fill && Normal(fill) is not ("000000" or "FFFFFF") && !fill.Equals("auto", StringComparison.OrdinalIgnoreCase);
            if ((colour is null && !highlighted) || Emphasised(direct) || styles.RunStyleEmphasises(direct.RunStyle?.Val?.Value))
            {
                continue;
            }

            var paragraph = run.Ancestors<Paragraph>().FirstOrDefault();
            yield return new(ColourOnly, FindingSeverity.Error,
                $"Some words, “{Shorten(TextOf(run))}”, are set apart only by {(colour is null ? "highlighting" : "colour")}, which a reader who cannot see colour misses.",
                "In Word: say in words why they stand out, or make them bold as well, or remove the colour (Home › Font Color › Automatic).",
                RegionOf(run), WhereOf(run, where), Excerpt(paragraph));
        }
    }

    /// <summary>
    /// Advice (Word's "unclear link text" warning): a link whose words are a bare web address although the link carries
    /// a title (its ScreenTip, w:tooltip) to show instead. A screen reader spells the address out; the title says where
    /// the link goes. (The letter's markup has no link titles, so this concerns links typed or pasted in Word.)
    /// </summary>
    private static IEnumerable<AccessibilityFinding> Links(OpenXmlElement root, string where, OpenXmlPart part)
    {
        foreach (var link in root.Descendants<Hyperlink>())
        {
            var title = link.Tooltip?.Value?.Trim();
            if (string.IsNullOrEmpty(title))
            {
                continue;
            }

            var text = string.Concat(link.Descendants<Text>().Select(t => t.Text)).Trim();
            var target = link.Id?.Value is { } id ? part.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri.OriginalString : null;
            if (text.Length > 0 && (BareAddress().IsMatch(text) || string.Equals(text, target, StringComparison.OrdinalIgnoreCase)))
            {
                yield return new(LinkTextIsAddress, FindingSeverity.Advice,
                    $"A link shows its web address, “{Shorten(text)}”, although it has a title, “{Shorten(title)}”; a screen reader spells the address out.",
                    "In Word: select the link, and type the title (or words saying where it goes) as its text.",
                    RegionOf(link), WhereOf(link, where), Excerpt(link.Ancestors<Paragraph>().FirstOrDefault()));
            }
        }
    }

    private static bool IsDecorative(DocProperties picture) =>
        picture.Descendants().Any(e => e.LocalName == "decorative" && e.NamespaceUri == DecorativeNamespace
            && e.GetAttributes().Any(a => a.LocalName == "val" && a.Value is "1" or "true" or "on"));

    private static bool Emphasised(RunProperties properties) =>
        On(properties.Bold) || On(properties.Italic)
        || properties.Underline?.Val is { } underline && underline.Value != UnderlineValues.None
        || properties.Underline is { Val: null };

    internal static bool On(OnOffType? value) => value is not null && (value.Val is null || value.Val.Value);

    internal static string Normal(string colour) => colour.Equals("auto", StringComparison.OrdinalIgnoreCase) ? "000000" : colour.ToUpperInvariant();

    private static bool HasText(Run run) => run.Elements<Text>().Any(t => !string.IsNullOrWhiteSpace(t.Text));

    private static string TextOf(OpenXmlElement element) => string.Concat(element.Descendants<Text>().Select(t => t.Text));

    private static string? Excerpt(OpenXmlElement? paragraph) =>
        paragraph is null || string.IsNullOrWhiteSpace(TextOf(paragraph)) ? null : Shorten(TextOf(paragraph));

    private static string Shorten(string text)
    {
        var flat = Whitespace().Replace(text, " ").Trim();
        return flat.Length <= ExcerptLength ? flat : flat[..(ExcerptLength - 1)].TrimEnd() + "…";
    }

    private static string? RegionOf(OpenXmlElement element) =>
        element.Ancestors<SdtElement>().Select(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value).FirstOrDefault(t => !string.IsNullOrEmpty(t));

    private static string WhereOf(OpenXmlElement element, string part) =>
        RegionOf(element) is { } tag ? TemplateVocabulary.Find(tag)?.Alias ?? tag : part;

    private static IEnumerable<(OpenXmlPart Part, OpenXmlElement Root, string Where, bool Prose)> Parts(MainDocumentPart main)
    {
        yield return (main, main.Document!.Body!, "Letter body", true);
        foreach (var header in main.HeaderParts.Where(h => h.Header is not null))
        {
            yield return (header, header.Header!, "Page header", false);
        }

        foreach (var footer in main.FooterParts.Where(f => f.Footer is not null))
        {
            yield return (footer, footer.Footer!, "Page footer", false);
        }

        if (main.FootnotesPart?.Footnotes is { } footnotes)
        {
            yield return (main.FootnotesPart, footnotes, "Footnotes", true);
        }

        if (main.EndnotesPart?.Endnotes is { } endnotes)
        {
            yield return (main.EndnotesPart, endnotes, "Endnotes", true);
        }
    }

    [GeneratedRegex(@"^(https?://|www\.|mailto:)\S+$", RegexOptions.IgnoreCase)]
    private static partial Regex BareAddress();

    [GeneratedRegex(@"^\S+\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
