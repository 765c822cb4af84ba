using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Workflow;

/// <summary>Where a draft is on its way from drafting to publication.</summary>
public enum DraftState
{
    Drafting,
    InReview,
    AwaitingApproval,
    ChangesRequested,
    Approved,
    Dispatched,
    Published,
}

/// <summary>Whether a stage needs any one of its approvers, or every one of them.</summary>
public enum ApprovalRule
{
    Any,
    All,
}

/// <param name="Id">The person's Entra object id (oid): what their token carries.</param>
public sealed record Person(string Id, string Name, string Email);

/// <param name="DueDaysBeforeDeadline">The stage is due this many days before the statutory deadline.</param>
public sealed record ApprovalStage(string Name, IReadOnlyList<Person> Approvers, ApprovalRule Rule, int DueDaysBeforeDeadline);

/// <summary>
/// An OPCC's sign-off settings, kept in its profile: the ordered approval chain, who dispatch goes to,
/// when reminders go out and who hears when a stage is overdue, and the commissioner's signature picture.
/// </summary>
public sealed record SignOffSettings
{
    public IReadOnlyList<ApprovalStage> Stages { get; init; } = [];

    /// <summary>The Home Office's Section 55 mailbox, e.g. section55responses@homeoffice.gov.uk.</summary>
    public string HomeOfficeMailbox { get; init; } = string.Empty;

    /// <summary>HM Chief Inspector of Constabulary's office.</summary>
    public string ChiefInspectorMailbox { get; init; } = string.Empty;

    /// <summary>Addresses copied on dispatch (the chief constable's office, for example).</summary>
    public IReadOnlyList<string> CcEmails { get; init; } = [];

    /// <summary>How many days before a stage is due its approvers are reminded.</summary>
    public int ReminderDaysBefore { get; init; } = 3;

    /// <summary>Told when a stage is overdue (the chief executive, say); null: nobody beyond the stage's approvers.</summary>
    public Person? EscalateTo { get; init; }

    public ImageAsset? Signature { get; init; }

    /// <summary>
    /// The stage (0-based) a draft goes back to when an approver submits their own edits as a new version: the
    /// decisions already given are void, so the chain starts again here. Default: the first stage.
    /// </summary>
    public int RestartStageAfterApproverEdit { get; init; }

    public bool IsConfigured => Stages.Count > 0;

    /// <summary>Where the chain starts again after an approver's edits: <see cref="RestartStageAfterApproverEdit"/>, kept within the chain.</summary>
    public int RestartStage() => Math.Clamp(RestartStageAfterApproverEdit, 0, Math.Max(Stages.Count - 1, 0));

    /// <summary>The stage a draft is at, or null when it is at none or the chain no longer has that stage.</summary>
    public ApprovalStage? StageAt(int? index) => index is { } i && i >= 0 && i < Stages.Count ? Stages[i] : null;
}

/// <summary>One stage's due date on one draft, and whether its reminder and escalation have gone out.</summary>
public sealed record StageDue(int Stage, DateOnly DueOn, DateTime? RemindedAt = null, DateTime? EscalatedAt = null);
