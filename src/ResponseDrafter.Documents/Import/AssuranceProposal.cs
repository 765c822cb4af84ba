using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Import;

public enum MappingConfidence
{
    Low,
    Medium,
    High,
}

/// <summary>A section proposed as (part of) the answer to a recommendation, how sure the proposal is, and why.</summary>
public sealed record ProposedSection(string SectionId, MappingConfidence Confidence, string Reason);

/// <summary>
/// The sections proposed for one applicable recommendation (or sub-item), in document order. When none is proposed,
/// <see cref="Reason"/> says why; otherwise it is null and each section carries its own reason.
/// </summary>
public sealed record RecommendationMapping(string Ref, IReadOnlyList<ProposedSection> Sections, string? Reason);

/// <summary>A section proposed for no recommendation, and why.</summary>
public sealed record UnmappedSection(string SectionId, string Reason);

/// <summary>The proposed mapping from each applicable recommendation to the sections that answer it; the drafter confirms or changes it.</summary>
public sealed record AssuranceProposal(IReadOnlyList<RecommendationMapping> Mappings, IReadOnlyList<UnmappedSection> Unmapped);

/// <summary>What changed in one recommendation's assurance between the force's previous document and its revision.</summary>
public sealed record AssuranceChange(string Ref, AssuranceChangeKind Kind, IReadOnlyList<ParagraphChange> Paragraphs);

public enum AssuranceChangeKind
{
    Unchanged,
    Changed,
    Added,
    Removed,
}
