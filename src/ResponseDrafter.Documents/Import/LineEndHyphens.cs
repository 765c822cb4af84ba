namespace ResponseDrafter.Documents.Import;

/// <summary>
/// A word broken across two lines where a hyphen ends the first ("investi-" + "gation"), joined back. The join is what
/// the printer did (<see cref="HyphenJoin"/>), listed so that the drafter can undo one.
/// </summary>
/// <param name="Line">The line the hyphen ended.</param>
/// <param name="Joined">The word as the import gives it ("investigation").</param>
/// <param name="AsPrinted">The word with its hyphen, as the drafter may restore it ("investi-gation").</param>
public sealed record HyphenJoin(int Line, string Joined, string AsPrinted);

/// <summary>
/// Decides whether a hyphen at a line end was put there by the printer (remove it: "vul-" + "nerable") or belongs to the
/// word (keep it: "multi-" + "agency"). The report's own words decide first: the joined form written elsewhere in it
/// joins, the hyphenated form written elsewhere keeps. Otherwise a small rule set: the hyphen stays before a capital or
/// a digit, after an acronym or a digit, and where one half is one that British policing texts hyphenate
/// ("co-ordinate", "multi-agency", "good-quality", "evidence-led"); any other hyphen is the printer's.
/// </summary>
internal sealed class LineEndHyphens
{
    /// <summary>First halves that British policing texts hyphenate: "co-ordinate", "non-crime", "good-quality", "long-term".</summary>
    private static readonly HashSet<string> KeptPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "anti", "co", "cross", "ex", "front", "full", "good", "high", "inter", "long", "low", "mid", "multi", "non", "part",
        "post", "pre", "self", "semi", "short", "well",
    };

    /// <summary>Second halves of the compounds those texts make: "evidence-led", "victim-centred", "force-wide", "decision-making".</summary>
    private static readonly HashSet<string> KeptEndings = new(StringComparer.OrdinalIgnoreCase)
    {
        "based", "centred", "centered", "focused", "informed", "led", "level", "making", "owned", "related", "sharing", "solving",
        "specific", "term", "time", "wide",
    };

    private readonly HashSet<string> words;
    private readonly List<RemovedText> removed;

    private LineEndHyphens(HashSet<string> words, List<RemovedText> removed)
    {
        this.words = words;
        this.removed = removed;
    }

    public List<HyphenJoin> Joins { get; } = [];

    /// <summary>The report's vocabulary: every word and hyphenated compound written inside a line (not broken at its end).</summary>
    public static LineEndHyphens From(IEnumerable<SourceLine> lines, List<RemovedText> removed)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            foreach (var token in line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = token.Trim(TokenEdges);
                if (word.Length > 1 && !token.EndsWith('-') && !token.EndsWith('\u00AD'))
                {
                    words.Add(word);
                }
            }
        }

        return new LineEndHyphens(words, removed);
    }

    /// <summary>
    /// Whether <paramref name="text"/>, which ends with a word and a hyphen, joins <paramref name="next"/> without its
    /// hyphen; when it does, the join and the removed hyphen are recorded against <paramref name="line"/>.
    /// </summary>
    public bool Join(string text, string next, int line)
    {
        var hyphen = text[^1];
        var left = LastWord(text[..^1]);
        var right = FirstWord(next);
        if (left.Length == 0 || right.Length == 0)
        {
            return false;
        }

        // A soft hyphen is by definition where a word may break.
        if (hyphen != '\u00AD' && !IsPrinters(left, right))
        {
            return false;
        }

        Joins.Add(new HyphenJoin(line, left + right, $"{left}-{right}"));
        removed.Add(new RemovedText(line, hyphen.ToString(), RemovalReason.LineEndHyphen));
        return true;
    }

    private bool IsPrinters(string left, string right)
    {
        if (words.Contains(left + right))
        {
            return true;
        }

        // The report writes the compound, or both halves as words of their own ("good-" + "quality"): the hyphen is the word's.
        if (words.Contains($"{left}-{right}") || (words.Contains(left) && words.Contains(right)))
        {
            return false;
        }

        return char.IsLower(right[0])
            && left.Any(char.IsLower)
            && !left.Any(char.IsDigit)
            && !KeptPrefixes.Contains(left)
            && !KeptEndings.Contains(right);
    }

    private static readonly char[] TokenEdges = ['"', '\'', '\u201C', '\u201D', '\u2018', '\u2019', '(', ')', '[', ']', ',', '.', ';', ':', '!', '?'];

    /// <summary>The letters (and inner hyphens) that end the text: "the vul" → "vul".</summary>
    private static string LastWord(string text)
    {
        var start = text.Length;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || (text[start - 1] == '-' && start > 1 && char.IsLetter(text[start - 2]))))
        {
            start--;
        }

        return text[start..];
    }

    private static string FirstWord(string text)
    {
        var end = 0;
        while (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        return text[..end];
    }
}
