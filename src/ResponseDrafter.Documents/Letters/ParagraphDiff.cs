using DiffPlex;
using DiffPlex.Chunkers;

namespace ResponseDrafter.Documents.Letters;

/// <summary>One paragraph and whether the revision kept, added or removed it.</summary>
public sealed record ParagraphChange(ParagraphChangeKind Kind, string Text);

public enum ParagraphChangeKind
{
    Unchanged,
    Added,
    Removed,
}

/// <summary>
/// Paragraph by paragraph, what was kept, removed and added going from one text to another: a shortest edit script
/// (DiffPlex's Myers diff), so a moved paragraph reads as removed where it was and added where it now is.
/// </summary>
public static class ParagraphDiff
{
    /// <summary>
    /// The changes in reading order: kept paragraphs carry their revised text; within a run of edits the removed
    /// paragraphs come before the added ones.
    /// </summary>
    /// <param name="key">What makes two paragraphs the same; by default their exact text.</param>
    public static IReadOnlyList<ParagraphChange> Compare(IReadOnlyList<string> before, IReadOnlyList<string> after, Func<string, string>? key = null)
    {
        // DiffPlex compares lines of text. Each distinct key becomes a number, so that one line per paragraph holds
        // whatever the paragraphs contain, line breaks included.
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        int Number(string paragraph)
        {
            var same = key is null ? paragraph : key(paragraph);
            if (!numbers.TryGetValue(same, out var number))
            {
                number = numbers.Count;
                numbers.Add(same, number);
            }

            return number;
        }

        string Lines(IReadOnlyList<string> paragraphs) => string.Join('\n', paragraphs.Select(Number));

        var diff = Differ.Instance.CreateDiffs(Lines(before), Lines(after), ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);

        var changes = new List<ParagraphChange>(Math.Max(before.Count, after.Count));
        var (a, b) = (0, 0);
        // An empty block at the end carries the paragraphs kept after the last edit.
        foreach (var block in diff.DiffBlocks.Append(new(before.Count, 0, after.Count, 0)))
        {
            for (; b < block.InsertStartB; a++, b++)
            {
                changes.Add(new(ParagraphChangeKind.Unchanged, after[b]));
            }

            for (; a < block.DeleteStartA + block.DeleteCountA; a++)
            {
                changes.Add(new(ParagraphChangeKind.Removed, before[a]));
            }

            for (; b < block.InsertStartB + block.InsertCountB; b++)
            {
                changes.Add(new(ParagraphChangeKind.Added, after[b]));
            }
        }

        return changes;
    }
}
