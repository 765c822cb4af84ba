using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Markup;

/// <summary>Adds the styles the writer refers to when the document lacks them; existing definitions are left alone.</summary>
internal sealed class MarkupStyles(MainDocumentPart mainPart)
{
    private readonly HashSet<string> ensured = [];

    public void Ensure(string styleId)
    {
        if (!ensured.Add(styleId))
        {
            return;
        }

        var part = mainPart.StyleDefinitionsPart ?? mainPart.AddNewPart<StyleDefinitionsPart>();
        var styles = part.Styles ??= new W.Styles();
        var existing = styles.Elements<W.Style>().ToList();
        if (existing.Any(s => s.StyleId?.Value == styleId))
        {
            return;
        }

        var baseParagraphStyle = existing.FirstOrDefault(s => s.Type?.Value == W.StyleValues.Paragraph && s.Default?.Value == true)?.StyleId?.Value;
        if (Definition(styleId, baseParagraphStyle) is { } style)
        {
            styles.Append(style);
        }
    }

    private static W.Style? Definition(string styleId, string? baseParagraphStyle) => styleId switch
    {
        "ListBullet" => ListParagraph(styleId, "List Bullet", baseParagraphStyle),
        "ListBullet2" => ListParagraph(styleId, "List Bullet 2", baseParagraphStyle),
        "ListNumber" => ListParagraph(styleId, "List Number", baseParagraphStyle),
        "ListNumber2" => ListParagraph(styleId, "List Number 2", baseParagraphStyle),
        "FootnoteText" => Style(W.StyleValues.Paragraph, styleId, "footnote text", baseParagraphStyle,
            new W.StyleParagraphProperties(new W.SpacingBetweenLines { After = "0", Line = "240", LineRule = W.LineSpacingRuleValues.Auto }),
            new W.StyleRunProperties(new W.FontSize { Val = "20" }, new W.FontSizeComplexScript { Val = "20" })),
        "Hyperlink" => Style(W.StyleValues.Character, styleId, "Hyperlink", null, null,
            new W.StyleRunProperties(new W.Color { Val = "0563C1" }, new W.Underline { Val = W.UnderlineValues.Single })),
        "FootnoteReference" => Style(W.StyleValues.Character, styleId, "footnote reference", null, null,
            new W.StyleRunProperties(new W.VerticalTextAlignment { Val = W.VerticalPositionValues.Superscript })),
        _ => null,
    };

    private static W.Style ListParagraph(string styleId, string name, string? baseParagraphStyle) =>
        Style(W.StyleValues.Paragraph, styleId, name, baseParagraphStyle,
            new W.StyleParagraphProperties(new W.ContextualSpacing()), null);

    private static W.Style Style(
        W.StyleValues type, string styleId, string name, string? basedOn,
        W.StyleParagraphProperties? paragraphProperties, W.StyleRunProperties? runProperties)
    {
        var style = new W.Style { Type = type, StyleId = styleId };
        style.Append(new W.StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new W.BasedOn { Val = basedOn });
        }

        style.Append(new W.UIPriority { Val = 99 }, new W.UnhideWhenUsed());
        if (paragraphProperties is not null)
        {
            style.Append(paragraphProperties);
        }

        if (runProperties is not null)
        {
            style.Append(runProperties);
        }

        return style;
    }
}
