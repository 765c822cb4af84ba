using System.Security.Claims;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Drafts;

namespace ResponseDrafter.Api.Workflow;

/// <summary>The things people (and the outbox) do to a draft.</summary>
public enum WorkflowAction
{
    Edit,
    Submit,
    Decide,
    Dispatch,
    MarkDispatched,
    Publish,
}

/// <summary>Who is deciding, and for whom: themselves, or an approver under a delegation.</summary>
public sealed record ActingAs(Person Person, Person Approver, Guid? DelegationId)
{
    public bool IsDeputy => DelegationId is not null;
}

/// <summary>
/// Whether someone may decide on a draft now: how they act (and at which stage) when they may, else why not.
/// <see cref="Forbidden"/> marks a refusal about the person (403) rather than the draft's state (409).
/// </summary>
public sealed record DecisionRight(ActingAs? Acting, ApprovalStage? Stage, string? Refusal, bool Forbidden)
{
    public static DecisionRight Refused(string reason, bool forbidden = false) => new(null, null, reason, forbidden);
}

/// <summary>
/// The sign-off state machine as pure functions. Drafting → In review → Awaiting approval → Approved →
/// Dispatched → Published, with Changes requested leading back to Drafting. In review means a stage before
/// the last; Awaiting approval means the last stage (the commissioner's, usually).
/// </summary>
public static class DraftWorkflow
{
    private static readonly Dictionary<WorkflowAction, DraftState[]> AllowedFrom = new()
    {
        // An edit after submission voids what was decided and sends the draft back to Drafting.
        [WorkflowAction.Edit] = [DraftState.Drafting, DraftState.ChangesRequested, DraftState.InReview, DraftState.AwaitingApproval, DraftState.Approved],
        [WorkflowAction.Submit] = [DraftState.Drafting, DraftState.ChangesRequested],
        [WorkflowAction.Decide] = [DraftState.InReview, DraftState.AwaitingApproval],
        [WorkflowAction.Dispatch] = [DraftState.Approved],
        [WorkflowAction.MarkDispatched] = [DraftState.Approved],
        [WorkflowAction.Publish] = [DraftState.Dispatched],
    };

    /// <summary>Null when <paramref name="action"/> is allowed in <paramref name="state"/>; otherwise why not, in plain words.</summary>
    public static string? Refusal(DraftState state, WorkflowAction action)
    {
        if (AllowedFrom[action].Contains(state))
        {
            return null;
        }

        return (action, state) switch
        {
            (WorkflowAction.Edit, DraftState.Dispatched or DraftState.Published) =>
                "The letter has been sent to the Home Office, so the draft can no longer change.",
            (WorkflowAction.Submit, DraftState.InReview or DraftState.AwaitingApproval) =>
                "This draft is already with its approvers. Edit it first if it needs to change (that withdraws the submission).",
            (WorkflowAction.Submit, _) => $"A draft that is {Describe(state)} cannot be submitted.",
            (WorkflowAction.Decide, DraftState.Drafting or DraftState.ChangesRequested) =>
                "This draft is not awaiting a decision: it has not been submitted since it last changed.",
            (WorkflowAction.Decide, _) => $"This draft is {Describe(state)}: there is nothing left to decide.",
            (WorkflowAction.Dispatch, DraftState.Dispatched or DraftState.Published) => "This letter has already been dispatched.",
            (WorkflowAction.Dispatch, _) => "Only an approved letter can be dispatched.",
            (WorkflowAction.Publish, DraftState.Published) => "The publication has already been recorded.",
            (WorkflowAction.Publish, _) => "Publication can be recorded once the letter has been dispatched.",
            _ => $"Not possible while the draft is {Describe(state)}.",
        };
    }

    public static bool IsLegal(DraftState state, WorkflowAction action) => AllowedFrom[action].Contains(state);

    public static string Describe(DraftState state) => state switch
    {
        DraftState.Drafting => "being drafted",
        DraftState.InReview => "in review",
        DraftState.AwaitingApproval => "awaiting approval",
        DraftState.ChangesRequested => "back with its drafters for changes",
        DraftState.Approved => "approved",
        DraftState.Dispatched => "dispatched",
        DraftState.Published => "published",
        _ => state.ToString(),
    };

    /// <summary>The state for a draft at stage <paramref name="stage"/> of <paramref name="stageCount"/>.</summary>
    public static DraftState StateAt(int stage, int stageCount) =>
        stage < stageCount - 1 ? DraftState.InReview : DraftState.AwaitingApproval;

    /// <summary>Each stage's due date, counted back from the statutory deadline; never before today.</summary>
    public static List<StageDue> Schedule(IReadOnlyList<ApprovalStage> stages, DateOnly deadline, DateOnly today) =>
        stages.Select((s, i) => new StageDue(i, Max(deadline.AddDays(-s.DueDaysBeforeDeadline), today))).ToList();

