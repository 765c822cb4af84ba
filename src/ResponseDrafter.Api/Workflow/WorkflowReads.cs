using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Documents.Publication;

namespace ResponseDrafter.Api.Workflow;

/// <summary>Reading sign-off: the workflow, an approver's review, frozen versions and the signed letter.</summary>
public static class WorkflowReads
{
    public static async Task<Results<Ok<WorkflowDto>, NotFound>> Get(Guid id, DraftingDb db, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        response.SetETag(draft.Version);
        return TypedResults.Ok(await DtoAsync(db, draft, cancellationToken));
    }

    public static async Task<Results<Ok<ReviewDto>, NotFound, ValidationProblem>> Review(
        Guid id, int? since, DraftingDb db, TimeProvider clock, CurrentPerson user, CancellationToken cancellationToken)
    {
        var draft = await db.Drafts.AsNoTracking().Include(d => d.Report).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        var versions = await db.DraftVersions.AsNoTracking().Where(v => v.DraftId == id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.DraftId == id).OrderBy(d => d.At).ToListAsync(cancellationToken);
        if (since is { } asked && versions.All(v => v.Number != asked))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["since"] = [$"There is no version {asked}."] });
        }

        var caller = user.Person;
        var current = versions.LastOrDefault();

        // "Since your last look": the version this person last decided on, else the one before the current one.
        var lastDecided = decisions.LastOrDefault(d => d.By.Id == caller.Id && d.VersionNumber != current?.Number)?.VersionNumber;
        var comparedWith = since ?? lastDecided ?? (current?.Number > 1 ? current.Number - 1 : null);
        var baseline = versions.FirstOrDefault(v => v.Number == comparedWith);
        var changes = current is null || baseline is null ? [] : LetterText.Compare(baseline.Text, current.Text);

        var signOff = (await db.Profiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken))?.SignOff ?? new SignOffSettings();
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.RevokedAt == null).ToListAsync(cancellationToken);
        var right = DraftWorkflow.MayDecide(draft, current, signOff, caller, delegations, decisions, clock.Today());
        var stageName = signOff.StageAt(draft.Stage)?.Name;
        return TypedResults.Ok(new ReviewDto(
            draft.Id, draft.Report!.Title, draft.State, draft.Stage, stageName, current?.AsDto(), baseline?.Number, changes,
            decisions.Select(d => d.AsDto()).ToList(), right.Refusal is null, right.Refusal, right.Acting is { IsDeputy: true } acting ? acting.Approver : null));
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> VersionDocument(Guid id, int number, DraftingDb db, CancellationToken cancellationToken)
    {
        var version = await db.DraftVersions.AsNoTracking().FirstOrDefaultAsync(v => v.DraftId == id && v.Number == number, cancellationToken);
        if (version is null)
        {
            return TypedResults.NotFound();
        }

        var report = await db.Drafts.AsNoTracking().Where(d => d.Id == id).Select(d => d.Report!).FirstAsync(cancellationToken);
        return TypedResults.File(version.Docx, ProfilesApi.DocxContentType, DraftRendering.FileNameFor(report, number));
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> FinalDocument(Guid id, DraftingDb db, CancellationToken cancellationToken)
    {
        var final = await db.FinalLetters.AsNoTracking().FirstOrDefaultAsync(f => f.DraftId == id, cancellationToken);
        return final is null
            ? TypedResults.NotFound()
            : TypedResults.File(final.Docx, ProfilesApi.DocxContentType, "Signed response.docx");
    }

    public static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> FinalPdf(Guid id, DraftingDb db, CancellationToken cancellationToken)
    {
        var final = await db.FinalLetters.AsNoTracking().FirstOrDefaultAsync(f => f.DraftId == id, cancellationToken);
        if (final is null)
        {
            return TypedResults.NotFound();
        }

        if (final.Pdf is null)
        {
            return Problems.Conflict("The PDF is not ready yet", "It is produced in the background just after approval; try again in a minute.");
        }

        var title = await db.Drafts.AsNoTracking().Where(d => d.Id == id).Select(d => d.Report!.Title).FirstAsync(cancellationToken);
        return TypedResults.File(final.Pdf, "application/pdf", LetterFiles.SignedPdf(title));
    }

    /// <summary>
    /// The web version, always as an attachment: it is the OPCC's to publish on its own site, and is never rendered on the
    /// app's origin (the API's own policy for /api responses, default-src 'none', stands even if a browser ignored that).
    /// </summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> FinalWeb(Guid id, DraftingDb db, CancellationToken cancellationToken)
    {
        var final = await db.FinalLetters.AsNoTracking().Where(f => f.DraftId == id).Select(f => new { f.Html }).FirstOrDefaultAsync(cancellationToken);
        if (final is null)
        {
            return TypedResults.NotFound();
        }

        if (final.Html is null)
        {
            return Problems.Conflict("The web version is not ready yet", "It is made in the background with the PDF just after approval; try again in a minute.");
        }

        var title = await db.Drafts.AsNoTracking().Where(d => d.Id == id).Select(d => d.Report!.Title).FirstAsync(cancellationToken);
        return TypedResults.File(final.Html, WebVersion.ContentType, LetterFiles.SignedWeb(title));
    }

    public static async Task<WorkflowDto> DtoAsync(DraftingDb db, Draft draft, CancellationToken cancellationToken)
    {
        var versions = await db.DraftVersions.AsNoTracking().Where(v => v.DraftId == draft.Id).OrderBy(v => v.Number)
            .Select(v => new DraftVersion
            {
                DraftId = v.DraftId, Number = v.Number, Sha256 = v.Sha256, DraftVersionNumber = v.DraftVersionNumber,
                SubmittedBy = v.SubmittedBy, SubmittedAt = v.SubmittedAt, WebUrl = v.WebUrl,
            })
            .ToListAsync(cancellationToken);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.DraftId == draft.Id).OrderBy(d => d.At).ToListAsync(cancellationToken);
        var final = await db.FinalLetters.AsNoTracking().Where(f => f.DraftId == draft.Id)
            .Select(f => new FinalLetter
            {
                ApprovedVersion = f.ApprovedVersion, ApprovedSha256 = f.ApprovedSha256, DocxSha256 = f.DocxSha256, SignedOn = f.SignedOn,
                PdfSha256 = f.PdfSha256, DocxWebUrl = f.DocxWebUrl, PdfWebUrl = f.PdfWebUrl, HtmlSha256 = f.HtmlSha256, HtmlWebUrl = f.HtmlWebUrl,
            })
            .FirstOrDefaultAsync(cancellationToken);
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var stage = profile?.SignOff.StageAt(draft.Stage);
        return new WorkflowDto(
            draft.Id,
            draft.State,
            draft.Stage,
            stage?.Name,
            Holders(draft, stage, decisions),
            draft.Schedule,
            versions.Select(v => v.AsDto()).ToList(),
            decisions.Select(d => d.AsDto()).ToList(),
            final is null ? null : await FinalDtoAsync(db, draft, final, cancellationToken),
            draft.DispatchRequestedAt is { } requested ? new DispatchDto(WorkflowMapping.Utc(requested), draft.DispatchedAt is { } sent ? WorkflowMapping.Utc(sent) : null, draft.DispatchMessageId) : null,
            draft.PublishedAt is { } published
                ? new PublicationDto(WorkflowMapping.Utc(published), draft.PublishedLetterUrl!, draft.PublishedWebUrl, draft.PublishedPdfSha256, draft.PublishedWebSha256, draft.ChiefConstableCommentsUrl)
                : null,
            draft.Version);
    }

    private static async Task<FinalDto> FinalDtoAsync(DraftingDb db, Draft draft, FinalLetter final, CancellationToken cancellationToken)
    {
        var title = await ReportTitleAsync(db, draft, cancellationToken);
        return final.AsDto() with { PdfFileName = LetterFiles.SignedPdf(title), WebFileName = LetterFiles.SignedWeb(title) };
    }

    private static async Task<string> ReportTitleAsync(DraftingDb db, Draft draft, CancellationToken cancellationToken) =>
        draft.Report?.Title ?? await db.Reports.AsNoTracking().Where(r => r.Id == draft.ReportId).Select(r => r.Title).FirstAsync(cancellationToken);

    /// <summary>Who the draft is waiting for: the stage's approvers yet to approve, or else its drafters.</summary>
    public static IReadOnlyList<Person> Holders(Draft draft, ApprovalStage? stage, IReadOnlyList<Decision> decisions)
    {
        if (draft.State is DraftState.InReview or DraftState.AwaitingApproval && stage is not null)
        {
            var approved = decisions
                .Where(d => d.VersionNumber == draft.VersionCount && d.Stage == draft.Stage && d.Kind == DecisionKind.Approved && d.VoidedAt is null)
                .Select(d => (d.OnBehalfOf ?? d.By).Id)
                .ToHashSet(StringComparer.Ordinal);
            return stage.Approvers.Where(a => !approved.Contains(a.Id)).ToList();
        }

        return draft.State == DraftState.Published ? [] : draft.Contributors;
    }
}
