using ResponseDrafter.Api.Audit;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Workflow;

/// <summary>A decision sent as JSON: bound to the hash of the version the approver read.</summary>
public sealed record DecisionInput(string? Decision, string? VersionSha256, string? Comment);

/// <summary>The multipart form of a decision made in Word: the document as it is open, and the decision.</summary>
public sealed record DecisionUpload(IFormFile Document, string Decision, string? Comment = null);

/// <param name="LetterUrl">Where the OPCC published the signed PDF.</param>
/// <param name="WebUrl">Where the OPCC published the web version.</param>
/// <param name="ChiefConstableCommentsUrl">Optional: where the force publishes its own copy of its comments.</param>
public sealed record PublicationInput(string? LetterUrl, string? WebUrl, string? ChiefConstableCommentsUrl = null);

/// <summary>What a publication record keeps: both addresses and the hash of each file the product made and the OPCC published.</summary>
public sealed record PublishedPackage(string PdfUrl, string WebUrl, string PdfSha256, string WebSha256, string? ChiefConstableCommentsUrl);

public sealed record PersonInput(string? Id, string? Name, string? Email);

[ReplacedWhole]
public sealed record StageInput(string? Name, List<PersonInput>? Approvers, ApprovalRule? Rule, int? DueDaysBeforeDeadline);

[ReplacedWhole]
public sealed record SignOffInput(
    List<StageInput>? Stages,
    string? HomeOfficeMailbox,
    string? ChiefInspectorMailbox,
    List<string>? CcEmails,
    int? ReminderDaysBefore,
    PersonInput? EscalateTo,
    LogoInput? Signature,
    int? RestartStageAfterApproverEdit = null);

/// <param name="ApproverId">Whose deputy: the caller's own id unless the caller is an administrator.</param>
public sealed record DelegationInput(string? ApproverId, PersonInput? Deputy, DateOnly? From, DateOnly? Until);

public sealed record VersionDto(int Number, string Sha256, int DraftVersion, Person SubmittedBy, DateTime SubmittedAt, string? WebUrl, string DocumentUrl);

public sealed record DecisionDto(
    Guid Id, int Version, string VersionSha256, string? DocumentSha256, int Stage, string StageName, DecisionKind Kind,
    Person By, Person? OnBehalfOf, string? Comment, DateTime At, DateTime? VoidedAt);

/// <param name="PdfFileName">The name the signed PDF is attached under when dispatched (and downloaded under).</param>
/// <param name="WebSha256">The web version's hash, once made (with the PDF).</param>
/// <param name="WebVersionUrl">Where the stored web version opens (the document store's address, like PdfWebUrl).</param>
/// <param name="WebFileName">The name the web version is downloaded under.</param>
public sealed record FinalDto(
    int ApprovedVersion, string ApprovedSha256, string DocxSha256, DateOnly SignedOn, string? PdfSha256, string? DocxWebUrl, string? PdfWebUrl,
    string? PdfFileName = null, string? WebSha256 = null, string? WebVersionUrl = null, string? WebFileName = null);

public sealed record DispatchDto(DateTime RequestedAt, DateTime? SentAt, string? MessageId);

/// <param name="LetterUrl">Where the PDF was published.</param>
/// <param name="WebUrl">Where the web version was published.</param>
/// <param name="PdfSha256">The SHA-256 of the PDF published (the final PDF).</param>
/// <param name="WebSha256">The SHA-256 of the web version published.</param>
/// <param name="ChiefConstableCommentsUrl">Where the force publishes its own copy of its comments, if it does.</param>
public sealed record PublicationDto(DateTime At, string LetterUrl, string? WebUrl, string? PdfSha256, string? WebSha256, string? ChiefConstableCommentsUrl);

/// <summary>Where a draft is in sign-off, who holds it, and everything decided so far.</summary>
public sealed record WorkflowDto(
    Guid DraftId,
    DraftState State,
    int? Stage,
    string? StageName,
    IReadOnlyList<Person> Holders,
    IReadOnlyList<StageDue> Schedule,
    IReadOnlyList<VersionDto> Versions,
    IReadOnlyList<DecisionDto> Decisions,
    FinalDto? Final,
    DispatchDto? Dispatch,
    PublicationDto? Publication,
    int Version);

/// <summary>What an approver sees: the version to decide on, what changed since they last looked, and the comments so far.</summary>
public sealed record ReviewDto(
    Guid DraftId,
    string ReportTitle,
    DraftState State,
    int? Stage,
    string? StageName,
    VersionDto? Current,
    int? ComparedWith,
    IReadOnlyList<TextChange> Changes,
    IReadOnlyList<DecisionDto> Decisions,
    bool CanDecide,
    string? CannotDecideBecause,
    Person? ActingFor);

