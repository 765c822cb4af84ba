namespace ResponseDrafter.Documents.Markup;

/// <summary>
/// What keeps a link in the first paragraph of a region a link when LibreOffice prints the letter. LibreOffice (7.4)
/// reads a w:hyperlink in the first paragraph of a block-level content control (every region of rich text) as a
/// HYPERLINK field and prints its code ('HYPERLINK "https://…"text'), untagged, and loses the text before it when
/// the paragraph also calls a footnote. An empty, untagged run-level control at the start of that paragraph ends
/// that reading: the link after it prints as its words and is tagged as a Link. (Putting the link itself inside a
/// run-level control also prints it right, but LibreOffice then leaves the link out of the PDF's structure tree.)
/// The marker has no tag, so it is not a region, and everything that reads regions back (the region scanner, the
/// canonical form, the paragraph reader) passes through it; it holds one empty run and no text.
/// </summary>
internal static class PrintableLink
{
    public const string Marker = "<w:sdt><w:sdtPr/><w:sdtContent><w:r/></w:sdtContent></w:sdt>";

    /// <summary>Whether the inlines hold a link, at any depth of bold or italic.</summary>
    public static bool Contains(IReadOnlyList<Inline> inlines) => inlines.Any(i => i switch
    {
        LinkSpan => true,
        BoldSpan bold => Contains(bold.Content),
        ItalicSpan italic => Contains(italic.Content),
        _ => false,
    });
}
