using ResponseDrafter.Api.Drafts;

namespace ResponseDrafter.Api.Workflow;

/// <summary>
/// Every change of a draft's sign-off state, one method per move. Handlers ask <see cref="DraftWorkflow.Refusal"/>
/// first and answer the user in plain words; these check again, so a handler that forgot fails loudly instead of
/// saving a draft in a state the machine does not allow.
/// </summary>
public static class DraftTransitions
{
    /// <summary>An edit: whatever was submitted or decided no longer stands.</summary>
    public static void ReturnToDrafting(this Draft draft)
    {
        Require(draft, WorkflowAction.Edit);
        draft.State = DraftState.Drafting;
        draft.Stage = null;
    }

    /// <summary>A version was frozen (by the drafters, or from an approver's edits) and goes to <paramref name="stage"/>.</summary>
    public static void SendToStage(this Draft draft, int stage, IReadOnlyList<ApprovalStage> stages, List<StageDue> schedule)
    {
        if (draft.State is not (DraftState.InReview or DraftState.AwaitingApproval))
        {
            Require(draft, WorkflowAction.Submit);
        }

        draft.State = DraftWorkflow.StateAt(stage, stages.Count);
        draft.Stage = stage;
        draft.Schedule = schedule;
    }

    /// <summary>The current stage's rule is met and another stage follows.</summary>
    public static void AdvanceTo(this Draft draft, int stage, int stageCount)
    {
        Require(draft, WorkflowAction.Decide);
        draft.State = DraftWorkflow.StateAt(stage, stageCount);
        draft.Stage = stage;
    }

    public static void RequestChanges(this Draft draft)
    {
        Require(draft, WorkflowAction.Decide);
        draft.State = DraftState.ChangesRequested;
        draft.Stage = null;
    }

    /// <summary>The last stage approved: the signed letter exists.</summary>
    public static void Approve(this Draft draft)
    {
        Require(draft, WorkflowAction.Decide);
        draft.State = DraftState.Approved;
        draft.Stage = null;
    }

    public static void MarkDispatched(this Draft draft, DateTime sentAt, string messageId)
    {
        Require(draft, WorkflowAction.MarkDispatched);
        draft.State = DraftState.Dispatched;
        draft.DispatchedAt = sentAt;
        draft.DispatchMessageId = messageId;
    }

    /// <summary>The publication record: both addresses, and the hash of each file published (the final PDF and web version).</summary>
    public static void Publish(this Draft draft, DateTime at, PublishedPackage package)
    {
        Require(draft, WorkflowAction.Publish);
        draft.State = DraftState.Published;
        draft.PublishedAt = at;
        draft.PublishedLetterUrl = package.PdfUrl;
        draft.PublishedWebUrl = package.WebUrl;
        draft.PublishedPdfSha256 = package.PdfSha256;
        draft.PublishedWebSha256 = package.WebSha256;
        draft.ChiefConstableCommentsUrl = package.ChiefConstableCommentsUrl;
    }

    private static void Require(Draft draft, WorkflowAction action)
    {
        if (DraftWorkflow.Refusal(draft.State, action) is { } refusal)
        {
            throw new InvalidOperationException($"Draft {draft.Id}: {action} while {draft.State}. {refusal}");
        }
    }
}
