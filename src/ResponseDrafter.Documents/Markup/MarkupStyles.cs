using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Markup;

/// <summary>Adds the styles the writer refers to when the document lacks them; existing definitions are left alone.</summary>
internal sealed class MarkupStyles(MainDocumentPart mainPart)
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private readonly HashSet<string> ensured = [];
    private HashSet<string>? present;

    public void Ensure(string styleId)
    {
        if (!ensured.Add(styleId))
        {
            return;
        }

        // Loading the styles part's DOM makes the package write the whole part back on save, so the common
        // case, a template that already defines every style, is answered by reading the part instead.
        present ??= PresentStyleIds();
        if (present.Contains(styleId))
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

    private HashSet<string> PresentStyleIds()
    {
        var part = mainPart.StyleDefinitionsPart;
        if (part is null)
        {
            return [];
        }

        if (part.IsRootElementLoaded)
        {
            return [.. (part.Styles?.Elements<W.Style>() ?? []).Select(s => s.StyleId?.Value).OfType<string>()];
        }

        var ids = new HashSet<string>();
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        if (stream.Length == 0)
        {
            return ids;
        }

        using var reader = XmlReader.Create(stream);
        while (reader.Read())
        {
            if (reader is { NodeType: XmlNodeType.Element, Depth: 1, LocalName: "style", NamespaceURI: MainNamespace }
                && reader.GetAttribute("styleId", MainNamespace) is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
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
