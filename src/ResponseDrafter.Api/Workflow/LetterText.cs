using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Api.Workflow;

public enum ChangeKind
{
    Same,
    Added,
    Removed,
}

/// <param name="Text">One paragraph of the letter.</param>
public sealed record TextChange(ChangeKind Kind, string Text);

/// <summary>A letter as its paragraphs of plain text, and a readable comparison of two of them.</summary>
public static class LetterText
{
    /// <summary>The body's paragraphs in order (tables included), whitespace collapsed, empty ones left out.</summary>
    public static List<string> Paragraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx, writable: false);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return [];
        }

        return body.Descendants<Paragraph>()
            .Select(p => string.Join(' ', p.InnerText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(t => t.Length > 0)
            .ToList();
    }

    /// <summary>
    /// Paragraph by paragraph, what was kept, removed and added going from <paramref name="before"/> to
    /// <paramref name="after"/> (longest common subsequence, so a moved paragraph shows as removed and added).
    /// </summary>
    public static List<TextChange> Compare(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var prefix = 0;
        while (prefix < before.Count && prefix < after.Count && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Count - prefix && suffix < after.Count - prefix
            && before[before.Count - 1 - suffix] == after[after.Count - 1 - suffix])
        {
            suffix++;
        }

        var changes = before.Take(prefix).Select(t => new TextChange(ChangeKind.Same, t)).ToList();
        changes.AddRange(Middle(before.Skip(prefix).Take(before.Count - prefix - suffix).ToList(), after.Skip(prefix).Take(after.Count - prefix - suffix).ToList()));
        changes.AddRange(before.Skip(before.Count - suffix).Select(t => new TextChange(ChangeKind.Same, t)));
        return changes;
    }

    private static List<TextChange> Middle(List<string> a, List<string> b)
    {
        // lengths[i, j] = length of the longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var changes = new List<TextChange>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y])
            {
                changes.Add(new(ChangeKind.Same, a[x++]));
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                changes.Add(new(ChangeKind.Removed, a[x++]));
            }
            else
            {
                changes.Add(new(ChangeKind.Added, b[y++]));
            }
        }

        changes.AddRange(a.Skip(x).Select(t => new TextChange(ChangeKind.Removed, t)));
        changes.AddRange(b.Skip(y).Select(t => new TextChange(ChangeKind.Added, t)));
        return changes;
    }
}
