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
}

/// <summary>A lettered sub-item ("6c"). Addressees empty means "as the parent".</summary>
public sealed record SubItem
{
    public required string Label { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<string> Addressees { get; init; } = [];
}
