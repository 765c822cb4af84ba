using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Publication;

/// <summary>
/// What the publication code reads from styles.xml through each basedOn chain: heading levels, colours, emphasis,
/// languages and table styles. One reading for the accessibility check and the web version, so that the headings the
/// check puts in order are the headings the web page shows.
/// </summary>
internal sealed class DocumentStyles
{
    private const int MaxChain = 20;
    private readonly Dictionary<string, Style> byId = new(StringComparer.Ordinal);
    private readonly string? defaultParagraph;
    private readonly string? defaultTable;
    private readonly RunPropertiesBaseStyle? defaults;

    public DocumentStyles(Styles? styles)
    {
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                byId.TryAdd(id, style);
            }
        }

        defaultParagraph = Default(StyleValues.Paragraph);
        defaultTable = Default(StyleValues.Table);
        defaults = styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle;
        DocumentLanguage = NonEmpty(defaults?.Languages?.Val?.Value)
            ?? Chain(defaultParagraph).Select(s => NonEmpty(s.StyleRunProperties?.Languages?.Val?.Value)).FirstOrDefault(l => l is not null);

        string? Default(StyleValues type) => byId.Values.FirstOrDefault(s => s.Type?.Value == type && s.Default?.Value == true)?.StyleId?.Value;
    }

    /// <summary>The language every paragraph inherits, if the defaults or the default paragraph style set one.</summary>
    public string? DocumentLanguage { get; }

    /// <summary>1 to 9 for a heading (the paragraph's own outline level, else its style's, else a style named "heading N"), null for body text.</summary>
    public int? HeadingLevel(Paragraph paragraph)
    {
        if (paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is { } own)
        {
            return own is >= 0 and < 9 ? own + 1 : null;
        }

        foreach (var style in Chain(ParagraphStyle(paragraph)))
        {
            if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } level)
            {
                return level is >= 0 and < 9 ? level + 1 : null;
            }

            if (style.StyleName?.Val?.Value is { } name && name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(name.AsSpan("heading ".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var named) && named is >= 1 and <= 9)
            {
                return named;
            }
        }

        return null;
    }

    /// <summary>No table style, Table Normal, or the document's default table style: how Word's checker tells a layout table.</summary>
    public bool IsLayoutTableStyle(string? id) =>
        id is null || id == defaultTable || id == "TableNormal" || !byId.ContainsKey(id);

    public bool IsLinkStyle(string? id) =>
        Chain(id).Any(s => s.StyleId?.Value is "Hyperlink" or "FollowedHyperlink" || s.StyleName?.Val?.Value is "Hyperlink" or "FollowedHyperlink");

    /// <summary>The colour a run's styles give it (character style, then paragraph style, then the defaults), upper-case hex, black for auto.</summary>
    public string StyleColour(Run run)
    {
        var paragraph = run.Ancestors<Paragraph>().FirstOrDefault();
        var colour = Chain(run.RunProperties?.RunStyle?.Val?.Value).Select(s => s.StyleRunProperties?.Color?.Val?.Value).FirstOrDefault(c => c is not null)
            ?? (paragraph is null ? null : Chain(ParagraphStyle(paragraph)).Select(s => s.StyleRunProperties?.Color?.Val?.Value).FirstOrDefault(c => c is not null))
            ?? defaults?.Color?.Val?.Value;
        return colour is null ? "000000" : AccessibilityCheck.Normal(colour);
    }

    /// <summary>Whether a character style makes its text bold, italic or underlined.</summary>
    public bool RunStyleEmphasises(string? id) => Chain(id).Any(s => s.StyleRunProperties is { } p
        && (AccessibilityCheck.On(p.Bold) || AccessibilityCheck.On(p.Italic) || p.Underline is { } u && u.Val?.Value != UnderlineValues.None));

    private string? ParagraphStyle(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? defaultParagraph;

    /// <summary>The style and those it is based on, nearest first.</summary>
    internal IEnumerable<Style> Chain(string? id)
    {
        for (var depth = 0; id is not null && depth < MaxChain && byId.TryGetValue(id, out var style); depth++)
        {
            yield return style;
            id = style.BasedOn?.Val?.Value;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
