using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Rules;

/// <summary>A recommendation, or one sub-item of it, that a reference such as "6c" points at.</summary>
internal sealed record RefTarget(Recommendation Recommendation, SubItem? SubItem);

/// <summary>
/// References to recommendations: "2", "6c", "AFI 3". Matching ignores case, spaces and punctuation
/// so that "6C", "6 c" and "6(c)" all mean sub-item c of recommendation 6.
/// </summary>
internal static class RecommendationRefs
{
    public static string Of(Recommendation recommendation) => (recommendation.Number ?? string.Empty).Trim();

    public static string Of(Recommendation recommendation, SubItem subItem) =>
        Of(recommendation) + (subItem.Label ?? string.Empty).Trim().Trim('(', ')', '.').Trim();

    public static string Key(string? reference) =>
        new string([.. (reference ?? string.Empty).Where(char.IsLetterOrDigit)]).ToLowerInvariant();

    public static RefTarget? Resolve(IEnumerable<Recommendation> recommendations, string? reference)
    {
        var key = Key(reference);
        var all = recommendations.Where(r => r is not null).ToList();
        var whole = all.FirstOrDefault(r => Key(Of(r)) == key);
        if (whole is not null)
        {
            return new(whole, null);
        }

        return all
            .SelectMany(r => (r.SubItems ?? []).Where(s => s is not null).Select(s => new RefTarget(r, s)))
            .FirstOrDefault(t => Key(Of(t.Recommendation, t.SubItem!)) == key);
    }

    /// <summary>"Recommendation 6c", "Cause of concern 1", or the number alone when it already says what it is ("AFI 3").</summary>
    public static string Describe(Recommendation recommendation, string reference)
    {
        if (reference.Length > 0 && char.IsLetter(reference[0]))
        {
            return reference;
        }

        var noun = recommendation.Kind switch
        {
            RecommendationKind.CauseOfConcern => "Cause of concern",
            RecommendationKind.AreaForImprovement => "Area for improvement",
            _ => "Recommendation",
        };
        return $"{noun} {reference}";
    }
}
