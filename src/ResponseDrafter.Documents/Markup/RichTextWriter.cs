using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace ResponseDrafter.Documents.Markup;

/// <summary>
/// Turns parsed rich text into real Word structures inside one document: paragraphs in the given style,
/// lists through numbering definitions, hyperlinks through relationships, footnotes in the footnotes part.
/// One writer per document being assembled (it owns the numbering and footnote ids it hands out).
/// </summary>
public sealed class RichTextWriter
{
    public RichTextWriter(MainDocumentPart mainPart) => throw new NotImplementedException();

    /// <summary>Block-level elements (w:p) for <paramref name="blocks"/>; plain paragraphs take <paramref name="paragraphStyleId"/>.</summary>
    public IReadOnlyList<OpenXmlElement> Write(IReadOnlyList<Block> blocks, string paragraphStyleId = "Normal") => throw new NotImplementedException();

    /// <summary>Runs (w:r, w:hyperlink) for a single paragraph's worth of rich text, to place inside an existing paragraph.</summary>
    public IReadOnlyList<OpenXmlElement> WriteInline(IReadOnlyList<Block> blocks) => throw new NotImplementedException();
}
