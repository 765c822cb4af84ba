using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Api.Audit;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Api.Drafts;

public static partial class DraftsApi
{
    public static RouteGroupBuilder MapDrafts(this RouteGroupBuilder api)
    {
        var drafts = api.MapGroup("/drafts").RequireAuthorization(Policies.Reader).WithTags("Drafts");
        drafts.MapGet("/", List).WithSummary("This OPCC's drafts, most recently changed first.");
        drafts.MapPost("/", Create).RequireAuthorization(Policies.Drafter)
            .WithSummary("Starts a draft from a report: applicable items selected, profile defaults copied in.");
        drafts.MapGet("/{id:guid}", Get).WithSummary("One draft (ETag = its version).");
        drafts.MapPut("/{id:guid}", PutLetter).RequireAuthorization(Policies.Drafter)
            .WithSummary("Replaces the letter-level fields (If-Match required).");
        drafts.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Drafter).WithSummary("Deletes a draft (If-Match required).");
        drafts.MapPut("/{id:guid}/selection", PutSelection).RequireAuthorization(Policies.Drafter)
            .WithSummary("Chooses which recommendations and sub-items the letter answers (If-Match required).");
        drafts.MapPut("/{id:guid}/responses/{itemRef}", PutResponse).RequireAuthorization(Policies.Drafter)
            .WithSummary("Sets the commissioner's commentary, status and reason for one item (If-Match required).");
        drafts.MapPut("/{id:guid}/responses/{itemRef}/assurance", PutAssurance).RequireAuthorization(Policies.Drafter)
            .WithBodyLimit(RequestLimits.Upload)
            .Accepts<AssuranceInput>("application/json", "multipart/form-data")
            .WithMetadata(new MultipartForm(typeof(AssuranceUpload)))
            .WithSummary("Records the force's assurance for one item (If-Match required).")
            .WithDescription("Pasted text as application/json, or the force's file as multipart/form-data: a part named \"file\" " +
                "(text/plain or text/markdown) and fields suppliedBy, presentation, summary. The server records the date received, " +
                "the file name and the SHA-256 of the bytes received.");
        drafts.MapDelete("/{id:guid}/responses/{itemRef}/assurance", DeleteAssurance).RequireAuthorization(Policies.Drafter)
            .WithSummary("Removes the assurance for one item (If-Match required).");
        drafts.MapGet("/{id:guid}/status", Status).WithSummary("Completeness gaps and the statutory deadline.");
        drafts.MapGet("/{id:guid}/document", Render).WithSummary("The current draft as a Word document.")
            .Produces(StatusCodes.Status200OK, contentType: ProfilesApi.DocxContentType);
        return api;
    }

    public static async Task<Ok<List<DraftSummaryDto>>> List(DraftingDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var drafts = await db.Drafts.AsNoTracking().Include(d => d.Report).OrderByDescending(d => d.UpdatedAt).ToListAsync(cancellationToken);
        var signOff = (await db.Profiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken))?.SignOff ?? new SignOffSettings();
        var withApprovers = drafts.Where(d => d.Stage is not null).Select(d => d.Id).ToList();
        var decisions = (await db.Decisions.AsNoTracking().Where(d => withApprovers.Contains(d.DraftId) && d.VoidedAt == null).ToListAsync(cancellationToken))
            .ToLookup(d => d.DraftId);
        var today = clock.Today();
        return TypedResults.Ok(drafts.Select(d => d.AsSummary(d.Report!, today, signOff, [.. decisions[d.Id]])).ToList());
    }

    public static async Task<Results<Created<DraftDto>, ValidationProblem, ProblemHttpResult>> Create(
        NewDraftInput input, DraftingDb db, TimeProvider clock, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        var report = input.ReportId is { } reportId
            ? await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken)
            : null;
        if (report is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["reportId"] = [input.ReportId is null ? "Is required." : "No report with this id in your catalogue."],
            });
        }

        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return NoProfile();
        }

        var createdBy = user.FindFirst(Claims.Name)?.Value is { } name ? name[..Math.Min(name.Length, 200)] : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = DraftLetter.Start(report, profile, createdBy, now);
        var creator = DraftWorkflow.PersonOf(user);
        WorkflowApi.AddContributor(draft, creator);
        db.Drafts.Add(draft);
        await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draft.Id), creator, "created", draft.Id, null,
            $"Draft started from the report \"{report.Title}\"."), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        response.SetETag(draft.Version);
        return TypedResults.Created($"/api/drafts/{draft.Id}", draft.AsDto(report));
    }

    public static async Task<Results<Ok<DraftDto>, NotFound>> Get(Guid id, DraftingDb db, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await LoadAsync(db, id, tracked: false, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        response.SetETag(draft.Version);
        return TypedResults.Ok(draft.AsDto(draft.Report!));
    }

    public static async Task<Results<Ok<DraftDto>, NotFound, ValidationProblem, ProblemHttpResult>> PutLetter(
        Guid id, DraftLetterInput input, DraftingDb db, TimeProvider clock, ClaimsPrincipal user, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await LoadAsync(db, id, tracked: true, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(request, draft.Version) is { } failed)
        {
            return failed;
        }

        var errors = DraftRules.Check(input, draft.Report!);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        input.ApplyTo(draft);
        return await SaveAsync(draft, db, clock, user, "The letter's fields", response, cancellationToken);
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(
        Guid id, DraftingDb db, TimeProvider clock, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var draft = await LoadAsync(db, id, tracked: true, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(request, draft.Version) is { } failed)
        {
            return failed;
        }

        if (draft.State is DraftState.Approved or DraftState.Dispatched or DraftState.Published)
        {
            return WorkflowApi.Illegal($"This draft is {DraftWorkflow.Describe(draft.State)}; its record is kept and it cannot be deleted.");
        }

        db.Drafts.Remove(draft);
        await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draft.Id), DraftWorkflow.PersonOf(user), "deleted", draft.Id, null,
            $"Draft for \"{draft.Report!.Title}\" deleted in state {draft.State}."), clock.GetUtcNow().UtcDateTime, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed();
        }

        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<DraftDto>, NotFound, ValidationProblem, ProblemHttpResult>> PutSelection(
        Guid id, SelectionInput input, DraftingDb db, TimeProvider clock, ClaimsPrincipal user, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await LoadAsync(db, id, tracked: true, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(request, draft.Version) is { } failed)
        {
            return failed;
        }

        var (refs, errors) = DraftRules.CheckSelection(input, draft.Report!);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        // Responses of deselected items are kept: selecting the item again brings them back.
        draft.Selection = refs;
        return await SaveAsync(draft, db, clock, user, "The selection of recommendations", response, cancellationToken);
    }

    public static async Task<Results<Ok<DraftDto>, NotFound, ValidationProblem, ProblemHttpResult>> PutResponse(
        Guid id, string itemRef, ResponseInput input, DraftingDb db, TimeProvider clock, ClaimsPrincipal user, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await LoadAsync(db, id, tracked: true, cancellationToken);
        var canonical = draft is null ? null : DraftRules.Canonical(draft.Report!, itemRef);
        if (draft is null || canonical is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(request, draft.Version) is { } failed)
        {
            return failed;
        }

        var errors = DraftRules.Check(input);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var item = draft.ResponseFor(canonical);
        item.Commentary = string.IsNullOrWhiteSpace(input.Commentary) ? null : input.Commentary;
        item.Status = input.Status;
        item.Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason;
        return await SaveAsync(draft, db, clock, user, $"The response to {canonical}", response, cancellationToken);
    }

    public static async Task<Results<Ok<DraftDto>, NotFound, ValidationProblem, ProblemHttpResult>> PutAssurance(
        Guid id, string itemRef, DraftingDb db, TimeProvider clock, ClaimsPrincipal user, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await LoadAsync(db, id, tracked: true, cancellationToken);
        var canonical = draft is null ? null : DraftRules.Canonical(draft.Report!, itemRef);
        if (draft is null || canonical is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(request, draft.Version) is { } failed)
        {
            return failed;
        }

        var receipt = await AssuranceReceipt.ReadAsync(request, clock.Today(), cancellationToken);
        switch (receipt.Problem)
        {
            case ValidationProblem validation:
                return validation;
            case ProblemHttpResult problem:
                return problem;
        }

        var received = receipt.Assurance!;
        var item = draft.ResponseFor(canonical);
        item.AssuranceText = received.Text;
        item.AssurancePresentation = received.Presentation;
        item.AssuranceSummary = received.Summary;
        item.SuppliedBy = received.SuppliedBy;
        item.ReceivedOn = received.ReceivedOn;
        item.SourceFileName = received.SourceFileName;
        item.Sha256 = received.Sha256;
        return await SaveAsync(draft, db, clock, user, $"The assurance for {canonical}", response, cancellationToken);
    }

    public static async Task<Results<Ok<DraftDto>, NotFound, ValidationProblem, ProblemHttpResult>> DeleteAssurance(
        Guid id, string itemRef, DraftingDb db, TimeProvider clock, ClaimsPrincipal user, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await LoadAsync(db, id, tracked: true, cancellationToken);
        var canonical = draft is null ? null : DraftRules.Canonical(draft.Report!, itemRef);
        if (draft is null || canonical is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(request, draft.Version) is { } failed)
        {
            return failed;
        }

        draft.ResponseFor(canonical).ClearAssurance();
        return await SaveAsync(draft, db, clock, user, $"The assurance for {canonical} (removed)", response, cancellationToken);
    }

    public static async Task<Results<Ok<DraftStatusDto>, NotFound, ProblemHttpResult>> Status(
        Guid id, DraftingDb db, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await LoadAsync(db, id, tracked: false, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return NoProfile();
        }

        var today = clock.Today();
        var report = draft.Report!;
        var letter = DraftLetter.Build(draft, report, profile, today);
        var gaps = Completeness.Check(letter);
        var problems = DraftLetter.Errors(LetterValidator.Validate(letter), letter);
        response.SetETag(draft.Version);
        return TypedResults.Ok(new DraftStatusDto(draft.Version, gaps.Count == 0 && problems.Count == 0, gaps, problems, report.PublishedOn, ReportMapping.DeadlineFor(report.PublishedOn, today)));
    }

    public static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Render(
        Guid id, DraftingDb db, IMemoryCache templates, TimeProvider clock, HttpResponse response, ILogger<Draft> logger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var draft = await LoadAsync(db, id, tracked: false, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return NoProfile();
        }

        var template = await DraftRendering.TemplateAsync(db, templates, cancellationToken);
        if (template.Problems.Count > 0)
        {
            return Problems.Unprocessable("The OPCC's template has problems; upload a corrected one.", ProfilesApi.TemplateProblems(template.Problems));
        }

        var letter = DraftLetter.Build(draft, draft.Report!, profile, clock.Today());
        var result = Documents.Assembly.LetterAssembler.Assemble(letter, template.Template!);
        if (result.Letter is null)
        {
            return Problems.Unprocessable("The draft cannot be made into a letter yet.", DraftLetter.Errors(result.Problems, letter));
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        LogRendered(logger, draft.Id, draft.Version, result.Letter.Gaps.Count, elapsed.TotalMilliseconds);
        response.SetETag(draft.Version);
        return TypedResults.File(result.Letter.Docx, ProfilesApi.DocxContentType, DraftRendering.FileNameFor(draft.Report!, draft.Version));
    }

    private static ProblemHttpResult NoProfile() => Problems.Conflict(
        "The OPCC profile is not set up",
        "An administrator must set up the profile (letterhead, commissioner, recipients) before drafts can be started or rendered.");

    internal static async Task<Draft?> LoadAsync(DraftingDb db, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Drafts.Include(d => d.Report).Include(d => d.Responses).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    /// <summary>
    /// Every write to a draft ends here: its sign-off consequences recorded (DraftEdits), then one SaveChanges, so the
    /// draft row, its responses and the audit entry commit together or not at all; 412 if someone saved first.
    /// </summary>
    internal static async Task<Results<Ok<DraftDto>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Draft draft, DraftingDb db, TimeProvider clock, ClaimsPrincipal user, string what, HttpResponse response, CancellationToken cancellationToken)
    {
        var readVersion = draft.Version;
        var now = clock.GetUtcNow().UtcDateTime;
        if (await DraftEdits.RecordAsync(db, draft, DraftWorkflow.PersonOf(user), what, now, cancellationToken) is { } refusal)
        {
            return WorkflowApi.Illegal(refusal);
        }

        draft.Touch(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // A concurrent writer can trip over a response row it also inserted before the version check fails.
            if (exception is DbUpdateConcurrencyException
                || await db.Drafts.AsNoTracking().AnyAsync(d => d.Id == draft.Id && d.Version != readVersion, cancellationToken))
            {
                return Problems.PreconditionFailed();
            }

            throw;
        }

        response.SetETag(draft.Version);
        return TypedResults.Ok(draft.AsDto(draft.Report!));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rendered draft {DraftId} version {Version} ({Gaps} completeness gaps) in {ElapsedMs:F1} ms")]
    private static partial void LogRendered(ILogger logger, Guid draftId, int version, int gaps, double elapsedMs);
}

/// <summary>The multipart form of an assurance upload, as OpenAPI describes it.</summary>
public sealed record AssuranceUpload(IFormFile File, string SuppliedBy, AssurancePresentation? Presentation = null, string? Summary = null);
