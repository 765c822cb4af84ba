namespace ResponseDrafter.Documents.Letters;

/// <summary>
/// The letter's answer to one applicable recommendation, or to one sub-item of it.
/// <see cref="Ref"/> is the number, with the sub-item label appended for a sub-item: "2", "6c".
/// </summary>
public sealed record RecommendationResponse
{
    public required string Ref { get; init; }

    public Assurance? Assurance { get; init; }

    /// <summary>Rich text: the commissioner's own words.</summary>
    public string? Commentary { get; init; }

    public ResponseStatus? Status { get; init; }

    /// <summary>Required when <see cref="Status"/> is <see cref="ResponseStatus.NoAction"/>. Rich text.</summary>
    public string? Reason { get; init; }
}

/// <summary>What the law asks the comments to say for each recommendation.</summary>
public enum ResponseStatus
{
    ActionTaken,
    ActionProposed,
    NoAction,
}

/// <summary>The force's text for a recommendation, and where it came from.</summary>
public sealed record Assurance
{
    /// <summary>Rich text, as the force supplied it.</summary>
    public required string Text { get; init; }

    public AssurancePresentation Presentation { get; init; } = AssurancePresentation.QuotedInFull;

    /// <summary>Rich text: the summary printed in the body when <see cref="Presentation"/> is Summarised.</summary>
    public string? Summary { get; init; }

    public required Provenance Provenance { get; init; }
}

public enum AssurancePresentation
{
    /// <summary>The full text in the body, attributed to its supplier.</summary>
    QuotedInFull,

    /// <summary>A summary in the body; the full text in the force assurance annex.</summary>
    Summarised,

    /// <summary>Only a pointer in the body; the full text in the force assurance annex.</summary>
    AnnexOnly,
}

/// <summary>Who supplied an assurance, when, and exactly what was received.</summary>
public sealed record Provenance
{
    /// <summary>E.g. "Det Chief Supt Eamonn Bridger, Suffolk Constabulary".</summary>
    public required string SuppliedBy { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    public string? SourceFileName { get; init; }

    /// <summary>Lower-case hex SHA-256 of the bytes received.</summary>
    public string? Sha256 { get; init; }
}
