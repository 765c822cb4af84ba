using System.Text;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// Finds the page numbers and running headers and footers that text copied from a PDF carries. A repeated line is
/// a header only when it cannot be content: never a heading, an item, a line that ends with ':' or that leads with
/// an addressee, nor the line straight after a heading; and it must repeat three times, or twice at page edges.
/// </summary>
internal static class PageFurniture
{
    private const int MaxHeaderLength = 120;

    public static RemovalReason?[] Find(IReadOnlyList<SourceLine> lines)
    {
        var found = new RemovalReason?[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].IsBlank && LineShapes.IsPageNumber(lines[i].Text))
            {
                found[i] = RemovalReason.PageNumber;
            }
        }

        var candidates = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (found[i] is null && IsCandidate(lines, i) && Key(lines[i].Text) is { } key)
            {
                if (!candidates.TryGetValue(key, out var at))
                {
                    candidates[key] = at = [];
                }

                at.Add(i);
            }
        }

        foreach (var at in candidates.Values)
        {
            if (at.Count >= 3 || (at.Count == 2 && at.All(i => AtPageEdge(lines, found, i))))
            {
                if (AddresseePhrases.Lead(lines[at[0]].Text) is null)
                {
                    at.ForEach(i => found[i] = RemovalReason.RunningHeader);
                }
            }
        }

        return found;
    }

    private static bool IsCandidate(IReadOnlyList<SourceLine> lines, int i)
    {
        var text = lines[i].Text;
        if (text.Length is 0 or > MaxHeaderLength || text.EndsWith(':') || IsStructure(text))
        {
            return false;
        }

        var previous = PreviousText(lines, i);
        return previous < 0 || LineShapes.Heading(lines[previous].Text, numberedHeadings: true) is null;
    }

    private static bool IsStructure(string text) =>
        LineShapes.Heading(text, numberedHeadings: true) is not null
        || LineShapes.Section(text) is not null
        || LineShapes.AddresseeLine(text) is not null
        || LineShapes.Item(text, digitLabels: true) is not null;

    /// <summary>The line with its digits taken out, so that "12 The hidden victims" and "13 The hidden victims" match.</summary>
    private static string? Key(string text)
    {
        var key = new StringBuilder(text.Length);
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                continue;
            }

            letters += char.IsLetter(c) ? 1 : 0;
            key.Append(char.ToLowerInvariant(c));
        }

        return letters >= 4 ? key.ToString().Trim() : null;
    }

    private static bool AtPageEdge(IReadOnlyList<SourceLine> lines, RemovalReason?[] found, int i)
    {
        var previous = PreviousText(lines, i);
        var next = NextText(lines, i);
        return lines[i].PageEdge
            || previous < 0 || found[previous] == RemovalReason.PageNumber
            || next < 0 || found[next] == RemovalReason.PageNumber || lines[next].PageEdge;
    }

    private static int PreviousText(IReadOnlyList<SourceLine> lines, int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (!lines[j].IsBlank)
            {
                return j;
            }
        }

        return -1;
    }

    private static int NextText(IReadOnlyList<SourceLine> lines, int i)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            if (!lines[j].IsBlank)
            {
                return j;
            }
        }

        return -1;
    }
}
