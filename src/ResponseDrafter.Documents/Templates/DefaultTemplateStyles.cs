using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Templates;

/// <summary>The styles of the built-in template: Word's own built-in styles where one fits, so navigation and screen readers work.</summary>
internal static class DefaultTemplateStyles
{
    private const string Font = "Arial";
    private const string Language = "en-GB";
    private const string HeadingColour = "1F3864";
    private const string QuietColour = "404040";

    public static Styles Build() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "22" },
                new FontSizeComplexScript { Val = "22" },
                new Languages { Val = Language, EastAsia = Language, Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "200", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        Paragraph("Normal", "Normal", basedOn: null, isDefault: true, primary: true,
            rPr: new StyleRunProperties(new Languages { Val = Language })),
        Character("DefaultParagraphFont", "Default Paragraph Font", isDefault: true, semiHidden: true),
        new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new UnhideWhenUsed(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true },
        new Style(new StyleName { Val = "No List" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed())
        { Type = StyleValues.Numbering, StyleId = "NoList", Default = true },
        Paragraph("Title", "Title", primary: true,
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }),
            rPr: new StyleRunProperties(new Bold(), new Color { Val = HeadingColour }, new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" })),
        Heading(1, "24"),
        Heading(2, "22"),
        Paragraph("LetterheadName", "Letterhead Name", primary: true,
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Right }),
            rPr: new StyleRunProperties(new Bold(), new Color { Val = HeadingColour }, new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" })),
        Paragraph("Letterhead", "Letterhead", primary: true,
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = JustificationValues.Right }),
            rPr: new StyleRunProperties(new Color { Val = QuietColour }, new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
        Paragraph("Strapline", "Strapline", basedOn: "Letterhead", primary: true,
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { Before = "60" }),
            rPr: new StyleRunProperties(new Italic(), new Color { Val = HeadingColour })),
        Paragraph("Addressee", "Addressee", primary: true,
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { Before = "360", After = "0" })),
        Paragraph("Address", "Address", primary: true,
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { After = "0" })),
        Paragraph("Reference", "Reference", primary: true,
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { Before = "360", After = "0" }, new ContextualSpacing())),
        Paragraph("Date", "Date", primary: true,
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { Before = "240", After = "360" })),
        Paragraph("Recommendation", "Recommendation", primary: true,
            pPr: new StyleParagraphProperties(
                new ParagraphBorders(new LeftBorder { Val = BorderValues.Single, Size = 18, Space = 8, Color = HeadingColour }),
                new Indentation { Left = "284" })),
        Paragraph("SubItem", "Sub-item", primary: true,
            pPr: new StyleParagraphProperties(
                new Tabs(new TabStop { Val = TabStopValues.Left, Position = 851 }),
                new SpacingBetweenLines { After = "80" },
                new Indentation { Left = "851", Hanging = "425" })),
        Paragraph("Quote", "Quote", primary: true,
            pPr: new StyleParagraphProperties(new Indentation { Left = "567", Right = "567" }),
            rPr: new StyleRunProperties(new Italic(), new Color { Val = QuietColour })),
        Paragraph("Attribution", "Attribution", primary: true,
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }, new Indentation { Left = "567", Right = "567" }),
            rPr: new StyleRunProperties(new Color { Val = QuietColour }, new FontSize { Val = "20" }, new FontSizeComplexScript { Val = "20" })),
        Paragraph("Status", "Status", primary: true,
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { After = "240" })),
        Paragraph("SignatureSpace", "Signature Space",
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "1134", LineRule = LineSpacingRuleValues.AtLeast })),
        Paragraph("CopiesHeading", "Copies Heading", basedOn: "Address",
            pPr: new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "480" })),
        List("ListBullet", "List Bullet", 360),
        List("ListBullet2", "List Bullet 2", 720),
        List("ListNumber", "List Number", 360),
        List("ListNumber2", "List Number 2", 720),
        Character("Hyperlink", "Hyperlink",
            rPr: new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single })),
        Paragraph("FootnoteText", "footnote text", semiHidden: true,
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            rPr: new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
        Character("FootnoteReference", "footnote reference", semiHidden: true,
            rPr: new StyleRunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript })),
        Paragraph("Header", "header", semiHidden: true,
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }, new Justification { Val = JustificationValues.Right }),
            rPr: new StyleRunProperties(new Color { Val = QuietColour }, new FontSize { Val = "16" }, new FontSizeComplexScript { Val = "16" })),
        Paragraph("Footer", "footer", semiHidden: true,
            pPr: new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Center }),
            rPr: new StyleRunProperties(new Color { Val = QuietColour }, new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
        Character("PlaceholderText", "Placeholder Text", semiHidden: true,
            rPr: new StyleRunProperties(new Color { Val = "808080" })));

    private static Style Heading(int level, string size) =>
        Paragraph($"Heading{level}", $"heading {level}", primary: true,
            pPr: new StyleParagraphProperties(
                new KeepNext(),
                new KeepLines(),
                new SpacingBetweenLines { Before = "240", After = "120" },
                new OutlineLevel { Val = level - 1 }),
            rPr: new StyleRunProperties(new Bold(), new Color { Val = HeadingColour }, new FontSize { Val = size }, new FontSizeComplexScript { Val = size }));

    private static Style List(string id, string name, int indent) =>
        Paragraph(id, name,
            pPr: new StyleParagraphProperties(
                new SpacingBetweenLines { After = "80" },
                new Indentation { Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" },
                new ContextualSpacing()));

    private static Style Paragraph(
        string id, string name, string? basedOn = "Normal", bool isDefault = false, bool primary = false, bool semiHidden = false,
        StyleParagraphProperties? pPr = null, StyleRunProperties? rPr = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        if (id != "Normal")
        {
            style.Append(new NextParagraphStyle { Val = id.StartsWith("Heading", StringComparison.Ordinal) ? "Normal" : id });
        }

        AppendFlags(style, primary, semiHidden);
        AppendIfAny(style, pPr);
        AppendIfAny(style, rPr);
        return style;
    }

    private static Style Character(string id, string name, bool isDefault = false, bool semiHidden = false, StyleRunProperties? rPr = null)
    {
        var style = new Style { Type = StyleValues.Character, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (!isDefault)
        {
            style.Append(new BasedOn { Val = "DefaultParagraphFont" });
        }

        AppendFlags(style, primary: false, semiHidden);
        AppendIfAny(style, rPr);
        return style;
    }

    private static void AppendFlags(Style style, bool primary, bool semiHidden)
    {
        if (semiHidden)
        {
            style.Append(new SemiHidden(), new UnhideWhenUsed());
        }

        if (primary)
        {
            style.Append(new PrimaryStyle());
        }
    }

    private static void AppendIfAny(Style style, OpenXmlElement? properties)
    {
        if (properties is not null)
        {
            style.Append(properties);
        }
    }
}
