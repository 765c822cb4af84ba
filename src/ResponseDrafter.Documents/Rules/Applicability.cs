using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Rules;

/// <summary>The local bodies a Section 55 letter speaks for.</summary>
[Flags]
public enum LocalBody
{
    None = 0,
    ChiefConstable = 1,
    PoliceAndCrimeCommissioner = 2,
}

/// <summary>
/// A recommendation, or one sub-item of it, that a PCC must answer. <see cref="Ref"/> is "2" or "6c".
/// </summary>
public sealed record ApplicableItem(string Ref, Recommendation Recommendation, SubItem? SubItem, LocalBody AppliesTo);

/// <summary>
/// Which recommendations, and which sub-items, a PCC's letter must answer. Sub-items that name their own
/// body ("Home Office to provide …") are judged one by one; otherwise the recommendation is one item.
/// </summary>
public static class Applicability
{
    /// <summary>The items that apply to a PCC or to the chief constable, in report order.</summary>
    public static IReadOnlyList<ApplicableItem> Of(IEnumerable<Recommendation> recommendations) =>
        [.. (recommendations ?? []).Where(r => r is not null).SelectMany(ItemsOf)];

    private static IEnumerable<ApplicableItem> ItemsOf(Recommendation recommendation)
    {
        var whole = BodiesOf(recommendation);
        var subItems = (recommendation.SubItems ?? []).Where(s => s is not null).ToList();
        if (!subItems.Any(NamesOwnBody))
        {
            return whole == LocalBody.None
                ? []
                : [new ApplicableItem(RecommendationRefs.Of(recommendation), recommendation, null, whole)];
        }

        return subItems
            .Select(s => new ApplicableItem(RecommendationRefs.Of(recommendation, s), recommendation, s, BodiesOf(s, whole)))
            .Where(item => item.AppliesTo != LocalBody.None);
    }

    private static bool NamesOwnBody(SubItem subItem) =>
        (subItem.Addressees ?? []).Count > 0 || Addressees.Lead(subItem.Text).NamesAnyBody;

    private static LocalBody BodiesOf(Recommendation recommendation)
    {
        var addressees = recommendation.Addressees ?? [];
        return addressees.Count > 0
            ? Judge(Addressees.Classify(addressees), recommendation.Text)
            : Addressees.Sentences(recommendation.Text).Aggregate(LocalBody.None, (all, s) => all | Judge(Addressees.Lead(s), s));
    }

    private static LocalBody BodiesOf(SubItem subItem, LocalBody parent)
    {
        var addressees = subItem.Addressees ?? [];
        if (addressees.Count > 0)
        {
            return Judge(Addressees.Classify(addressees), subItem.Text);
        }

        var lead = Addressees.Lead(subItem.Text);
        return lead.NamesAnyBody ? Judge(lead, subItem.Text) : parent;
    }

    /// <summary>
    /// The local bodies addressed, plus PCCs when the APCC is asked to collate PCCs' own progress: each PCC
    /// reports through the APCC, and real letters count that item as the PCC's ("4 and 6c are applicable to
    /// Police and Crime Commissioners"). The NPCC's collation of forces' progress is not answered in the letter.
    /// </summary>
    private static LocalBody Judge(Addressed addressed, string? text) =>
        addressed.NamesApcc && Addressees.Classify(text).Bodies.HasFlag(LocalBody.PoliceAndCrimeCommissioner)
            ? addressed.Bodies | LocalBody.PoliceAndCrimeCommissioner
            : addressed.Bodies;
}
