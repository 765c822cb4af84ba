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

/// <summary>One paragraph as it was and as it is: <paramref name="Before"/> null when added, <paramref name="After"/> null when removed.</summary>
public sealed record ParagraphEdit(string? Before, string? After);

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

    /// <summary>
    /// Only the paragraphs that differ, each as before → after: within a run of edits the n-th removed paragraph pairs
    /// with the n-th added one (a reworded paragraph); what is left over was removed or added outright.
    /// </summary>
    public static List<ParagraphEdit> Edits(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var edits = new List<ParagraphEdit>();
        var removed = new List<string>();
        var added = new List<string>();
        void Flush()
        {
            for (var i = 0; i < Math.Max(removed.Count, added.Count); i++)
            {
                edits.Add(new(i < removed.Count ? removed[i] : null, i < added.Count ? added[i] : null));
            }

            removed.Clear();
            added.Clear();
        }

        foreach (var change in ParagraphDiff.Compare(before, after))
        {
            switch (change.Kind)
            {
                case ParagraphChangeKind.Removed:
                    removed.Add(change.Text);
                    break;
                case ParagraphChangeKind.Added:
                    added.Add(change.Text);
                    break;
                default:
                    Flush();
                    break;
            }
        }

        Flush();
        return edits;
    }
}
