using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Documents.Drafting;

namespace ResponseDrafter.Api.Workflow;

/// <summary>
/// What an approver's pane asks as they read: has the text in Word moved away from the version sent to them, and what
/// would submitting it as a new version cost. The document is read and checked exactly as a decision or an approver's
/// new version reads it (<see cref="DraftUploads"/>), so the pane's answer and the server's refusal never disagree.
/// </summary>
public static class OpenDocumentReview
{
    public static async Task<Results<Ok<OpenDocumentDto>, NotFound, ValidationProblem, ProblemHttpResult>> Compare(
        Guid id, DraftingDb db, TimeProvider clock, CurrentPerson caller, HttpRequest request, CancellationToken cancellationToken)
    {
        var draft = await db.Drafts.AsNoTracking().Include(d => d.Report).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        var versions = await db.DraftVersions.AsNoTracking().Where(v => v.DraftId == id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return WorkflowApi.Illegal("Nothing has been submitted yet, so there is no version to compare the document with.");
        }

        var (_, open, unread) = await DraftUploads.ReadAsync(request, draft.Id, cancellationToken);
        switch (unread)
        {
            case ValidationProblem validation:
                return validation;
            case ProblemHttpResult problem:
                return problem;
        }

        var current = versions[^1];
        var openVersion = versions.LastOrDefault(v => open!.Paragraphs.SequenceEqual(v.Text, StringComparer.Ordinal))?.Number;
        var edits = openVersion is null ? LetterText.Edits(current.Text, open!.Paragraphs) : [];
        if (edits.Count == 0)
        {
            return TypedResults.Ok(new OpenDocumentDto(current.Number, openVersion, edits, null, null));
        }

        var profile = await db.Profiles.AsNoTracking().FirstAsync(cancellationToken);
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.RevokedAt == null).ToListAsync(cancellationToken);
        var right = DraftWorkflow.MayEditAsApprover(draft, current, profile.SignOff, caller.Person, delegations, clock.Today());
        if (right.Refusal is { } refusal)
        {
            return TypedResults.Ok(new OpenDocumentDto(current.Number, null, edits, null, refusal));
        }

        if (DocumentIndex.AssuranceChanges(LetterDocument.Read(current.Docx).Document!, open!) is { Count: > 0 } tampered)
        {
            var names = string.Join(", ", tampered.Select(t => t.Ref).Distinct().Select(draft.Report!.NameOf));
            return TypedResults.Ok(new OpenDocumentDto(current.Number, null, edits, null,
                $"The force's assurance was changed ({names}). The law publishes the chief constable's comments as they were given: " +
                "put the force's text back as it was, then submit your other changes."));
        }

        var standing = await db.Decisions.AsNoTracking()
            .Where(d => d.DraftId == id && d.VersionNumber == current.Number && d.VoidedAt == null && d.Kind == DecisionKind.Approved)
            .OrderBy(d => d.At)
            .Select(d => new StandingApproval(d.By, d.OnBehalfOf, d.StageName))
            .ToListAsync(cancellationToken);
        var restart = profile.SignOff.RestartStage();
        var outcome = new ApproverEditOutcome(current.Number + 1, standing, restart, profile.SignOff.Stages[restart].Name);
        return TypedResults.Ok(new OpenDocumentDto(current.Number, null, edits, outcome, null));
    }
}
