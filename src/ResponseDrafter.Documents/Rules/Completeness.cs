using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Rules;

/// <summary>Why a letter is not yet complete: which item, which field, in plain words.</summary>
public sealed record CompletenessGap(string Ref, string Field, string Message);

public static class Completeness
{
    /// <summary>Empty when every applicable item has a response with a status, and every "no action" a reason.</summary>
    public static IReadOnlyList<CompletenessGap> Check(Letter letter) => throw new NotImplementedException();
}
