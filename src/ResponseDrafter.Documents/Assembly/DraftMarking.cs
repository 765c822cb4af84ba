using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>
/// Marks an incomplete letter DRAFT at the top of every page: a red line at the top of each header the pages
/// use, its text in an inline content control tagged <see cref="Tag"/> so the add-in can find it and remove
/// the paragraph. (Inline, because LibreOffice drops the formatting of block-level controls in headers.)
/// </summary>
public static class DraftMarking
{
    public const string Tag = "draft";

    /// <summary>"Draft — incomplete: 3 items" (printed in capitals).</summary>
    public static string Text(int gaps) =>
        $"Draft \u2014 incomplete: {gaps.ToString(CultureInfo.InvariantCulture)} {(gaps == 1 ? "item" : "items")}";

    /// <summary>The marking as it goes at the top of a header part.</summary>
    internal static Paragraph Paragraph(int gaps) => new(
        new ParagraphProperties(
            new SpacingBetweenLines { After = "120" },
            new Justification { Val = JustificationValues.Center }),
        new SdtRun(
            new SdtProperties(new SdtAlias { Val = "Draft marking" }, new Tag { Val = Tag }),
            new SdtContentRun(new Run(
                new RunProperties(
                    new Bold(),
                    new Caps(),
                    new Color { Val = "C00000" },
                    new FontSize { Val = "24" },
                    new FontSizeComplexScript { Val = "24" }),
                new Text(Text(gaps))))));
}
