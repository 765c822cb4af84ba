namespace ResponseDrafter.Documents.Import;

/// <summary>
/// Compares two markup texts paragraph by paragraph (each list item counts as a paragraph), with a longest common
/// subsequence, so that a revision reads as kept, added and removed paragraphs. Spacing differences are ignored.
/// </summary>
internal static class AssuranceDiff
{
    // Beyond this many paragraphs the comparison is no longer worth its quadratic cost: the old text is shown as
    // removed and the new one as added.
    private const int MaxParagraphs = 2000;

    public static IReadOnlyList<ParagraphChange> Compare(string? previous, string? revised)
    {
        var before = Paragraphs(previous);
        var after = Paragraphs(revised);
        if (before.Count > MaxParagraphs || after.Count > MaxParagraphs)
        {
            return [.. before.Select(p => new ParagraphChange(ParagraphChangeKind.Removed, p.Text)), .. after.Select(p => new ParagraphChange(ParagraphChangeKind.Added, p.Text))];
        }

        var common = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
        {
            for (var j = after.Count - 1; j >= 0; j--)
            {
                common[i, j] = before[i].Key == after[j].Key ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var changes = new List<ParagraphChange>();
        var (a, b) = (0, 0);
        while (a < before.Count || b < after.Count)
        {
            if (a < before.Count && b < after.Count && before[a].Key == after[b].Key)
            {
                changes.Add(new ParagraphChange(ParagraphChangeKind.Unchanged, after[b++].Text));
                a++;
            }
            else if (a < before.Count && (b == after.Count || common[a + 1, b] >= common[a, b + 1]))
            {
                changes.Add(new ParagraphChange(ParagraphChangeKind.Removed, before[a++].Text));
            }
            else
            {
                changes.Add(new ParagraphChange(ParagraphChangeKind.Added, after[b++].Text));
            }
        }

        return changes;
    }

    private static List<(string Text, string Key)> Paragraphs(string? markup)
    {
        var paragraphs = new List<List<string>>();
        var current = (List<string>?)null;
        foreach (var raw in (markup ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Trim().Length == 0)
            {
                current = null;
                continue;
            }

            if (current is null || IsItem(line.TrimStart()))
            {
                current = [];
                paragraphs.Add(current);
            }

            current.Add(line);
        }

        return [.. paragraphs.Select(p => (string.Join("\n", p), Key(p)))];
    }

    private static bool IsItem(string line)
    {
        if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
        {
            return true;
        }

        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && line.AsSpan(digits).StartsWith(". ");
    }

    private static string Key(IEnumerable<string> lines) =>
        string.Join(' ', string.Join(' ', lines).Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
