using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Api.Drafts;

public sealed record NewDraftInput(Guid? ReportId);

[ReplacedWhole]
public sealed record ReferenceInput(string? Label, string? Value);

[ReplacedWhole]
public sealed record RecipientInput(string? Name, string? Title, List<string>? AddressLines, string? Email);

[ReplacedWhole]
public sealed record SignatoryInput(string? Name, string? Title);

[ReplacedWhole]
public sealed record AppendixInput(string? Title, string? Body, List<string>? Recommendations);

/// <summary>The letter-level fields, replaced as a whole. Rich-text fields use the markup in templates/README.md.</summary>
[ReplacedWhole]
public sealed record DraftLetterInput(
    List<ReferenceInput>? References,
    DateOnly? Date,
    DateStyle? DateStyle,
    List<RecipientInput>? Recipients,
    string? Salutation,
    string? Subject,
    string? StatutoryCitation,
    string? Opening,
    string? Context,
    string? Accountability,
    string? Publication,
    string? Closing,
    SignatoryInput? Signatory,
    List<string>? Cc,
    string? CopyListLabel,
    List<AppendixInput>? Appendices);

public sealed record SelectionInput(List<string> Refs);

[ReplacedWhole]
public sealed record ResponseInput(string? Commentary, ResponseStatus? Status, string? Reason);

/// <summary>Pasted assurance text. The server records when it was received and its SHA-256; the client cannot.</summary>
[ReplacedWhole]
public sealed record AssuranceInput(string? Text, string? SuppliedBy, AssurancePresentation? Presentation, string? Summary);

public sealed record SignatoryDto(string Name, string Title);

public sealed record DraftLetterDto(
    IReadOnlyList<LetterReference> References,
    DateOnly? Date,
    DateStyle DateStyle,
    IReadOnlyList<Recipient> Recipients,
    string Salutation,
    string Subject,
    string StatutoryCitation,
    string? Opening,
    string? Context,
    string? Accountability,
    string? Publication,
    string Closing,
    SignatoryDto Signatory,
    IReadOnlyList<string> Cc,
    string CopyListLabel,
    IReadOnlyList<Appendix> Appendices);

public sealed record ResponseDto(string Ref, bool Selected, string? Commentary, ResponseStatus? Status, string? Reason, Assurance? Assurance);

public sealed record DraftDto(
    Guid Id,
    Guid ReportId,
    string ReportTitle,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? CreatedBy,
    IReadOnlyList<string> Selection,
    DraftLetterDto Letter,
    IReadOnlyList<ResponseDto> Responses,
    DocumentPatchDto? Document = null);

/// <summary>
/// What a write did to the draft's document: the regions patched from the record ("opening",
/// "responses/response:2/response.commentary"), and those the record fills but the document no longer has (deleted in Word).
/// </summary>
public sealed record DocumentPatchDto(IReadOnlyList<string> Changed, IReadOnlyList<string> Missing);

/// <param name="StageName">The approval stage it is at, while with approvers.</param>
/// <param name="Holders">Who it is waiting for: the stage's approvers yet to decide, or else its drafters.</param>
/// <param name="DispatchRequestedAt">When a drafter asked for the signed letter to be sent (the outbox sends it shortly after).</param>
/// <param name="DocumentWebUrl">Where the document people open now is stored (the submitted version while with approvers, the
/// signed letter once approved) when the document store gives it a web address people can open (Microsoft 365); null otherwise.</param>
public sealed record DraftSummaryDto(
    Guid Id, Guid ReportId, string ReportTitle, int Version, DateTime UpdatedAt, DeadlineDto Deadline, DraftState State, string? StageName, IReadOnlyList<string> Holders,
    DateTime? DispatchRequestedAt = null, string? DocumentWebUrl = null);

/// <summary>
/// How far the draft is from a letter: completeness gaps (it still renders, marked DRAFT) and problems that stop
/// rendering (field → reasons, fields as the letter request's JSON paths).
/// </summary>
/// <param name="EmptyParts">Letter-level parts whose content is empty and which will be left out or print empty; they do
/// not make the letter incomplete.</param>
public sealed record DraftStatusDto(
    int Version,
    bool Complete,
    IReadOnlyList<CompletenessGap> Gaps,
    IDictionary<string, string[]> Problems,
    DateOnly PublishedOn,
    DeadlineDto Deadline,
    IReadOnlyList<EmptyPart> EmptyParts);

public static class DraftMapping
{
    public static DraftDto AsDto(this Draft draft, Report report, DocumentPatchDto? patch = null)
    {
        var order = report.Refs().Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i, StringComparer.Ordinal);
        return new DraftDto(
            draft.Id,
            draft.ReportId,
            report.Title,
            draft.Version,
            DateTime.SpecifyKind(draft.CreatedAt, DateTimeKind.Utc),
            DateTime.SpecifyKind(draft.UpdatedAt, DateTimeKind.Utc),
            draft.CreatedBy,
            draft.Selection,
            draft.AsLetterDto(),
            draft.Responses
                .OrderBy(r => order.GetValueOrDefault(r.Ref, int.MaxValue))
                .Select(r => new ResponseDto(r.Ref, draft.Selection.Contains(r.Ref), r.Commentary, r.Status, r.Reason, r.Assurance))
                .ToList(),
            patch);
    }

    public static DraftSummaryDto AsSummary(
        this Draft draft, Report report, DateOnly today, SignOffSettings signOff, IReadOnlyList<Decision> decisions, string? storedWebUrl = null)
    {
        var stage = signOff.StageAt(draft.Stage);
        return new(
            draft.Id, draft.ReportId, report.Title, draft.Version, DateTime.SpecifyKind(draft.UpdatedAt, DateTimeKind.Utc), ReportMapping.DeadlineFor(report.PublishedOn, today),
            draft.State, stage?.Name, WorkflowReads.Holders(draft, stage, decisions).Select(p => p.Name).ToList(),
            draft.DispatchRequestedAt is { } requested ? DateTime.SpecifyKind(requested, DateTimeKind.Utc) : null,
            IsOpenable(storedWebUrl) ? storedWebUrl : null);
    }

    /// <summary>Only an absolute https address can be handed to Word; the embedded store's app paths are downloads.</summary>
    private static bool IsOpenable(string? webUrl) =>
        Uri.TryCreate(webUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    private static DraftLetterDto AsLetterDto(this Draft draft) => new(
        draft.References,
        draft.LetterDate,
        draft.DateStyle,
        draft.Recipients,
        draft.Salutation,
        draft.Subject,
        draft.StatutoryCitation,
        draft.Opening,
        draft.Context,
        draft.Accountability,
        draft.Publication,
        draft.Closing,
        new SignatoryDto(draft.SignatoryName, draft.SignatoryTitle),
        draft.Cc,
        draft.CopyListLabel,
        draft.Appendices);
}
