using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Assembly;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Markup;

/// <summary>Adds the styles the writer refers to when the template lacks them; existing definitions are left alone.</summary>
internal sealed class MarkupStyles(MarkupStyles.Source source)
{
    private readonly List<string> added = [];

    /// <summary>
    /// The template's styles part, split where styles are appended, and the definitions it lacks (based on its
    /// default paragraph style), worked out once per template.
    /// </summary>
    internal sealed record Source(string? PartName, string Head, string Tail, IReadOnlyDictionary<string, string> Missing)
    {
        private static readonly string[] Known = ["ListBullet", "ListBullet2", "ListNumber", "ListNumber2", "FootnoteText", "Hyperlink", "FootnoteReference"];

        public static Source Compile(MainDocumentPart mainPart)
        {
            var part = mainPart.StyleDefinitionsPart;
            var styles = (W.Styles?)part?.Styles?.CloneNode(true) ?? new W.Styles();
            var existing = styles.Elements<W.Style>().ToList();
            var present = existing.Select(s => s.StyleId?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var baseParagraphStyle = existing.FirstOrDefault(s => s.Type?.Value == W.StyleValues.Paragraph && s.Default?.Value == true)?.StyleId?.Value;
            var missing = Known.Where(id => !present.Contains(id)).ToDictionary(id => id, id => Definition(id, baseParagraphStyle).OuterXml, StringComparer.Ordinal);
            var pieces = PartXml.Split(styles, styles.LastChild);
            return new Source(part?.Uri.OriginalString, pieces[0], pieces[1], missing);
        }
    }

    public void Ensure(string styleId)
    {
        if (source.Missing.ContainsKey(styleId) && !added.Contains(styleId))
        {
            added.Add(styleId);
        }
    }

    /// <summary>Writes the styles part when a style had to be added.</summary>
    public void Save(LetterPackage package, string mainPart)
    {
        if (added.Count == 0)
        {
            return;
        }

        var xml = new StringBuilder(source.Head);
        foreach (var styleId in added)
        {
            xml.Append(source.Missing[styleId]);
        }

        var name = source.PartName ?? package.NewRelatedPart(mainPart, "styles", PartTypes.Styles);
        package.Write(name, xml.Append(source.Tail), PartTypes.Styles.ContentType);
    }

    private static W.Style Definition(string styleId, string? baseParagraphStyle) => styleId switch
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
        _ => Style(W.StyleValues.Character, styleId, "footnote reference", null, null,
            new W.StyleRunProperties(new W.VerticalTextAlignment { Val = W.VerticalPositionValues.Superscript })),
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
