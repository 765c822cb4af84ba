using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Api.Imports;

/// <summary>Text copied from a report, pasted to be read into recommendations.</summary>
public sealed record RecommendationPasteInput(string? Text);

/// <summary>The multipart form of a report uploaded as PDF or Word, as OpenAPI describes it.</summary>
public sealed record RecommendationUploadForm(IFormFile File);

/// <summary>
/// What the import read from a report, for the user to correct and confirm; nothing is saved. <see cref="Recommendations"/>
/// has exactly the shape of <c>recommendations</c> in the body of POST /api/reports, so the client confirms by sending it
/// there (corrected as the user wishes) with the report's title and publication date.
/// </summary>
/// <param name="Warnings">What to check, each naming its recommendation and line.</param>
/// <param name="Unplaced">Paragraphs that belong to no recommendation, as written.</param>
/// <param name="Removed">Page numbers, running headers, unprintable characters and the printer's line-end hyphens taken out.</param>
/// <param name="Joins">Each word the import joined across a line end without its hyphen, with the printed form to restore.</param>
/// <param name="FileName">The uploaded file's name; null for pasted text.</param>
public sealed record RecommendationPreviewDto(
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<ImportWarning> Warnings,
    IReadOnlyList<UnplacedText> Unplaced,
    IReadOnlyList<RemovedText> Removed,
    IReadOnlyList<HyphenJoin> Joins,
    string? FileName)
{
    /// <summary>
    /// Who answers each recommendation (or sub-item) that names no addressee or only a general one ("the police",
    /// "government"): the question to put to the drafter, whose answer goes in the recommendation's <c>decidedAddressee</c>.
    /// </summary>
    public IReadOnlyList<AddresseeQuestion> Questions { get; init; } = [];

    /// <summary>From a PDF: the page each recommendation's heading is on; null otherwise.</summary>
    public IReadOnlyList<RecommendationPage>? Pages { get; init; }

    /// <summary>From a PDF: the report's title, when its metadata or first page gives it.</summary>
    public string? Title { get; init; }

    /// <summary>From a PDF: the publication date its first pages give ("Published 26 May 2021").</summary>
    public DateOnly? PublishedOn { get; init; }
}

/// <summary>The multipart form of the force's document sent for a preview, as OpenAPI describes it.</summary>
/// <param name="Mapping">Optional JSON, as when confirming: compare the drafter's chosen sections, not the proposal, with the saved assurance.</param>
public sealed record AssurancePreviewForm(IFormFile File, string? Mapping);

/// <summary>The multipart form confirming the mapping, as OpenAPI describes it.</summary>
/// <param name="File">The same file as previewed: the server reads it again.</param>
/// <param name="Sha256">The <c>sha256</c> the preview returned.</param>
/// <param name="Mapping">JSON: each ref to the ids of the sections that answer it, e.g. <c>{"2":["s8"],"3":["s9"]}</c>.</param>
public sealed record AssuranceConfirmForm(IFormFile File, string SuppliedBy, string Sha256, string Mapping);

/// <summary>
/// The force's document read into sections, with the proposed mapping from each selected recommendation to the sections
/// that answer it; nothing is saved. <see cref="Changes"/> compares, for each recommendation whose assurance came from an
/// earlier file, that text with the text the proposed sections would give.
/// </summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes received; send it back with the same file to confirm.</param>
/// <param name="DraftVersion">The draft version the proposal was made against.</param>
public sealed record AssurancePreviewDto(
    string FileName,
    string Sha256,
    int DraftVersion,
    IReadOnlyList<DocumentSection> Sections,
    IReadOnlyList<RecommendationMapping> Mappings,
    IReadOnlyList<UnmappedSection> Unmapped,
    IReadOnlyList<AssuranceRevisionDto> Changes);

/// <summary>What the proposed sections change in one recommendation's assurance from an earlier file.</summary>
/// <param name="PreviousFileName">The file the assurance recorded now came from.</param>
/// <param name="PreviousReceivedOn">When that file was received.</param>
public sealed record AssuranceRevisionDto(
    string Ref,
    AssuranceChangeKind Kind,
    string? PreviousFileName,
    DateOnly? PreviousReceivedOn,
    IReadOnlyList<ParagraphChange> Paragraphs);
