using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Publication;

/// <summary>
/// What the web version reads from the document's styles and numbering: which paragraphs are headings (Word's "Title",
/// and the headings the accessibility check reads, through <see cref="DocumentStyles"/>), which are list items
/// (numbering set on the paragraph or its style) and whether their list is bulleted or numbered; and the page's own
/// small style sheet.
/// </summary>
internal sealed class WebVersionStyles
{
    /// <summary>Embedded in the page: no font, picture or sheet is fetched from anywhere.</summary>
    public const string Css =
        "html{color:#1b1b1b;background:#fff;font-family:Arial,Helvetica,sans-serif;line-height:1.5}"
        + "body{max-width:46rem;margin:0 auto;padding:1.5rem 1rem;overflow-wrap:anywhere}"
        + "h1,h2,h3,h4{color:#1f3864;line-height:1.25}h1{font-size:1.6rem}h2{font-size:1.3rem}h3{font-size:1.1rem}"
        + "header{border-bottom:2px solid #1f3864;margin-bottom:1.5rem;padding-bottom:.5rem}header p{margin:.2rem 0}"
        + "img{max-width:100%;height:auto}a{color:#1d4f91}a:focus{outline:3px solid #ffbf47;outline-offset:1px}"
        + "blockquote{margin:1rem 0;padding:.1rem 0 .1rem 1rem;border-left:4px solid #1f3864}"
        + ".provenance{font-style:italic}.address,.reference{margin:0}.address+.reference,.reference+.address,.recipient+.recipient,.recipient+.reference,.recipient+.date{margin-top:1rem}"
        + ".force-comments,.notes{border-top:1px solid #6b6b6b;margin-top:2rem}.notes{font-size:.95rem}"
        + "table{border-collapse:collapse}td{vertical-align:top;padding:.25rem .5rem}";

    private static readonly Dictionary<string, string> Classes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Address"] = "address", ["Addressee"] = "address", ["Reference"] = "reference", ["Date"] = "date", ["Attribution"] = "provenance",
        ["Status"] = "status", ["Recommendation"] = "recommendation", ["SubItem"] = "recommendation", ["Quote"] = "quote",
    };

    private readonly DocumentStyles styles;
    private readonly Numbering? numbering;

    public WebVersionStyles(MainDocumentPart main)
    {
        styles = new DocumentStyles(main.StyleDefinitionsPart?.Styles);
        numbering = main.NumberingDefinitionsPart?.Numbering;
    }

    /// <summary>
    /// 1 for Word's Title style; otherwise the level the accessibility check reads (the paragraph's outline level, its
    /// style's, or a style named "heading N"), at most 6 (HTML has no h7); null for body text.
    /// </summary>
    public int? HeadingLevel(Paragraph paragraph) =>
        styles.Chain(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value)
            .Any(s => string.Equals(s.StyleName?.Val?.Value?.Trim(), "title", StringComparison.OrdinalIgnoreCase))
            ? 1
            : styles.HeadingLevel(paragraph) is { } level ? Math.Min(level, 6) : null;

    /// <summary>The paragraph's list (numbering instance), level and kind, when it is a list item.</summary>
    public (int Id, int Level, bool Ordered)? List(Paragraph paragraph)
    {
        var direct = paragraph.ParagraphProperties?.NumberingProperties;
        var fromStyle = styles.Chain(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value)
            .Select(s => s.StyleParagraphProperties?.NumberingProperties).FirstOrDefault(n => n is not null);
        var id = direct?.NumberingId?.Val?.Value ?? fromStyle?.NumberingId?.Val?.Value;
        if (id is not { } numId || numId == 0)
        {
            return null;
        }

        var level = direct?.NumberingLevelReference?.Val?.Value ?? fromStyle?.NumberingLevelReference?.Val?.Value ?? 0;
        var instance = numbering?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
        var levelOverride = instance?.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level)?.Level;
        var abstractId = instance?.AbstractNumId?.Val?.Value;
        var definition = levelOverride ?? numbering?.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)?
            .Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
        var format = definition?.NumberingFormat?.Val?.Value;
        var ordered = format is not null && format.Value != NumberFormatValues.Bullet && format.Value != NumberFormatValues.None;
        return (numId, level, ordered);
    }

    /// <summary>A class for the letter's own paragraph styles the page's style sheet knows.</summary>
    public string? ClassOf(string styleId) => styles.Chain(styleId).Select(s => Classes.GetValueOrDefault(s.StyleId!.Value!)).FirstOrDefault(c => c is not null);
}