    /// <summary>
    /// How <paramref name="caller"/> may decide at <paramref name="stage"/>: as one of its approvers, or as the deputy of
    /// one under a delegation active <paramref name="today"/>. Null when they may not.
    /// </summary>
    public static ActingAs? Acting(ApprovalStage stage, Person caller, IEnumerable<Delegation> delegations, DateOnly today)
    {
        if (stage.Approvers.FirstOrDefault(a => a.Id == caller.Id) is { } self)
        {
            return new ActingAs(caller, self, null);
        }

        return delegations
            .Where(d => d.Deputy.Id == caller.Id && d.IsActiveOn(today))
            .Select(d => (Delegation: d, Approver: stage.Approvers.FirstOrDefault(a => a.Id == d.Approver.Id)))
            .Where(x => x.Approver is not null)
            .Select(x => new ActingAs(caller, x.Approver!, x.Delegation.Id))
            .FirstOrDefault();
    }

    /// <summary>
    /// The one rule for deciding, used both to refuse a decision and to tell the review screen whether to offer one:
    /// the draft awaits a decision, its stage still exists, the caller approves at it (or deputises today for someone
    /// who does), wrote none of <paramref name="version"/>, and has not decided on it at this stage already.
    /// </summary>
    public static DecisionRight MayDecide(
        Draft draft, DraftVersion? version, SignOffSettings signOff, Person caller, IEnumerable<Delegation> delegations,
        IEnumerable<Decision> decisions, DateOnly today)
    {
        var right = ApproverAtStage(draft, version, signOff, caller, delegations, today);
        if (right.Acting is not { } acting)
        {
            return right;
        }

        if (AuthorshipRefusal(acting, version!) is { } authored)
        {
            return DecisionRight.Refused(authored, forbidden: true);
        }

        var decided = decisions.Any(d => d.VersionNumber == version!.Number && d.Stage == draft.Stage && d.VoidedAt is null
            && (d.OnBehalfOf ?? d.By).Id == acting.Approver.Id);
        return decided
            ? DecisionRight.Refused($"A decision for {acting.Approver.Name} on version {version!.Number} at this stage is already recorded.")
            : right;
    }

    /// <summary>
    /// Whether an approver may submit their own edits of the version awaiting their stage as a new version: they approve
    /// at the current stage (or deputise today for someone who does). Their edits void the decisions already given, so
    /// having decided, or having written earlier text, does not stop them.
    /// </summary>
    public static DecisionRight MayEditAsApprover(
        Draft draft, DraftVersion? version, SignOffSettings signOff, Person caller, IEnumerable<Delegation> delegations, DateOnly today) =>
        ApproverAtStage(draft, version, signOff, caller, delegations, today);

    private static DecisionRight ApproverAtStage(
        Draft draft, DraftVersion? version, SignOffSettings signOff, Person caller, IEnumerable<Delegation> delegations, DateOnly today)
    {
        if (Refusal(draft.State, WorkflowAction.Decide) is { } refusal)
        {
            return DecisionRight.Refused(refusal);
        }

        if (version is null)
        {
            return DecisionRight.Refused("Nothing has been submitted yet.");
        }

        if (signOff.StageAt(draft.Stage ?? 0) is not { } stage)
        {
            return DecisionRight.Refused("The approval chain changed after this version was submitted and no longer has this stage; edit and resubmit the draft.");
        }

        return Acting(stage, caller, delegations, today) is { } acting
            ? new DecisionRight(acting, stage, null, false)
            : DecisionRight.Refused($"You are not an approver at the current stage ({stage.Name}), nor anyone's deputy for it today.", forbidden: true);
    }

    /// <summary>Separation of duties: nobody approves what they wrote, in person or through a deputy.</summary>
    public static string? AuthorshipRefusal(ActingAs acting, DraftVersion version)
    {
        if (version.Authors.Any(a => a.Id == acting.Person.Id))
        {
            return "You wrote part of this version, so someone else must decide on it.";
        }

        return acting.IsDeputy && version.Authors.Any(a => a.Id == acting.Approver.Id)
            ? $"{acting.Approver.Name} wrote part of this version, so their deputy cannot decide on it for them."
            : null;
    }

    /// <summary>Whether the stage's rule is met by the approvals still standing for this version.</summary>
    public static bool StageSatisfied(ApprovalStage stage, IEnumerable<Decision> approvals)
    {
        var approvedFor = approvals
            .Where(d => d.Kind == DecisionKind.Approved && d.VoidedAt is null)
            .Select(d => (d.OnBehalfOf ?? d.By).Id)
            .ToHashSet(StringComparer.Ordinal);
        return stage.Rule == ApprovalRule.Any
            ? stage.Approvers.Any(a => approvedFor.Contains(a.Id))
            : stage.Approvers.All(a => approvedFor.Contains(a.Id));
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
