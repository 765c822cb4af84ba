using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Rules;

/// <summary>A recommendation, or one sub-item of it, that a reference such as "6c" points at.</summary>
internal sealed record RefTarget(Recommendation Recommendation, SubItem? SubItem);

/// <summary>
/// References to recommendations: "2", "6c", "AFI 3". Matching ignores case, spaces and punctuation
/// so that "6C", "6 c" and "6(c)" all mean sub-item c of recommendation 6.
/// </summary>
public static class RecommendationRefs
{
    public static string Of(Recommendation recommendation) => (recommendation.Number ?? string.Empty).Trim();

    public static string Of(Recommendation recommendation, SubItem subItem) =>
        Of(recommendation) + (subItem.Label ?? string.Empty).Trim().Trim('(', ')', '.').Trim();

    public static string Key(string? reference) =>
        new string([.. (reference ?? string.Empty).Where(char.IsLetterOrDigit)]).ToLowerInvariant();

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

/// <summary>
/// A report's references looked up by key, built once so that checking many references costs one pass over
/// the report rather than one per reference. A whole recommendation wins over a sub-item with the same key,
/// and the first in report order wins among equals.
/// </summary>
internal sealed class RefIndex
{
    private readonly List<Recommendation> recommendations;
    private readonly Dictionary<string, int> wholes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefTarget> subItems = new(StringComparer.Ordinal);

    public RefIndex(IEnumerable<Recommendation> recommendations)
    {
        this.recommendations = [.. recommendations.Where(r => r is not null)];
        for (var i = 0; i < this.recommendations.Count; i++)
        {
            var recommendation = this.recommendations[i];
            wholes.TryAdd(RecommendationRefs.Key(RecommendationRefs.Of(recommendation)), i);
            foreach (var subItem in (recommendation.SubItems ?? []).Where(s => s is not null))
            {
                subItems.TryAdd(RecommendationRefs.Key(RecommendationRefs.Of(recommendation, subItem)), new(recommendation, subItem));
            }
        }
    }

    public RefTarget? Resolve(string? reference)
    {
        var key = RecommendationRefs.Key(reference);
        return wholes.TryGetValue(key, out var whole) ? new(recommendations[whole], null) : subItems.GetValueOrDefault(key);
    }

    /// <summary>
    /// The recommendation that a key such as "6z" reads as a sub-item of: the first in report order whose number
    /// the key extends with letters alone.
    /// </summary>
    public Recommendation? Parent(string key)
    {
        var first = -1;
        for (var length = key.Length - 1; length > 0 && char.IsLetter(key[length]); length--)
        {
            if (wholes.TryGetValue(key[..length], out var index) && (first < 0 || index < first))
            {
                first = index;
            }
        }

        return first < 0 ? null : recommendations[first];
    }
}
