using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>What fills one tagged control; which kind goes with which tag is the vocabulary's business.</summary>
internal abstract record Field;

/// <summary>One line of plain text; blank removes the paragraph holding the control.</summary>
internal sealed record TextField(string? Text) : Field;

/// <summary>
/// Plain text in the placeholder's run formatting, then one paragraph's worth of rich text run on after it
/// (paragraphs joined by spaces, list items by "; ").
/// </summary>
internal sealed record RunsField(string Lead, string? Markup) : Field;

/// <summary>One paragraph per line, cloned from the placeholder paragraph; none removes the control.</summary>
internal sealed record LinesField(IReadOnlyList<string> Lines) : Field;

/// <summary>
/// Paragraphs, piece by piece; nothing in any piece removes the control. With <paramref name="LockedAs"/> (the force's
/// own words, which the law publishes as given) the control is locked against editing and titled with their provenance.
/// </summary>
internal sealed record BlocksField(IReadOnlyList<BlocksPiece> Pieces, string? LockedAs = null) : Field;

/// <summary>
/// Rich text (or, not <paramref name="IsMarkup"/>, one plain paragraph) in <paramref name="Style"/>, or when that
/// is null in the placeholder paragraph's style.
/// </summary>
internal sealed record BlocksPiece(string? Text, string? Style, bool IsMarkup);

/// <summary>A picture no larger than the given size in EMUs; none removes the control.</summary>
internal sealed record PictureField(ImageAsset? Image, long MaxWidth, long MaxHeight) : Field;

/// <summary>The entries of a repeating region, each filling one copy of the item template; none removes the region.</summary>
internal sealed record RegionField(IReadOnlyList<Fields> Items) : Field;

/// <summary>
/// The fields of one scope: the letter, or one item of a repeating region. An item with a <see cref="Key"/> (the
/// recommendation it answers or reproduces) is tagged "response:2", so the document can be read back and patched by item.
/// </summary>
internal sealed class Fields() : Dictionary<string, Field>(StringComparer.Ordinal)
{
    public string? Key { get; init; }
}
