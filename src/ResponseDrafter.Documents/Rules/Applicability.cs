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
/// A recommendation, or a sub-item judged on its own, whose text names no body the rules know, only a general one ("the
/// police", "government") or none at all, so the drafter decides who answers it. <see cref="Named"/> is the report's words
/// for the addressee, or null when it names none; <see cref="Decided"/> is the decision saved, if any.
/// </summary>
public sealed record AddresseeQuestion(string Ref, string Recommendation, string? SubItem, string? Named, string Question, AddresseeDecision? Decided);

/// <summary>
/// Which recommendations, and which sub-items, a PCC's letter must answer. Sub-items that name their own
/// body ("Home Office to provide …"), or that the drafter decided on, are judged one by one; otherwise the
/// recommendation is one item. A drafter's <see cref="AddresseeDecision"/> comes before the text's addressees.
/// </summary>
public static class Applicability
{
    /// <summary>The items that apply to a PCC or to the chief constable, in report order.</summary>
    public static IReadOnlyList<ApplicableItem> Of(IEnumerable<Recommendation> recommendations) =>
        [.. (recommendations ?? []).Where(r => r is not null).SelectMany(ItemsOf)];

    /// <summary>
    /// The items whose text leaves it to the drafter to say who answers them, in report order, whether decided yet or not:
    /// a recommendation judged whole whose heading and sentences name no body the rules know, or a sub-item judged on its
    /// own that names none and whose recommendation names none.
    /// </summary>
    public static IReadOnlyList<AddresseeQuestion> Questions(IEnumerable<Recommendation> recommendations) =>
        [.. (recommendations ?? []).Where(r => r is not null).SelectMany(QuestionsOf)];

    private static IEnumerable<AddresseeQuestion> QuestionsOf(Recommendation recommendation)
    {
        var named = NamedByText(recommendation);
        if (named.NamesBody)
        {
            return [];
        }

        var subItems = (recommendation.SubItems ?? []).Where(s => s is not null).ToList();
        if (!subItems.Any(JudgedAlone))
        {
            var whole = RecommendationRefs.Of(recommendation);
            return [Ask(recommendation, null, whole, named.Words, recommendation.DecidedAddressee)];
        }

        return subItems
            .Where(s => !Addressees.Classify(s.Addressees ?? []).NamesAnyBody && !Addressees.Lead(s.Text).NamesAnyBody)
            .Select(s => Ask(recommendation, s, RecommendationRefs.Of(recommendation, s), OwnWords(s) ?? named.Words, s.DecidedAddressee));
    }

    private static AddresseeQuestion Ask(Recommendation recommendation, SubItem? subItem, string reference, string? words, AddresseeDecision? decided)
    {
        var name = RecommendationRefs.Describe(recommendation, reference);
        var question = words is null
            ? $"{name} names no addressee. Who answers it in your letter?"
            : $"{name} is addressed to \"{words}\", which is not a body the letter speaks for. Who answers it in your letter?";
        return new(reference, RecommendationRefs.Of(recommendation), subItem?.Label, words, question, decided);
    }

    private static string? OwnWords(SubItem subItem)
    {
        var addressees = (subItem.Addressees ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
        return addressees.Count > 0 ? string.Join(", ", addressees) : null;
    }

    /// <summary>Whether the recommendation's own words name a body, and if they name only something general, those words.</summary>
    private static (bool NamesBody, string? Words) NamedByText(Recommendation recommendation)
    {
        var addressees = (recommendation.Addressees ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
        if (addressees.Count > 0)
        {
            return (Addressees.Classify(addressees).NamesAnyBody, string.Join(", ", addressees.Select(a => a.Trim())));
        }

        var sentences = Addressees.Sentences(recommendation.Text).ToList();
        return sentences.Any(s => Addressees.Lead(s).NamesAnyBody)
            ? (true, null)
            : (false, sentences.Select(Addressees.GeneralLead).FirstOrDefault(g => g is not null));
    }

    private static IEnumerable<ApplicableItem> ItemsOf(Recommendation recommendation)
    {
        var whole = BodiesOf(recommendation);
        var subItems = (recommendation.SubItems ?? []).Where(s => s is not null).ToList();
        if (!subItems.Any(JudgedAlone))
        {
            return whole == LocalBody.None
                ? []
                : [new ApplicableItem(RecommendationRefs.Of(recommendation), recommendation, null, whole)];
        }

        return subItems
            .Select(s => new ApplicableItem(RecommendationRefs.Of(recommendation, s), recommendation, s, BodiesOf(s, whole)))
            .Where(item => item.AppliesTo != LocalBody.None);
    }

    private static bool JudgedAlone(SubItem subItem) =>
        subItem.DecidedAddressee is not null || (subItem.Addressees ?? []).Count > 0 || Addressees.Lead(subItem.Text).NamesAnyBody;

    private static LocalBody Decided(AddresseeDecision decision) => decision switch
    {
        AddresseeDecision.Force => LocalBody.ChiefConstable,
        AddresseeDecision.Commissioner => LocalBody.PoliceAndCrimeCommissioner,
        AddresseeDecision.Both => LocalBody.ChiefConstable | LocalBody.PoliceAndCrimeCommissioner,
        _ => LocalBody.None,
    };

    private static LocalBody BodiesOf(Recommendation recommendation)
    {
        if (recommendation.DecidedAddressee is { } decision)
        {
            return Decided(decision);
        }

        var addressees = recommendation.Addressees ?? [];
        return addressees.Count > 0
            ? Judge(Addressees.Classify(addressees), recommendation.Text)
            : Addressees.Sentences(recommendation.Text).Aggregate(LocalBody.None, (all, s) => all | Judge(Addressees.Lead(s), s));
    }

    private static LocalBody BodiesOf(SubItem subItem, LocalBody parent)
    {
        if (subItem.DecidedAddressee is { } decision)
        {
            return Decided(decision);
        }

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
