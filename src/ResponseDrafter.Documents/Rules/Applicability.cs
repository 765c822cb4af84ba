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

public static class Applicability
{
    /// <summary>The items that apply to a PCC or to the chief constable, in report order.</summary>
    public static IReadOnlyList<ApplicableItem> Of(IEnumerable<Recommendation> recommendations) => throw new NotImplementedException();
}
