using System.Globalization;

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
    internal static string Paragraph(int gaps) =>
        "<w:p><w:pPr><w:spacing w:after=\"120\"/><w:jc w:val=\"center\"/></w:pPr>" +
        $"<w:sdt><w:sdtPr><w:alias w:val=\"Draft marking\"/><w:tag w:val=\"{Tag}\"/></w:sdtPr><w:sdtContent>" +
        "<w:r><w:rPr><w:b/><w:caps/><w:color w:val=\"C00000\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr>" +
        $"<w:t>{Text(gaps)}</w:t></w:r></w:sdtContent></w:sdt></w:p>";
}
