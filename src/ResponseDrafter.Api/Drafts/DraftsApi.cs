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
using ResponseDrafter.Documents.Drafting;
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
        drafts.MapGet("/{id:guid}/document", Document).WithSummary("The draft's Word document as it stands: the draft itself (ETag = the draft's version).")
            .Produces(StatusCodes.Status200OK, contentType: ProfilesApi.DocxContentType);
        drafts.MapPut("/{id:guid}/document", SaveDocument).RequireAuthorization(Policies.Drafter).WithBodyLimit(RequestLimits.Upload).RequireRateLimiting(RateLimits.Uploads)
            .Accepts<IFormFile>(Uploads.DocxContentType, "multipart/form-data")
            .WithSummary("Saves the document from Word (If-Match required): its exact bytes become the draft and its regions are read back into the record.")
            .WithDescription("The body is the .docx (or a multipart part named \"document\"). It must carry this draft's identity, and the force's " +
                "assurance in it must be exactly as supplied; text outside the tagged regions is kept as it is.");
        drafts.MapPost("/{id:guid}/document/assemble", Assemble).RequireAuthorization(Policies.Drafter)
            .WithSummary("Brings the document in line with the record, the report, the profile and the template (If-Match required): " +
                "only regions whose content differs are patched; everything else in the document stays as it is.");
        return api;
    }

    public static async Task<Ok<List<DraftSummaryDto>>> List(DraftingDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var drafts = await db.Drafts.AsNoTracking().Include(d => d.Report).OrderByDescending(d => d.UpdatedAt).ToListAsync(cancellationToken);
        var signOff = (await db.Profiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken))?.SignOff ?? new SignOffSettings();
        var withApprovers = drafts.Where(d => d.Stage is not null).Select(d => d.Id).ToList();
        var decisions = (await db.Decisions.AsNoTracking().Where(d => withApprovers.Contains(d.DraftId) && d.VoidedAt == null).ToListAsync(cancellationToken))
            .ToLookup(d => d.DraftId);
        var stored = await StoredWebUrlsAsync(db, drafts, cancellationToken);
        var today = clock.Today();
        return TypedResults.Ok(drafts.Select(d => d.AsSummary(d.Report!, today, signOff, [.. decisions[d.Id]], stored.GetValueOrDefault(d.Id))).ToList());
    }

    /// <summary>
    /// The stored copy of the document people open now: the signed letter once approved, else the version with approvers.
    /// A draft being written has none: its document lives in the database until it is submitted.
    /// </summary>
    private static async Task<Dictionary<Guid, string?>> StoredWebUrlsAsync(DraftingDb db, List<Draft> drafts, CancellationToken cancellationToken)
    {
        var signed = drafts.Where(d => d.State is DraftState.Approved or DraftState.Dispatched or DraftState.Published).Select(d => d.Id).ToList();
        var withApprovers = drafts.Where(d => d.State is DraftState.InReview or DraftState.AwaitingApproval).Select(d => (d.Id, d.VersionCount)).ToList();
        var ids = withApprovers.Select(d => d.Id).ToList();
        var finals = await db.FinalLetters.AsNoTracking().Where(f => signed.Contains(f.DraftId))
            .Select(f => new { f.DraftId, f.DocxWebUrl }).ToListAsync(cancellationToken);
        var versions = await db.DraftVersions.AsNoTracking().Where(v => ids.Contains(v.DraftId))
            .Select(v => new { v.DraftId, v.Number, v.WebUrl }).ToListAsync(cancellationToken);
        var urls = finals.ToDictionary(f => f.DraftId, f => f.DocxWebUrl);
        foreach (var (id, current) in withApprovers)
        {
            urls[id] = versions.FirstOrDefault(v => v.DraftId == id && v.Number == current)?.WebUrl;
        }

        return urls;
    }

    public static async Task<Results<Created<DraftDto>, ValidationProblem, ProblemHttpResult>> Create(
        NewDraftInput input, DraftingDb db, IMemoryCache templates, TimeProvider clock, CurrentPerson caller, HttpResponse response, CancellationToken cancellationToken)
    {
        var report = input.ReportId is { } reportId
            ? await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken)
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
            return DraftRendering.NoProfile();
        }

        var createdBy = caller.Person.Name.Length > 0 ? caller.Person.Name[..Math.Min(caller.Person.Name.Length, 200)] : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = DraftLetter.Start(report, profile, createdBy, now);
        draft.Report = report;
        var creator = caller.Person;
        WorkflowApi.AddContributor(draft, creator);
        var (document, problem) = await DraftDocuments.CurrentAsync(db, templates, draft, creator, clock, cancellationToken);
        if (document is null)
        {
            return problem!;
        }

        db.Drafts.Add(draft);
        await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draft.Id), creator, "created", draft.Id, null,
            $"Draft started from the report \"{report.Title}\"."), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        response.SetETag(draft.Version);
        return TypedResults.Created($"/api/drafts/{draft.Id}", draft.AsDto(report));
    }

    public static async Task<Results<Ok<DraftDto>, NotFound>> Get(Guid id, DraftingDb db, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await DraftWrites.LoadAsync(db, id, tracked: false, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        response.SetETag(draft.Version);
        return TypedResults.Ok(draft.AsDto(draft.Report!));
    }

    public static async Task<Results<Ok<DraftDto>, NotFound, ValidationProblem, ProblemHttpResult>> PutLetter(
        Guid id, DraftLetterInput input, DraftingDb db, IMemoryCache templates, TimeProvider clock, CurrentPerson caller, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
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

        var errors = DraftRules.Check(input, draft.Report!);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        input.ApplyTo(draft);
        return await DraftWrites.SaveAsync(draft, db, templates, clock, caller, "The letter's fields", response, cancellationToken);
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(
        Guid id, DraftingDb db, IMemoryCache templates, TimeProvider clock, CurrentPerson caller, HttpRequest request, CancellationToken cancellationToken)
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

        if (draft.State is DraftState.Approved or DraftState.Dispatched or DraftState.Published)
        {
            return WorkflowApi.Illegal($"This draft is {DraftWorkflow.Describe(draft.State)}; its record is kept and it cannot be deleted.");
        }

        db.Drafts.Remove(draft);
        await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draft.Id), caller.Person, "deleted", draft.Id, null,
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
        Guid id, SelectionInput input, DraftingDb db, IMemoryCache templates, TimeProvider clock, CurrentPerson caller, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
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

        var (refs, errors) = DraftRules.CheckSelection(input, draft.Report!);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        // Responses of deselected items are kept: selecting the item again brings them back.
        draft.Selection = refs;
        return await DraftWrites.SaveAsync(draft, db, templates, clock, caller, "The selection of recommendations", response, cancellationToken);
    }

    public static async Task<Results<Ok<DraftDto>, NotFound, ValidationProblem, ProblemHttpResult>> PutResponse(
        Guid id, string itemRef, ResponseInput input, DraftingDb db, IMemoryCache templates, TimeProvider clock, CurrentPerson caller, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await DraftWrites.LoadAsync(db, id, tracked: true, cancellationToken);
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
        return await DraftWrites.SaveAsync(draft, db, templates, clock, caller, $"The response to {canonical}", response, cancellationToken);
    }

    public static async Task<Results<Ok<DraftDto>, NotFound, ValidationProblem, ProblemHttpResult>> PutAssurance(
        Guid id, string itemRef, DraftingDb db, IMemoryCache templates, TimeProvider clock, CurrentPerson caller, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await DraftWrites.LoadAsync(db, id, tracked: true, cancellationToken);
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
        return await DraftWrites.SaveAsync(draft, db, templates, clock, caller, $"The assurance for {canonical}", response, cancellationToken);
    }

    public static async Task<Results<Ok<DraftDto>, NotFound, ValidationProblem, ProblemHttpResult>> DeleteAssurance(
        Guid id, string itemRef, DraftingDb db, IMemoryCache templates, TimeProvider clock, CurrentPerson caller, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await DraftWrites.LoadAsync(db, id, tracked: true, cancellationToken);
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
        return await DraftWrites.SaveAsync(draft, db, templates, clock, caller, $"The assurance for {canonical} (removed)", response, cancellationToken);
    }

    public static async Task<Results<Ok<DraftStatusDto>, NotFound, ProblemHttpResult>> Status(
        Guid id, DraftingDb db, IMemoryCache templates, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await DraftWrites.LoadAsync(db, id, tracked: false, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var (docx, problem) = profile is null ? (null, DraftRendering.NoProfile()) : await DraftDocuments.BytesAsync(db, templates, draft, clock, cancellationToken);
        if (docx is null)
        {
            return problem!;
        }

        var today = clock.Today();
        var report = draft.Report!;
        var letter = DraftLetter.Build(draft, report, profile!, today);
        var gaps = DocumentIndex.Gaps(draft, report, letter, LetterDocument.Read(docx).Document!);
        var problems = DraftLetter.Errors(LetterValidator.Validate(letter), letter);
        response.SetETag(draft.Version);
        return TypedResults.Ok(new DraftStatusDto(
            draft.Version, gaps.Count == 0 && problems.Count == 0, gaps, problems, report.PublishedOn, ReportMapping.DeadlineFor(report.PublishedOn, today), EmptyParts.Of(letter)));
    }

    public static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Document(
        Guid id, DraftingDb db, IMemoryCache templates, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var draft = await DraftWrites.LoadAsync(db, id, tracked: false, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        var (docx, problem) = await DraftDocuments.BytesAsync(db, templates, draft, clock, cancellationToken);
        if (docx is null)
        {
            return problem!;
        }

        response.SetETag(draft.Version);
        return TypedResults.File(docx, ProfilesApi.DocxContentType, DraftRendering.FileNameFor(draft.Report!, draft.Version));
    }

    /// <summary>
    /// The document as Word saved it becomes the draft, byte for byte, once it has passed the checks an upload from
    /// outside gets; the record is then read back from it. The force's assurance is the one thing it may not change.
    /// </summary>
    public static async Task<Results<Ok<DraftDto>, NotFound, ValidationProblem, ProblemHttpResult>> SaveDocument(
        Guid id, DraftingDb db, IMemoryCache templates, TimeProvider clock, CurrentPerson caller, HttpRequest request, HttpResponse response,
        CancellationToken cancellationToken)
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

        var (bytes, saved, unread) = await DraftUploads.ReadAsync(request, draft.Id, cancellationToken);
        switch (unread)
        {
            case ValidationProblem validation:
                return validation;
            case ProblemHttpResult problem:
                return problem;
        }

        var (current, currentProblem) = await DraftDocuments.CurrentAsync(db, templates, draft, caller.Person, clock, cancellationToken);
        if (current is null)
        {
            return currentProblem!;
        }

        var before = DraftDocuments.Read(current, templates);
        if (DocumentIndex.AssuranceChanges(before, saved!) is { Count: > 0 } tampered)
        {
            return DraftUploads.AssuranceChanged(tampered, draft.Report!);
        }

        if (draft.State is not (DraftState.Drafting or DraftState.ChangesRequested) && before.Paragraphs.SequenceEqual(saved!.Paragraphs, StringComparer.Ordinal))
        {
            // Word saving a document nobody changed must not withdraw it from its approvers.
            response.SetETag(draft.Version);
            return TypedResults.Ok(draft.AsDto(draft.Report!));
        }

        DocumentIndex.ApplyTo(draft, saved!);
        current.Replace(bytes!, caller.Person, clock.GetUtcNow().UtcDateTime);
        if (RecordChanged(db, draft) && await DraftDocuments.RebaseAsync(db, templates, draft, current, clock, cancellationToken) is { } unrenderable)
        {
            return unrenderable;
        }

        return await DraftWrites.SaveAsync(draft, db, templates, clock, caller, "The document (saved from Word)", response, cancellationToken, DocumentChange.AsSaved);
    }

    public static async Task<Results<Ok<DraftDto>, NotFound, ValidationProblem, ProblemHttpResult>> Assemble(
        Guid id, DraftingDb db, IMemoryCache templates, TimeProvider clock, CurrentPerson caller, HttpRequest request, HttpResponse response,
        CancellationToken cancellationToken)
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

        var (current, problem) = await DraftDocuments.CurrentAsync(db, templates, draft, caller.Person, clock, cancellationToken);
        var (rendered, renderProblem) = current is null ? (null, problem) : await DraftRendering.RenderAsync(db, templates, draft, clock.Today(), cancellationToken);
        if (rendered is null)
        {
            return renderProblem!;
        }

        var patch = LetterPatch.Apply(current!.Docx, rendered, current.Rendered);
        if (patch.Changed.Count == 0 && db.Entry(current).State != EntityState.Added)
        {
            response.SetETag(draft.Version);
            return TypedResults.Ok(draft.AsDto(draft.Report!, new DocumentPatchDto([], patch.Missing)));
        }

        return await DraftWrites.SaveAsync(draft, db, templates, clock, caller, "The letter (assembled again)", response, cancellationToken);
    }

    /// <summary>
    /// Whether reading the document back changed the record. When it did not, the rendering the document was last
    /// brought in line with is still the record's, so there is nothing to render again.
    /// </summary>
    private static bool RecordChanged(DraftingDb db, Draft draft)
    {
        db.ChangeTracker.DetectChanges();
        return db.Entry(draft).State != EntityState.Unchanged || draft.Responses.Any(r => db.Entry(r).State != EntityState.Unchanged);
    }

}

/// <summary>The multipart form of an assurance upload, as OpenAPI describes it.</summary>
public sealed record AssuranceUpload(IFormFile File, string SuppliedBy, AssurancePresentation? Presentation = null, string? Summary = null);
