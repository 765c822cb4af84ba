using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Audit;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Drafts;

namespace ResponseDrafter.Api.Workflow;

/// <summary>
/// What an edit does to sign-off. Every write to a draft goes through <see cref="RecordAsync"/> before its
/// SaveChanges: the editor becomes a contributor (so cannot approve it), the edit is audited, and an edit after
/// submission voids the decisions on the submitted version and sends the draft back to Drafting.
/// </summary>
public static class DraftEdits
{
    /// <summary>Null when the edit may go ahead (its consequences added to the unit of work); otherwise why not.</summary>
    public static async Task<string?> RecordAsync(DraftingDb db, Draft draft, Person editor, string what, DateTime now, CancellationToken cancellationToken)
    {
        if (DraftWorkflow.Refusal(draft.State, WorkflowAction.Edit) is { } refusal)
        {
            return refusal;
        }

        if (draft.DispatchRequestedAt is not null)
        {
            return "The signed letter is being sent to the Home Office, so the draft can no longer change.";
        }

        WorkflowApi.AddContributor(draft, editor);
        var stream = AuditTrail.DraftStream(draft.Id);
        if (draft.State is DraftState.InReview or DraftState.AwaitingApproval or DraftState.Approved)
        {
            var version = await db.DraftVersions.AsNoTracking()
                .Where(v => v.DraftId == draft.Id && v.Number == draft.VersionCount)
                .Select(v => new { v.Number, v.Sha256 })
                .FirstAsync(cancellationToken);
            var standing = await db.Decisions.Where(d => d.DraftId == draft.Id && d.VersionNumber == version.Number && d.VoidedAt == null).ToListAsync(cancellationToken);
            foreach (var decision in standing)
            {
                decision.VoidedAt = now;
            }

            if (await db.FinalLetters.FirstOrDefaultAsync(f => f.DraftId == draft.Id, cancellationToken) is { } final)
            {
                db.FinalLetters.Remove(final);
            }

            await AuditTrail.AppendAsync(db, new AuditRecord(stream, editor, "approval-voided", draft.Id, version.Sha256,
                $"{what} changed after version {version.Number} was submitted: {standing.Count} decision(s) on it are void, " +
                "and the draft must be submitted again."), now, cancellationToken);
            draft.Schedule = [];
        }

        draft.ReturnToDrafting();
        await AuditTrail.AppendAsync(db, new AuditRecord(stream, editor, "edited", draft.Id, null, what), now, cancellationToken);
        return null;
    }
}
