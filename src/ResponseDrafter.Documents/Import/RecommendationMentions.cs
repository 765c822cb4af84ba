using System.Globalization;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Documents.Import;

/// <summary>A reference to a recommendation in prose: its key (as <see cref="RecommendationRefs.Key"/> makes it) and the words used.</summary>
internal sealed record Mention(string Key, string Phrase);

/// <summary>
/// Finds "Recommendation 2", "rec 3", "recommendations 2 and 4", "recommendations 2, 3 and 4", "recommendations 2 to 4",
/// "recommendation 6c" or "6(c)", and "AFI 3". Hand-written so that it stays linear on any text.
/// </summary>
internal static class RecommendationMentions
{
    private const int MaxRange = 50;

    private static readonly (string Word, string Prefix)[] Triggers =
    [
        ("recommendations", ""), ("recommendation", ""), ("recs", ""), ("rec", ""),
        ("areas for improvement", "afi"), ("area for improvement", "afi"), ("afis", "afi"), ("afi", "afi"),
    ];

    public static IReadOnlyList<Mention> Find(string text)
    {
        var found = new List<Mention>();
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && char.IsLetterOrDigit(text[i - 1]))
            {
                continue;
            }

            foreach (var (word, prefix) in Triggers)
            {
                if (string.Compare(text, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0)
                {
                    continue;
                }

                var end = ReadList(text, i + word.Length, prefix, found, i);
                if (end > i)
                {
                    i = end - 1;
                }

                break;
            }
        }

        return found;
    }

    /// <summary>Reads "2, 3 and 4" after a trigger word; returns where the list ends, or -1 when no number follows.</summary>
    private static int ReadList(string text, int at, string prefix, List<Mention> found, int start)
    {
        if (at < text.Length && char.IsLetter(text[at]))
        {
            return -1;
        }

        at = SkipWord(text, Skip(text, Skip(text, at, "."), " "), "no.", "number");
        var keys = new List<string>();
        var end = -1;
        int? rangeFrom = null;
        while (ReadRef(text, Skip(text, at, " "), out var number, out var letter) is var next && next > 0)
        {
            if (rangeFrom is { } from && letter.Length == 0 && number > from && number - from <= MaxRange)
            {
                keys.AddRange(Enumerable.Range(from + 1, number - from).Select(n => prefix + n.ToString(CultureInfo.InvariantCulture)));
            }
            else
            {
                keys.Add(prefix + number.ToString(CultureInfo.InvariantCulture) + letter);
            }

            end = next;
            var after = Skip(text, next, " ");
            var range = SkipWord(text, after, "to", "-", "–");
            var afterComma = Skip(text, Skip(text, after, ","), " ");
            var joined = SkipWord(text, afterComma, "and", "or", "&");
            rangeFrom = range > after && letter.Length == 0 ? number : null;
            if (range > after)
            {
                at = range;
            }
            else if (joined > afterComma || afterComma > after)
            {
                at = joined;
            }
            else
            {
                break;
            }
        }

        if (end < 0)
        {
            return -1;
        }

        var phrase = text[start..end];
        found.AddRange(keys.Distinct().Select(k => new Mention(k, phrase)));
        return end;
    }

    /// <summary>"6", "6c", "6(c)", "6 c" is not read (it is too easily prose). Returns the end, or 0.</summary>
    private static int ReadRef(string text, int at, out int number, out string letter)
    {
        number = 0;
        letter = string.Empty;
        var digits = 0;
        while (at + digits < text.Length && digits < 4 && char.IsAsciiDigit(text[at + digits]))
        {
            digits++;
        }

        if (digits is 0 or > 3)
        {
            return 0;
        }

        number = int.Parse(text.AsSpan(at, digits), CultureInfo.InvariantCulture);
        var end = at + digits;
        if (end + 2 < text.Length && text[end] == '(' && char.IsAsciiLetterLower(text[end + 1]) && text[end + 2] == ')')
        {
            letter = text[end + 1].ToString();
            return end + 3;
        }

        if (end < text.Length && char.IsAsciiLetter(text[end]) && (end + 1 == text.Length || !char.IsLetterOrDigit(text[end + 1])))
        {
            letter = char.ToLowerInvariant(text[end]).ToString();
            return end + 1;
        }

        return end < text.Length && char.IsLetterOrDigit(text[end]) ? 0 : end;
    }

    private static int Skip(string text, int at, string chars)
    {
        while (at >= 0 && at < text.Length && chars.Contains(text[at], StringComparison.Ordinal))
        {
            at++;
        }

        return at;
    }

    private static int SkipWord(string text, int at, params string[] words)
    {
        foreach (var word in words)
        {
            if (at >= 0 && string.Compare(text, at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (at + word.Length == text.Length || !char.IsLetterOrDigit(text[at + word.Length]) || !char.IsLetter(word[^1])))
            {
                return at + word.Length;
            }
        }

        return at;
    }
}
