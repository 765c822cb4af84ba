using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Rules;

/// <summary>What becomes of a letter-level part whose content is empty.</summary>
public enum EmptyOutcome
{
    /// <summary>The part goes from the letter: its paragraph, heading or block is not printed at all.</summary>
    LeftOut,

    /// <summary>The part prints with something missing: a heading without its words, or words without their heading.</summary>
    PrintsEmpty,
}

/// <summary>A letter-level part the template prints whose content is empty, in plain words; it does not stop the letter.</summary>
/// <param name="Part">Where in the letter, as the letter request's JSON path ("opening", "appendices[0]", "copyListLabel").</param>
public sealed record EmptyPart(string Part, EmptyOutcome Outcome, string Message);

/// <summary>
/// The letter-level parts a reader would notice missing, beside <see cref="Completeness"/>'s gaps in the responses.
/// Parts every letter needs (recipients, salutation, subject, closing, signatory) are refused by <see cref="LetterValidator"/>
/// instead, and so are not repeated here; parts empty by an OPCC's own choice (no citation line, a reference printed as its
/// label alone, no copy list) are not listed.
/// </summary>
public static class EmptyParts
{
    private static readonly (string Tag, string Name, Func<Letter, string?> Text)[] Paragraphs =
    [
        ("opening", "The opening (acknowledging the report)", l => l.Opening),
        ("context", "The local context", l => l.Context),
        ("accountability", "How the commissioner will hold the chief constable to account", l => l.Accountability),
        ("publication", "Where the response is published", l => l.Publication),
    ];

    public static IReadOnlyList<EmptyPart> Of(Letter letter)
    {
        var parts = Paragraphs
            .Where(p => IsBlank(p.Text(letter)))
            .Select(p => new EmptyPart(p.Tag, EmptyOutcome.LeftOut, $"{p.Name} is empty: it will be left out of the letter"))
            .ToList();
        var recommendations = (letter.Report?.Recommendations ?? []).Where(r => r is not null).ToList();
        var known = recommendations.Select(r => RecommendationRefs.Key(RecommendationRefs.Of(r)))
            .Concat(recommendations.SelectMany(r => (r.SubItems ?? []).Where(s => s is not null).Select(s => RecommendationRefs.Key(RecommendationRefs.Of(r, s)))))
            .ToHashSet(StringComparer.Ordinal);
        var appendices = letter.Appendices ?? [];
        for (var i = 0; i < appendices.Count; i++)
        {
            var appendix = appendices[i];
            if (appendix is not null && !Prints(appendix, known.Contains))
            {
                var name = IsBlank(appendix.Title) ? $"Appendix {i + 1}" : $"\"{appendix.Title.Trim()}\"";
                parts.Add(new EmptyPart($"appendices[{i}]", EmptyOutcome.LeftOut, $"{name} has no text and no recommendations: it will be left out of the letter"));
            }
        }

        if (IsBlank(letter.CopyListLabel) && (letter.Cc ?? []).Any(c => !IsBlank(c)))
        {
            parts.Add(new EmptyPart("copyListLabel", EmptyOutcome.PrintsEmpty, "The copy list has no label: its names will print without \"cc:\" above them"));
        }

        return parts;
    }

    /// <summary>Whether an appendix has something to print: a body, or a recommendation of the report to reproduce.</summary>
    /// <param name="isKnown">Whether a <see cref="RecommendationRefs.Key"/> is one of the report's recommendations (or sub-items).</param>
    public static bool Prints(Appendix appendix, Func<string, bool> isKnown) =>
        !IsBlank(appendix.Body) || (appendix.Recommendations ?? []).Any(number => isKnown(RecommendationRefs.Key(number)));

    private static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);
}