/// <summary>
/// The document open in Word against the version awaiting a decision. <see cref="OpenVersion"/> is the version whose
/// text the document has (null when it has been edited); <see cref="Edits"/> the paragraphs that differ from
/// <see cref="CurrentVersion"/>; <see cref="IfSubmitted"/> what "Submit my changes as a new version" would do, when the
/// caller may and there are edits, else <see cref="CannotSubmitBecause"/> says why not.
/// </summary>
public sealed record OpenDocumentDto(
    int CurrentVersion,
    int? OpenVersion,
    IReadOnlyList<ParagraphEdit> Edits,
    ApproverEditOutcome? IfSubmitted,
    string? CannotSubmitBecause);

/// <param name="ApprovalsVoided">The approvals given on the current version that would no longer stand.</param>
/// <param name="RestartStage">The stage (0-based) sign-off would start again at, from the profile's restartStageAfterApproverEdit.</param>
public sealed record ApproverEditOutcome(int NewVersion, IReadOnlyList<StandingApproval> ApprovalsVoided, int RestartStage, string RestartStageName);

/// <param name="OnBehalfOf">The approver a deputy approved for, if any.</param>
public sealed record StandingApproval(Person By, Person? OnBehalfOf, string StageName);

public sealed record DelegationDto(Guid Id, Person Approver, Person Deputy, DateOnly From, DateOnly Until, Person CreatedBy, DateTime CreatedAt, DateTime? RevokedAt);

public sealed record AuditEntryDto(string Stream, long Seq, DateTime At, string ActorId, string ActorName, string Action, Guid? DraftId, string? VersionSha256, string Detail, string PreviousHash, string Hash);

public sealed record AuditDto(IReadOnlyList<AuditEntryDto> Entries, AuditVerification Verification);

public static class WorkflowMapping
{
    public static VersionDto AsDto(this DraftVersion v) => new(
        v.Number, v.Sha256, v.DraftVersionNumber, v.SubmittedBy, Utc(v.SubmittedAt), v.WebUrl, $"/api/drafts/{v.DraftId}/versions/{v.Number}/document");

    public static DecisionDto AsDto(this Decision d) => new(
        d.Id, d.VersionNumber, d.VersionSha256, d.DocumentSha256, d.Stage, d.StageName, d.Kind, d.By, d.OnBehalfOf, d.Comment, Utc(d.At), d.VoidedAt is { } v ? Utc(v) : null);

    public static FinalDto AsDto(this FinalLetter f) => new(
        f.ApprovedVersion, f.ApprovedSha256, f.DocxSha256, f.SignedOn, f.PdfSha256, f.DocxWebUrl, f.PdfWebUrl, WebSha256: f.HtmlSha256, WebVersionUrl: f.HtmlWebUrl);

    public static DelegationDto AsDto(this Delegation d) => new(
        d.Id, d.Approver, d.Deputy, d.From, d.Until, d.CreatedBy, Utc(d.CreatedAt), d.RevokedAt is { } r ? Utc(r) : null);

    public static AuditEntryDto AsDto(this AuditEntry e) => new(
        e.Stream, e.Seq, Utc(e.At), e.ActorId, e.ActorName, e.Action, e.DraftId, e.VersionSha256, e.Detail, e.PreviousHash, e.Hash);

    public static Person AsPerson(this PersonInput input) => new(input.Id!.Trim(), input.Name!.Trim(), input.Email?.Trim() ?? string.Empty);

    public static SignOffSettings AsSettings(this SignOffInput input) => new()
    {
        Stages = (input.Stages ?? [])
            .Select(s => new ApprovalStage(s.Name!.Trim(), (s.Approvers ?? []).Select(AsPerson).ToList(), s.Rule ?? ApprovalRule.Any, s.DueDaysBeforeDeadline ?? 0))
            .ToList(),
        HomeOfficeMailbox = input.HomeOfficeMailbox?.Trim() ?? string.Empty,
        ChiefInspectorMailbox = input.ChiefInspectorMailbox?.Trim() ?? string.Empty,
        CcEmails = (input.CcEmails ?? []).Select(e => e.Trim()).ToList(),
        ReminderDaysBefore = input.ReminderDaysBefore ?? 3,
        EscalateTo = input.EscalateTo?.AsPerson(),
        RestartStageAfterApproverEdit = input.RestartStageAfterApproverEdit ?? 0,
        Signature = input.Signature is { Data: { } data } signature
            ? new ImageAsset { ContentType = signature.ContentType!.ToLowerInvariant(), Data = data, AltText = signature.AltText!.Trim() }
            : null,
    };

    /// <summary>Dates come back from the database unspecified; they were stored as UTC.</summary>
    internal static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
