using System.Globalization;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// A recommendation heading: "Recommendation 2: To chief constables", "2. To chief constables", "Area for
/// improvement 3", "Recommendation 6: Monitoring of recommendations". <see cref="Rest"/> is the text that follows
/// the heading on its line when that is not an addressee; <see cref="NumberFirst"/> is the "2. To …" form;
/// <see cref="AddresseesRecognised"/> is false for "To the panel", an addressee that names no body the rules know.
/// </summary>
internal sealed record HeadingShape(RecommendationKind Kind, int? Number, IReadOnlyList<string> Addressees, string Rest, bool NumberFirst, bool AddresseesRecognised = true);

/// <summary>A sub-item line: its marker as written ("- b.", "(c)", "•") and the letter, if it has one.</summary>
internal sealed record ItemShape(string Marker, string? Label, string Rest);

/// <summary>Recognises the shapes of lines in a report's recommendations. Hand-written so that it stays linear.</summary>
internal static class LineShapes
{
    private static readonly (string Word, RecommendationKind Kind)[] Keywords =
    [
        ("recommendation", RecommendationKind.Recommendation),
        ("cause of concern", RecommendationKind.CauseOfConcern),
        ("area for improvement", RecommendationKind.AreaForImprovement),
        ("afi", RecommendationKind.AreaForImprovement),
    ];

    private static readonly HashSet<string> SectionVerbs = new(["make", "made", "makes", "are", "is", "were", "has", "have", "following"], StringComparer.OrdinalIgnoreCase);

    private static readonly string[] RomanLabels = ["ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii"];

    /// <summary>The bullets PDFs and Word produce, including the private-use code points of the Symbol font.</summary>
    private const string Bullets = "-•·–—*▪●◦‣○■□►➢\uF0B7\uF0A7\uF0D8\uF076";

    /// <summary>The line without Markdown decoration (leading '#'s, surrounding '**') that extracted text can carry.</summary>
    public static string Core(string line)
    {
        var text = IsMarkdownHeading(line) ? line.TrimStart('#').TrimStart() : line;
        if (text.StartsWith("**", StringComparison.Ordinal))
        {
            var close = text.IndexOf("**", 2, StringComparison.Ordinal);
            text = close < 0 ? text[2..] : string.Concat(text.AsSpan(2, close - 2), text.AsSpan(close + 2));
        }

        return text.Trim();
    }

    public static bool IsMarkdownHeading(string line) =>
        line.StartsWith('#') && line.TrimStart('#').StartsWith(' ');

    public static HeadingShape? Heading(string line, bool numberedHeadings)
    {
        var core = Core(line);
        return char.IsAsciiDigit(core.FirstOrDefault()) ? NumberFirstHeading(core, numberedHeadings) : KeywordHeading(core);
    }

    /// <summary>"Recommendations", "Summary of recommendations", "Areas for improvement": the kind of what follows.</summary>
    public static RecommendationKind? Section(string line)
    {
        var core = Core(line).TrimEnd(':').Trim();
        var words = core.Split(' ');
        if (words.Length > 4 || !char.IsUpper(core.FirstOrDefault()) || words.Any(SectionVerbs.Contains))
        {
            return null;
        }

        return core switch
        {
            _ when core.EndsWith("recommendations", StringComparison.OrdinalIgnoreCase) => RecommendationKind.Recommendation,
            _ when core.EndsWith("causes of concern", StringComparison.OrdinalIgnoreCase) => RecommendationKind.CauseOfConcern,
            _ when core.EndsWith("areas for improvement", StringComparison.OrdinalIgnoreCase) => RecommendationKind.AreaForImprovement,
            _ => null,
        };
    }

    /// <summary>"To chief constables" on a line of its own under a heading.</summary>
    public static IReadOnlyList<string>? AddresseeLine(string line)
    {
        var core = Core(line);
        return core.StartsWith("To ", StringComparison.OrdinalIgnoreCase) && !core.EndsWith('.') ? Addressed(core[3..]) : null;
    }

    /// <param name="digitLabels">Whether "1." starts an item; not where numbered lines are recommendation headings.</param>
    public static ItemShape? Item(string line, bool digitLabels)
    {
        var at = 0;
        if (line.Length > 0 && Bullets.Contains(line[0], StringComparison.Ordinal))
        {
            var spaced = line.Length > 1 && line[1] == ' ';
            if (!spaced && (line[0] is '-' or '*' or '–' or '—' || line.Length == 1 || !char.IsLetterOrDigit(line[1])))
            {
                return null;
            }

            at = spaced ? 2 : 1;
        }

        if (Label(line, at, digitLabels || at > 0) is var (label, end))
        {
            return new ItemShape(line[..end].TrimEnd(), label, line[end..]);
        }

        return at > 0 ? new ItemShape(line[..at].TrimEnd(), null, line[at..]) : null;
    }

