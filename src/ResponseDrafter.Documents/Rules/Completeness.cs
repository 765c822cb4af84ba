using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Rules;

/// <summary>Why a letter is not yet complete: which item, which field, in plain words.</summary>
public sealed record CompletenessGap(string Ref, string Field, string Message);

/// <summary>
/// Whether a letter says, for each applicable recommendation and for every item it answers whatever its addressees
/// (national reports often name "the police", "government" or nobody), what action has been or will be taken, or why
/// none will be (s55(6)). A response to "2" covers all of 2; so do responses to each of its sub-items.
/// A response with a status but no words at all (no assurance, commentary or reason) is a gap too: the law
/// asks what action is taken, which a bare status does not say.
/// </summary>
public static class Completeness
{
    /// <summary>Empty when every applicable item has a response with a status, and every "no action" a reason.</summary>
    public static IReadOnlyList<CompletenessGap> Check(Letter letter)
    {
        var responses = (letter.Responses ?? [])
            .Where(r => r is not null)
            .GroupBy(r => RecommendationRefs.Key(r.Ref))
            .ToDictionary(g => g.Key, g => g.First());
        var recommendations = (letter.Report?.Recommendations ?? []).Where(r => r is not null).ToList();
        var items = Applicability.Of(recommendations);
        var answered = responses.Values
            .Select(response => (Response: response, Recommendation: RecommendationOf(recommendations, response.Ref)))
            .Where(r => r.Recommendation is not null)
            .SelectMany(r => GapsIn(r.Recommendation!, r.Response.Ref.Trim(), r.Response));
        return [.. items.SelectMany(item => GapsFor(item, responses)).Concat(answered).Distinct()];
    }

    private static Recommendation? RecommendationOf(List<Recommendation> recommendations, string reference)
    {
        var key = RecommendationRefs.Key(reference);
        return recommendations.FirstOrDefault(r => RecommendationRefs.Key(RecommendationRefs.Of(r)) == key
            || (r.SubItems ?? []).Any(s => s is not null && RecommendationRefs.Key(RecommendationRefs.Of(r, s)) == key));
    }

    private static IEnumerable<CompletenessGap> GapsFor(ApplicableItem item, Dictionary<string, RecommendationResponse> responses)
    {
        var recommendation = item.Recommendation;
        var wholeRef = RecommendationRefs.Of(recommendation);
        if (responses.TryGetValue(RecommendationRefs.Key(wholeRef), out var whole))
        {
            return GapsIn(recommendation, wholeRef, whole);
        }

        if (item.SubItem is not null)
        {
            return responses.TryGetValue(RecommendationRefs.Key(item.Ref), out var own)
                ? GapsIn(recommendation, item.Ref, own)
                : [Missing(recommendation, item.Ref)];
        }

        var subRefs = (recommendation.SubItems ?? []).Where(s => s is not null).Select(s => RecommendationRefs.Of(recommendation, s)).ToList();
        var answered = subRefs.Select(r => responses.GetValueOrDefault(RecommendationRefs.Key(r))).ToList();
        if (answered.All(a => a is null))
        {
            return [Missing(recommendation, item.Ref)];
        }

        return subRefs.Zip(answered).SelectMany(pair => pair.Second is null
            ? [Missing(recommendation, pair.First)]
            : GapsIn(recommendation, pair.First, pair.Second));
    }

    private static CompletenessGap Missing(Recommendation recommendation, string reference) =>
        new(reference, "response", $"{RecommendationRefs.Describe(recommendation, reference)} has no response");

    private static IEnumerable<CompletenessGap> GapsIn(Recommendation recommendation, string reference, RecommendationResponse response)
    {
        var name = RecommendationRefs.Describe(recommendation, reference);
        if (response.Status is null)
        {
            yield return new(reference, "status", $"{name} has no status (action taken, action proposed or no action)");
        }

        if (response.Status == ResponseStatus.NoAction && IsBlank(response.Reason))
        {
            yield return new(reference, "reason", $"{name}: 'No action' needs a reason");
        }

        if (response.Assurance is null && IsBlank(response.Commentary) && IsBlank(response.Reason))
        {
            yield return new(reference, "commentary", $"{name} has no text: add the force's assurance or your own commentary");
        }
    }

    private static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);
}
