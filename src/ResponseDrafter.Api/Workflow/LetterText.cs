using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Workflow;

public enum ChangeKind
{
    Same,
    Added,
    Removed,
}

/// <param name="Text">One paragraph of the letter.</param>
public sealed record TextChange(ChangeKind Kind, string Text);

/// <summary>A readable comparison of two letters' paragraphs (as <c>LetterDocument.Paragraphs</c> reads them).</summary>
public static class LetterText
{
    /// <summary>
    /// Paragraph by paragraph, what was kept, removed and added going from <paramref name="before"/> to
    /// <paramref name="after"/> (see <see cref="ParagraphDiff"/>: a moved paragraph shows as removed and added).
    /// </summary>
    public static List<TextChange> Compare(IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        [.. ParagraphDiff.Compare(before, after).Select(c => new TextChange(c.Kind switch
        {
            ParagraphChangeKind.Unchanged => ChangeKind.Same,
            ParagraphChangeKind.Added => ChangeKind.Added,
            _ => ChangeKind.Removed,
        }, c.Text))];
}