    /// <summary>A line holding only a page number: "12", "Page 3", "Page 3 of 40", "- 7 -", "3 of 40".</summary>
    public static bool IsPageNumber(string line)
    {
        var words = line.Trim('-', '–', '|', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words switch
        {
            [var n] => IsPageDigits(n),
            [var page, var n] => page.Equals("page", StringComparison.OrdinalIgnoreCase) && IsPageDigits(n),
            [var n, var of, var m] => IsPageDigits(n) && of.Equals("of", StringComparison.OrdinalIgnoreCase) && IsPageDigits(m),
            [var page, var n, var of, var m] => page.Equals("page", StringComparison.OrdinalIgnoreCase) && IsPageDigits(n)
                && of.Equals("of", StringComparison.OrdinalIgnoreCase) && IsPageDigits(m),
            _ => false,
        };
    }

    private static bool IsPageDigits(string word) => word.Length is > 0 and <= 4 && word.All(char.IsAsciiDigit);

    private static HeadingShape? KeywordHeading(string core)
    {
        foreach (var (word, kind) in Keywords)
        {
            if (!core.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var at = word.Length;
            if (at < core.Length && char.IsLetter(core[at]))
            {
                return null;
            }

            at = SkipSpaces(core, at);
            var digits = Digits(core, at);
            var number = digits > 0 ? int.Parse(core.AsSpan(at, digits), CultureInfo.InvariantCulture) : (int?)null;
            at += digits;
            if (at < core.Length && char.IsLetterOrDigit(core[at]))
            {
                return null;
            }

            return AfterNumber(core, SkipSpaces(core, at), kind, number, numberFirst: false, numberedHeadings: false);
        }

        return null;
    }

    private static HeadingShape? NumberFirstHeading(string core, bool numberedHeadings)
    {
        var digits = Digits(core, 0);
        if (digits is 0 or > 3 || (digits < core.Length && char.IsLetterOrDigit(core[digits])))
        {
            return null;
        }

        var number = int.Parse(core.AsSpan(0, digits), CultureInfo.InvariantCulture);
        return AfterNumber(core, digits, RecommendationKind.Recommendation, number, numberFirst: true, numberedHeadings);
    }

    private static HeadingShape? AfterNumber(string core, int at, RecommendationKind kind, int? number, bool numberFirst, bool numberedHeadings)
    {
        var separator = at < core.Length && core[at] is ':' or '.' or ')' or '–' or '—' or '-' ? core[at] : (char?)null;
        var rest = core[SkipSpaces(core, separator is null ? at : at + 1)..].Trim();
        if (rest.Length == 0)
        {
            return numberFirst ? null : new HeadingShape(kind, number, [], string.Empty, numberFirst);
        }

        if (rest.StartsWith("To ", StringComparison.OrdinalIgnoreCase))
        {
            if (Addressed(rest[3..]) is { } addressees)
            {
                return new HeadingShape(kind, number, addressees, string.Empty, numberFirst);
            }

            if ((!numberFirst || numberedHeadings) && LooksLikeAddressee(rest[3..]))
            {
                return new HeadingShape(kind, number, [rest[3..].TrimEnd(':', ';').Trim()], string.Empty, numberFirst, AddresseesRecognised: false);
            }
        }

        if (AddresseePhrases.IsOnlyBodies(rest))
        {
            return new HeadingShape(kind, number, AddresseePhrases.Split(rest), string.Empty, numberFirst);
        }

        var textFollows = numberFirst
            ? numberedHeadings && separator is '.' or ':' && char.IsUpper(rest[0])
            : separator is not null;
        return textFollows ? new HeadingShape(kind, number, [], rest, numberFirst) : null;
    }

    /// <summary>A few words with no verb and no full stop: read as an addressee even when no body is recognised.</summary>
    private static bool LooksLikeAddressee(string phrase)
    {
        var text = phrase.Trim().TrimEnd(':', ';').Trim();
        var words = text.Split(' ');
        return text.Length > 0 && words.Length <= 8 && !text.EndsWith('.') && !text.Contains(',', StringComparison.Ordinal)
            && !words.Any(w => w.ToLowerInvariant() is "should" or "must" or "will" or "to" or "is" or "are" or "shall");
    }

    private static IReadOnlyList<string>? Addressed(string phrase)
    {
        var text = phrase.Trim().TrimEnd(':', ';').Trim();
        return text.Length is > 0 and <= 300 && text.Split(' ').Length <= 16 && AddresseePhrases.NamesBody(text)
            ? AddresseePhrases.Split(text)
            : null;
    }

    private static (string Label, int End)? Label(string line, int at, bool digitLabels)
    {
        if (at < line.Length && line[at] == '(')
        {
            var close = line.IndexOf(')', at);
            if (close > at + 1 && close - at <= 5 && IsLabel(line[(at + 1)..close], digitLabels) && FollowedBySpace(line, close + 1))
            {
                return (line[(at + 1)..close], close + 1);
            }

            return null;
        }

        var end = at;
        while (end < line.Length && end - at < 4 && char.IsAsciiLetterOrDigit(line[end]))
        {
            end++;
        }

        return end > at && end < line.Length && line[end] is '.' or ')' && IsLabel(line[at..end], digitLabels) && FollowedBySpace(line, end + 1)
            ? (line[at..end], end + 1)
            : null;
    }

    private static bool IsLabel(string label, bool digitLabels) =>
        (label.Length == 1 && char.IsAsciiLetterLower(label[0]))
        || RomanLabels.Contains(label)
        || (digitLabels && label.Length <= 2 && label.All(char.IsAsciiDigit));

    private static bool FollowedBySpace(string line, int at) => at < line.Length && line[at] == ' ';

    private static int SkipSpaces(string text, int at)
    {
        while (at < text.Length && text[at] == ' ')
        {
            at++;
        }

        return at;
    }

    private static int Digits(string text, int at)
    {
        var end = at;
        while (end < text.Length && end - at < 5 && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - at;
    }
}
