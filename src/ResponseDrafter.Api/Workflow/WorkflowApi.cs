using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ResponseDrafter.Api.Audit;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Api.Workflow;

/// <summary>Sign-off: submission, decisions bound to a version's hash, dispatch and publication.</summary>
public static partial class WorkflowApi
{
    public static RouteGroupBuilder MapWorkflow(this RouteGroupBuilder api)
    {
        var drafts = api.MapGroup("/drafts").RequireAuthorization(Policies.Reader).WithTags("Sign-off");
        drafts.MapPost("/{id:guid}/submit", Submit).RequireAuthorization(Policies.Drafter)
            .WithSummary("Freezes the draft as a new version and sends it to the first approval stage (If-Match required).");
        drafts.MapGet("/{id:guid}/document/accessibility", LetterAccessibility.Get)
            .WithSummary("Word's Accessibility Checker on the draft's current document: each finding (error or advice) and where it is. Submission is refused while there are errors.");
        drafts.MapGet("/{id:guid}/workflow", WorkflowReads.Get).WithSummary("Where the draft is in sign-off, who holds it, versions and decisions.");
        drafts.MapGet("/{id:guid}/review", WorkflowReads.Review)
            .WithSummary("For the caller as approver: the version to decide on, what changed since they last decided, and the comments.");
        drafts.MapGet("/{id:guid}/versions/{number:int}/document", WorkflowReads.VersionDocument)
            .WithSummary("A frozen version's exact .docx bytes.").Produces(StatusCodes.Status200OK, contentType: ProfilesApi.DocxContentType);
        drafts.MapPost("/{id:guid}/decisions", Decide).WithBodyLimit(RequestLimits.Upload).RequireRateLimiting(RateLimits.Decisions)
            .Accepts<DecisionInput>("application/json", "multipart/form-data")
            .WithMetadata(new MultipartForm(typeof(DecisionUpload)))
            .WithSummary("Approves or requests changes to the version awaiting the caller's stage.")
            .WithDescription("JSON {decision: \"approve\" | \"request-changes\", versionSha256, comment} binds the decision to that version's hash. " +
                "From Word, multipart/form-data with the open document as \"document\": the server checks it is this draft's current version " +
                "and records its hash with the decision.");
        drafts.MapPost("/{id:guid}/versions", SubmitApproverEdits).WithBodyLimit(RequestLimits.Upload).RequireRateLimiting(RateLimits.Decisions)
            .Accepts<IFormFile>(Uploads.DocxContentType, "multipart/form-data")
            .WithSummary("An approver at the current stage submits the document they edited in Word as a new version.")
            .WithDescription("The body is the .docx (or a multipart part named \"document\"). The decisions on the current version become void " +
                "and the chain starts again at the stage the sign-off settings name (restartStageAfterApproverEdit, default the first).");
        drafts.MapPost("/{id:guid}/review/document", OpenDocumentReview.Compare).WithBodyLimit(RequestLimits.Upload).RequireRateLimiting(RateLimits.Decisions)
            .Accepts<IFormFile>(Uploads.DocxContentType, "multipart/form-data")
            .WithSummary("Sets the document open in Word against the version awaiting a decision: the paragraphs changed in it, and what " +
                "submitting them as a new version would do to the approvals already given.")
            .WithDescription("The body is the .docx (or a multipart part named \"document\"), as for POST …/versions. Nothing is saved.");
        drafts.MapPost("/{id:guid}/dispatch", Dispatch).RequireAuthorization(Policies.Drafter)
            .WithSummary("Sends the signed PDF to the Home Office and HM Chief Inspector, with the cc list (through the outbox).");
        drafts.MapPost("/{id:guid}/publication", Publish).RequireAuthorization(Policies.Drafter)
            .WithSummary("Records where the OPCC published the package (the PDF and the web version, both carrying the force's comments), with the hash of each.");
        drafts.MapGet("/{id:guid}/final/document", WorkflowReads.FinalDocument).WithSummary("The signed letter as .docx.")
            .Produces(StatusCodes.Status200OK, contentType: ProfilesApi.DocxContentType);
        drafts.MapGet("/{id:guid}/final/pdf", WorkflowReads.FinalPdf).WithSummary("The signed letter as PDF, once produced.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        drafts.MapGet("/{id:guid}/final/web", WorkflowReads.FinalWeb).WithSummary("The signed letter's web version (one HTML page), once made; always a download.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
        return api;
    }

    /// <summary>Freezes the draft's document exactly as it stands (what Word last saved, or the server's patch) as the next version.</summary>
    public static async Task<Results<Ok<WorkflowDto>, NotFound, ValidationProblem, ProblemHttpResult>> Submit(
        Guid id, DraftingDb db, IMemoryCache templates, TimeProvider clock, IUserDelegation delegation, CurrentPerson caller, HttpRequest request,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await DraftWrites.LoadAsync(db, id, tracked: true, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(request, draft.Version) is { } failed)
        {
            return failed;
        }

        if (DraftWorkflow.Refusal(draft.State, WorkflowAction.Submit) is { } refusal)
        {
            return Illegal(refusal);
        }

        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (profile is null || !profile.SignOff.IsConfigured)
        {
            return Problems.Conflict("Sign-off is not set up",
                "An administrator must set up the approval chain (stages and approvers) in the profile before drafts can be submitted.");
        }

        var (document, problem) = await DraftDocuments.CurrentAsync(db, templates, draft, caller.Person, clock, cancellationToken);
        if (document is null)
        {
            return problem!;
        }

        var today = clock.Today();
        var report = draft.Report!;
        var letter = DraftLetter.Build(draft, report, profile, today);
        var read = DraftDocuments.Read(document, templates);
        var gaps = DocumentIndex.Gaps(draft, report, letter, read);
        var problems = LetterValidator.Validate(letter);
        if (gaps.Count > 0 || problems.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The letter is not complete",
                detail: "Every recommendation the letter answers needs a response with a status (and a reason for no action) before the draft can be submitted.",
                extensions: new Dictionary<string, object?> { ["gaps"] = gaps, ["errors"] = DraftLetter.Errors(problems, letter) });
        }

        if (read.MarkedDraft)
        {
            return Problems.Conflict("The document still says DRAFT",
                "The letter is complete, but its pages still carry the DRAFT line. Update the letter (Build in Word, or POST …/document/assemble), then submit.");
        }

        if (LetterAccessibility.Refusal(document.Docx, templates) is { } inaccessible)
        {
            return inaccessible;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var submitter = caller.Person;
        AddContributor(draft, submitter);
        var version = new DraftVersion
        {
            DraftId = draft.Id,
            Number = draft.VersionCount + 1,
            Docx = document.Docx,
            Sha256 = document.Sha256,
            DraftVersionNumber = draft.Version,
            LetterDate = letter.Date,
            Text = [.. read.Paragraphs],
            Authors = [.. draft.Contributors],
            SubmittedBy = submitter,
            SubmittedAt = now,
            Signature = profile.SignOff.Signature,
        };
        var userSession = await delegation.BeginAsync(caller.Principal, cancellationToken);
        var stages = profile.SignOff.Stages;
        await FreezeAsync(db, draft, version, 0, stages, StatutoryDeadline.For(report.PublishedOn), userSession, request, now, cancellationToken);
        await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draft.Id), submitter, "submitted", draft.Id, version.Sha256,
            $"Version {version.Number} submitted to stage 1 ({stages[0].Name}), due {draft.Schedule[0].DueOn:yyyy-MM-dd}."), now, cancellationToken);
        return await SaveAsync(db, draft, now, response, cancellationToken);
    }

    /// <summary>
    /// An approver's own edits, made in Word, become the next version: the decisions on the current one are void, the
    /// approver is named as its author in the audit, and the chain restarts at the stage the profile sets. The approver
    /// is not added to the version's authors, so they may still approve it; the drafters still may not.
    /// </summary>
    public static async Task<Results<Ok<WorkflowDto>, NotFound, ValidationProblem, ProblemHttpResult>> SubmitApproverEdits(
        Guid id, DraftingDb db, IMemoryCache templates, TimeProvider clock, IUserDelegation delegation, CurrentPerson caller, HttpRequest request,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await DraftWrites.LoadAsync(db, id, tracked: true, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        var current = await db.DraftVersions.FirstOrDefaultAsync(v => v.DraftId == draft.Id && v.Number == draft.VersionCount, cancellationToken);
        var profile = await db.Profiles.AsNoTracking().FirstAsync(cancellationToken);
        var today = clock.Today();
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.RevokedAt == null).ToListAsync(cancellationToken);
        var right = DraftWorkflow.MayEditAsApprover(draft, current, profile.SignOff, caller.Person, delegations, today);
        if (right.Refusal is { } refusal)
        {
            return right.Forbidden ? Problems.Forbidden(refusal) : Illegal(refusal);
        }

        var (bytes, edited, unread) = await DraftUploads.ReadAsync(request, draft.Id, cancellationToken);
        switch (unread)
        {
            case ValidationProblem validation:
                return validation;
            case ProblemHttpResult problem:
                return problem;
        }

        var submitted = LetterDocument.Read(current!.Docx).Document!;
        if (edited!.Paragraphs.SequenceEqual(current.Text, StringComparer.Ordinal))
        {
            return Illegal($"The document's text is version {current.Number}'s: there are no edits to submit. Approve it or request changes instead.");
        }

        if (DocumentIndex.AssuranceChanges(submitted, edited) is { Count: > 0 } tampered)
        {
            return DraftUploads.AssuranceChanged(tampered, draft.Report!);
        }

        if (LetterAccessibility.Refusal(bytes!, templates) is { } inaccessible)
        {
            return inaccessible;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var editor = caller.Person;
        var standing = await db.Decisions.Where(d => d.DraftId == draft.Id && d.VersionNumber == current.Number && d.VoidedAt == null).ToListAsync(cancellationToken);
        foreach (var decision in standing)
        {
            decision.VoidedAt = now;
        }

        var stages = profile.SignOff.Stages;
        var restart = profile.SignOff.RestartStage();
        var version = new DraftVersion
        {
            DraftId = draft.Id,
            Number = current.Number + 1,
            Docx = bytes!,
            Sha256 = edited.Sha256,
            DraftVersionNumber = draft.Version,
            LetterDate = current.LetterDate,
            Text = [.. edited.Paragraphs],
            Authors = current.Authors,
            SubmittedBy = editor,
            EditedByApprover = editor,
            SubmittedAt = now,
            Signature = current.Signature,
        };
        var (document, problem2) = await DraftDocuments.CurrentAsync(db, templates, draft, editor, clock, cancellationToken);
        if (document is null)
        {
            return problem2!;
        }

        document.Replace(bytes!, editor, now);
        DocumentIndex.ApplyTo(draft, edited);
        if (await DraftDocuments.RebaseAsync(db, templates, draft, document, clock, cancellationToken) is { } unrenderable)
        {
            return unrenderable;
        }

        var userSession = await delegation.BeginAsync(caller.Principal, cancellationToken);
        await FreezeAsync(db, draft, version, restart, stages, StatutoryDeadline.For(draft.Report!.PublishedOn), userSession, request, now, cancellationToken);
        var stageName = right.Stage!.Name;
        var onBehalf = right.Acting!.IsDeputy ? $" as deputy for {right.Acting.Approver.Name}" : string.Empty;
        await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draft.Id), editor, "approver-edited", draft.Id, version.Sha256,
            $"Version {version.Number} submitted by {editor.Name} ({stageName}{onBehalf}) with their own edits to version {current.Number}: " +
            $"{standing.Count} decision(s) on version {current.Number} are void; the chain restarts at stage {restart + 1} ({stages[restart].Name})."),
            now, cancellationToken);
        return await SaveAsync(db, draft, now, response, cancellationToken);
    }

    /// <summary>A new version goes to <paramref name="stage"/>: stored through the outbox, its stage's approvers told.</summary>
    private static async Task FreezeAsync(
        DraftingDb db, Draft draft, DraftVersion version, int stage, IReadOnlyList<ApprovalStage> stages, DateOnly deadline, string? userSession,
        HttpRequest request, DateTime now, CancellationToken cancellationToken)
    {
        db.DraftVersions.Add(version);
        draft.VersionCount = version.Number;
        draft.SendToStage(stage, stages, DraftWorkflow.Schedule(stages, deadline, Clock.InEngland(now)));
        OutboxWrites.Enqueue(db, OutboxKinds.StoreVersion, draft.Id, new StoreVersionPayload(draft.Id, version.Number, userSession), now);
        await NotifyStageAsync(db, draft, draft.Report!.Title, stages[stage], version.Number, stage, request, now, cancellationToken);
    }

    public static async Task<Results<Ok<WorkflowDto>, NotFound, ValidationProblem, ProblemHttpResult>> Decide(
        Guid id, DraftingDb db, TimeProvider clock, CurrentPerson caller, HttpRequest request, HttpResponse response,
        CancellationToken cancellationToken)
    {
        // The draft is found and the caller's right to decide checked before the body is read: an upload is parsed only
        // for someone who may decide on this draft now.
        var draft = await DraftWrites.LoadAsync(db, id, tracked: true, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        var current = await db.DraftVersions.FirstOrDefaultAsync(v => v.DraftId == draft.Id && v.Number == draft.VersionCount, cancellationToken);
        var profile = await db.Profiles.AsNoTracking().FirstAsync(cancellationToken);
        var today = clock.Today();
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.RevokedAt == null).ToListAsync(cancellationToken);
        var standing = await db.Decisions
            .Where(d => d.DraftId == draft.Id && d.VersionNumber == draft.VersionCount && d.Stage == draft.Stage && d.VoidedAt == null)
            .ToListAsync(cancellationToken);
        var right = DraftWorkflow.MayDecide(draft, current, profile.SignOff, caller.Person, delegations, standing, today);
        if (right.Refusal is { } refusal)
        {
            return right.Forbidden ? Problems.Forbidden(refusal) : Illegal(refusal);
        }

        var submitted = await DecisionReceipt.ReadAsync(request, cancellationToken);
        if (submitted.Problem is not null)
        {
            return submitted.Problem switch
            {
                ValidationProblem validation => validation,
                ProblemHttpResult problem => problem,
                _ => throw new InvalidOperationException("Unexpected decision problem."),
            };
        }

        var decision = submitted.Decision!;
        var (version, acting, stage) = (current!, right.Acting!, right.Stage!);
        var earlier = await db.DraftVersions.AsNoTracking().Where(v => v.DraftId == draft.Id && v.Number < version.Number)
            .Select(v => new EarlierVersion(v.Number, v.Text)).ToListAsync(cancellationToken);
        if (DecisionReceipt.Staleness(decision, draft, version, earlier) is { } stale)
        {
            return stale;
        }

        var stages = profile.SignOff.Stages;
        var stageIndex = draft.Stage ?? 0;

        var now = clock.GetUtcNow().UtcDateTime;
        var recorded = new Decision
        {
            Id = Guid.CreateVersion7(),
            DraftId = draft.Id,
            VersionNumber = version.Number,
            VersionSha256 = version.Sha256,
            DocumentSha256 = decision.DocumentSha256,
            Stage = stageIndex,
            StageName = stage.Name,
            Kind = decision.Kind,
            By = caller.Person,
            OnBehalfOf = acting.IsDeputy ? acting.Approver : null,
            DelegationId = acting.DelegationId,
            Comment = decision.Comment,
            At = now,
        };
        db.Decisions.Add(recorded);
        var onBehalf = acting.IsDeputy ? $" as deputy for {acting.Approver.Name}" : string.Empty;
        var report = draft.Report!;
        var link = Notifications.LinkTo(request, draft.Id);

        if (decision.Kind == DecisionKind.ChangesRequested)
        {
            draft.RequestChanges();
            Notifications.Enqueue(db, draft, report.Title, [version.SubmittedBy], Notifications.ChangesRequested, $"v{version.Number}-changes",
                $"{caller.Person.Name} asked for changes to version {version.Number}: {decision.Comment}", link, now);
            await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draft.Id), caller.Person, "changes-requested", draft.Id, version.Sha256,
                $"Stage {stageIndex + 1} ({stage.Name}){onBehalf}: {decision.Comment}"), now, cancellationToken);
            return await SaveAsync(db, draft, now, response, cancellationToken);
        }

        await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draft.Id), caller.Person, "approved", draft.Id, version.Sha256,
            $"Stage {stageIndex + 1} ({stage.Name}){onBehalf}" + (decision.Comment is null ? "." : $": {decision.Comment}")), now, cancellationToken);
        if (!DraftWorkflow.StageSatisfied(stage, [.. standing, recorded]))
        {
            return await SaveAsync(db, draft, now, response, cancellationToken);
        }

        if (stageIndex + 1 < stages.Count)
        {
            draft.AdvanceTo(stageIndex + 1, stages.Count);
            await NotifyStageAsync(db, draft, report.Title, stages[stageIndex + 1], version.Number, stageIndex + 1, request, now, cancellationToken);
            return await SaveAsync(db, draft, now, response, cancellationToken);
        }

        var signed = Sign(draft, version, today, now);
        db.FinalLetters.Add(signed);
        draft.Approve();
        OutboxWrites.Enqueue(db, OutboxKinds.Finalise, draft.Id, new FinalisePayload(draft.Id), now);
        Notifications.Enqueue(db, draft, report.Title, [version.SubmittedBy], Notifications.ResponseApproved, $"v{version.Number}-approved",
            $"Version {version.Number} is approved and signed; it can now be dispatched.", link, now);
        await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draft.Id), AuditTrail.System, "signed", draft.Id, version.Sha256,
            $"Signed letter produced from version {version.Number}: .docx SHA-256 {signed.DocxSha256}."), now, cancellationToken);
        return await SaveAsync(db, draft, now, response, cancellationToken);
    }

    public static async Task<Results<Ok<WorkflowDto>, NotFound, ValidationProblem, ProblemHttpResult>> Dispatch(
        Guid id, DraftingDb db, TimeProvider clock, CurrentPerson caller, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await DraftWrites.LoadAsync(db, id, tracked: true, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        if (DraftWorkflow.Refusal(draft.State, WorkflowAction.Dispatch) is { } refusal)
        {
            return Illegal(refusal);
        }

        if (draft.DispatchRequestedAt is not null)
        {
            return Illegal("Dispatch has already been requested; the letter is on its way.");
        }

        var profile = await db.Profiles.AsNoTracking().FirstAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(profile.SignOff.HomeOfficeMailbox) || string.IsNullOrWhiteSpace(profile.SignOff.ChiefInspectorMailbox))
        {
            return Problems.Conflict("Dispatch addresses are not set up",
                "An administrator must set the Home Office mailbox and HM Chief Inspector's address in the sign-off settings.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var final = await db.FinalLetters.AsNoTracking().FirstAsync(f => f.DraftId == draft.Id, cancellationToken);
        draft.DispatchRequestedAt = now;
        OutboxWrites.Enqueue(db, OutboxKinds.Dispatch, draft.Id, new DispatchPayload(draft.Id), now);
        await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draft.Id), caller.Person, "dispatch-requested", draft.Id,
            final.ApprovedSha256, $"To {profile.SignOff.HomeOfficeMailbox} and {profile.SignOff.ChiefInspectorMailbox}" +
            (profile.SignOff.CcEmails.Count > 0 ? $", cc {string.Join(", ", profile.SignOff.CcEmails)}." : ".")), now, cancellationToken);
        return await SaveAsync(db, draft, now, response, cancellationToken);
    }

    public static async Task<Results<Ok<WorkflowDto>, NotFound, ValidationProblem, ProblemHttpResult>> Publish(
        Guid id, PublicationInput input, DraftingDb db, TimeProvider clock, CurrentPerson caller, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await DraftWrites.LoadAsync(db, id, tracked: true, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        if (DraftWorkflow.Refusal(draft.State, WorkflowAction.Publish) is { } refusal)
        {
            return Illegal(refusal);
        }

        var errors = SignOffRules.Check(input);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var final = await db.FinalLetters.AsNoTracking().Where(f => f.DraftId == draft.Id)
            .Select(f => new { f.PdfSha256, f.HtmlSha256 }).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (final.PdfSha256 is null || final.HtmlSha256 is null)
        {
            // A letter signed before web versions were made has its finalise entry done: one more round makes only the web version.
            var finalising = await db.Outbox.AnyAsync(
                e => e.DraftId == draft.Id && e.Kind == OutboxKinds.Finalise && e.CompletedAt == null && e.FailedAt == null, cancellationToken);
            if (!finalising)
            {
                OutboxWrites.Enqueue(db, OutboxKinds.Finalise, draft.Id, new FinalisePayload(draft.Id), now);
                await db.SaveChangesAsync(cancellationToken);
            }

            return Problems.Conflict("The PDF and web version are not ready yet", "They are made in the background just after approval; try again in a minute.");
        }

        var comments = string.IsNullOrWhiteSpace(input.ChiefConstableCommentsUrl) ? null : input.ChiefConstableCommentsUrl.Trim();
        draft.Publish(now, new PublishedPackage(input.LetterUrl!.Trim(), input.WebUrl!.Trim(), final.PdfSha256, final.HtmlSha256, comments));
        await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draft.Id), caller.Person, "published", draft.Id, final.PdfSha256,
            $"PDF (SHA-256 {final.PdfSha256}) at {draft.PublishedLetterUrl}; web version (SHA-256 {final.HtmlSha256}) at {draft.PublishedWebUrl}" +
            (comments is null ? "." : $"; the force's own copy of its comments at {comments}.")),
            now, cancellationToken);
        return await SaveAsync(db, draft, now, response, cancellationToken);
    }

    internal static void AddContributor(Draft draft, Person person)
    {
        if (person.Id.Length > 0 && draft.Contributors.All(c => c.Id != person.Id))
        {
            draft.Contributors = [.. draft.Contributors, person];
        }
    }

    internal static ProblemHttpResult Illegal(string reason) => Problems.Conflict("Not possible now", reason);

    /// <summary>The stage's approvers, and the deputies acting for them today, are asked for their decision.</summary>
    private static async Task NotifyStageAsync(
        DraftingDb db, Draft draft, string reportTitle, ApprovalStage stage, int versionNumber, int stageIndex, HttpRequest request, DateTime now,
        CancellationToken cancellationToken)
    {
        var today = Clock.InEngland(now);
        var approverIds = stage.Approvers.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var deputies = (await db.Delegations.AsNoTracking().Where(d => d.RevokedAt == null).ToListAsync(cancellationToken))
            .Where(d => approverIds.Contains(d.Approver.Id) && d.IsActiveOn(today))
            .Select(d => d.Deputy);
        var due = draft.Schedule.FirstOrDefault(s => s.Stage == stageIndex)?.DueOn;
        Notifications.Enqueue(db, draft, reportTitle, [.. stage.Approvers, .. deputies], Notifications.ApprovalRequested,
            $"v{versionNumber}-stage{stageIndex + 1}", $"Version {versionNumber} awaits your decision ({stage.Name})" + (due is { } d ? $", due {UkDate.Format(d)}." : "."),
            Notifications.LinkTo(request, draft.Id), now);
    }

    /// <summary>
    /// The signed letter: the approved version's exact bytes with only its signature block completed (the signature
    /// picture kept with the version at submission, and today's date). Nothing here reads the live report, profile or template.
    /// </summary>
    private static FinalLetter Sign(Draft draft, DraftVersion version, DateOnly today, DateTime now)
    {
        var docx = LetterSigning.Sign(version.Docx, version.Signature, UkDate.Format(today, draft.DateStyle));
        return new FinalLetter
        {
            DraftId = draft.Id,
            ApprovedVersion = version.Number,
            ApprovedSha256 = version.Sha256,
            Docx = docx,
            DocxSha256 = DraftDocument.HashOf(docx),
            SignedOn = today,
            CreatedAt = now,
        };
    }

    /// <summary>One SaveChanges: the state change, its audit entry and its outbox entries commit together or not at all.</summary>
    private static async Task<Results<Ok<WorkflowDto>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        DraftingDb db, Draft draft, DateTime now, HttpResponse response, CancellationToken cancellationToken)
    {
        draft.Touch(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The draft's version is the concurrency token, and audit sequence numbers are a primary key: either way
            // someone else acted on this draft at the same moment, and nothing of this request was saved.
            return Problems.Conflict("Someone else acted on this draft at the same moment",
                "Nothing was saved. Read the draft again and retry if your action still applies.");
        }

        response.SetETag(draft.Version);
        return TypedResults.Ok(await WorkflowReads.DtoAsync(db, draft, cancellationToken));
    }
}
