namespace ResponseDrafter.Documents.Letters;

public sealed record ReportInfo
{
    public required string Title { get; init; }

    public required DateOnly PublishedOn { get; init; }

    public string? Url { get; init; }

    public ReportKind Kind { get; init; } = ReportKind.Thematic;

    public IReadOnlyList<Recommendation> Recommendations { get; init; } = [];
}

public enum ReportKind
{
    Thematic,
    Peel,
    SuperComplaint,
}

/// <summary>
/// Who answers a recommendation in the letter, as the drafter decided where the report names no addressee or only a
/// general one ("the police", "government"): the force (the chief constable), the commissioner, both, or noted only.
/// </summary>
public enum AddresseeDecision
{
    Force,
    Commissioner,
    Both,
    Noted,
}

public enum RecommendationKind
{
    Recommendation,
    CauseOfConcern,
    AreaForImprovement,
}

/// <summary>
/// One recommendation as the report prints it. <see cref="Text"/> and sub-item texts are verbatim,
/// typos included. Addressees are the report's own words ("chief constables", "Home Office").
/// </summary>
public sealed record Recommendation
{
    /// <summary>"2", or "AFI 3" for a PEEL area for improvement.</summary>
    public required string Number { get; init; }

    public RecommendationKind Kind { get; init; } = RecommendationKind.Recommendation;

    public IReadOnlyList<string> Addressees { get; init; } = [];

    public required string Text { get; init; }

    public IReadOnlyList<SubItem> SubItems { get; init; } = [];

    /// <summary>The drafter's decision of who answers it; null when not decided. It comes before the text's addressees.</summary>
    public AddresseeDecision? DecidedAddressee { get; init; }
}

/// <summary>A lettered sub-item ("6c"). Addressees empty means "as the parent".</summary>
public sealed record SubItem
{
    public required string Label { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<string> Addressees { get; init; } = [];

    /// <summary>The drafter's decision for this sub-item alone; it makes the sub-items be judged one by one.</summary>
    public AddresseeDecision? DecidedAddressee { get; init; }
}
