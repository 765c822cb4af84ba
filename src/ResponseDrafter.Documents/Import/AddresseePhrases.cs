using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Documents.Import;

/// <summary>Finds addressees in the report's own words, using <see cref="Addressees"/> to recognise the bodies.</summary>
internal static class AddresseePhrases
{
    private static readonly string[] Separators = [", and ", ", or ", ", ", "; ", " and ", " & ", " or "];
    private static readonly HashSet<string> Verbs = new(["should", "must", "will", "to", "is", "are", "need", "needs", "shall"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Determiners = new(["the", "all", "each", "every"], StringComparer.OrdinalIgnoreCase);

    // Addressee phrases are a few words long; longer text is prose, and bounding it keeps the import linear.
    private const int MaxPhrase = 300;

    public static bool NamesBody(string phrase) => Addressees.Classify(phrase).NamesAnyBody;

    /// <summary>
    /// "chief constables, and police and crime commissioners" is two addressees, "police, fire and crime
    /// commissioners" is one: a list is split only where both sides name a body.
    /// </summary>
    public static IReadOnlyList<string> Split(string phrase)
    {
        var parts = new List<string>();
        var rest = Tidy(phrase);
        if (rest.Length > MaxPhrase)
        {
            return [rest];
        }

        while (rest.Length > 0)
        {
            var (head, tail) = FirstSplit(rest);
            parts.Add(head);
            rest = tail;
        }

        return parts;
    }

    /// <summary>True for a short phrase made only of bodies, e.g. "chief constables and PCCs", with no verb.</summary>
    public static bool IsOnlyBodies(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 10
            && !text.EndsWith('.')
            && !words.Any(w => Verbs.Contains(w.Trim(',', ';', ':')))
            && Split(text).All(NamesBody);
    }

    /// <summary>
    /// The body a sentence leads with, in its own words: "Home Office" from "Home Office to provide …", "all chief
    /// constables" from "By March 2022, all chief constables should …". Null when the sentence does not lead with one.
    /// </summary>
    public static string? Lead(string sentence)
    {
        var words = sentence.Split(' ', 17, StringSplitOptions.RemoveEmptyEntries).Take(16).ToArray();
        var head = string.Join(' ', words);
        if (head.Length > MaxPhrase || !Addressees.Lead(head).NamesAnyBody)
        {
            return null;
        }

        var verb = Array.FindIndex(words, w => Verbs.Contains(w) && w is not ("is" or "are" or "need" or "needs"));
        if (verb <= 0)
        {
            return null;
        }

        // The shortest run of words that names the same bodies as the whole subject, the rightmost if several:
        // "chief constables" in "By 31 March 2022, all chief constables", "force" in "The force is not doing enough".
        var subject = Addressees.Classify(string.Join(' ', words[..verb]));
        for (var length = 1; length <= verb; length++)
        {
            for (var start = verb - length; start >= 0; start--)
            {
                if (Addressees.Classify(string.Join(' ', words[start..(start + length)])) != subject)
                {
                    continue;
                }

                var from = start > 0 && Determiners.Contains(words[start - 1]) ? start - 1 : start;
                return Tidy(string.Join(' ', words[from..(start + length)]));
            }
        }

        return null;
    }

    private static (string Head, string Tail) FirstSplit(string phrase)
    {
        for (var at = 0; at < phrase.Length; at++)
        {
            foreach (var separator in Separators)
            {
                if (string.CompareOrdinal(phrase, at, separator, 0, separator.Length) != 0)
                {
                    continue;
                }

                var head = Tidy(phrase[..at]);
                var tail = Tidy(phrase[(at + separator.Length)..]);
                if (head.Length > 0 && tail.Length > 0 && NamesBody(head) && NamesBody(tail))
                {
                    return (head, tail);
                }
            }
        }

        return (phrase, string.Empty);
    }

    private static string Tidy(string phrase)
    {
        var text = phrase.Trim().TrimEnd('.', ',', ';', ':').Trim();
        foreach (var lead in (string[])["and ", "or ", "& "])
        {
            if (text.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
            {
                text = text[lead.Length..].Trim();
            }
        }

        return text;
    }
}
