using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// Compares two markup texts paragraph by paragraph (each list item counts as a paragraph), so that a revision reads
/// as kept, added and removed paragraphs. Spacing differences are ignored.
/// </summary>
internal static class AssuranceDiff
{
    public static IReadOnlyList<ParagraphChange> Compare(string? previous, string? revised) =>
        ParagraphDiff.Compare(Paragraphs(previous), Paragraphs(revised), Key);

    private static List<string> Paragraphs(string? markup)
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

        return [.. paragraphs.Select(p => string.Join("\n", p))];
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

    private static string Key(string paragraph) =>
        string.Join(' ', paragraph.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
