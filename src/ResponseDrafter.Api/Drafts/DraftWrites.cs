using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Drafting;

namespace ResponseDrafter.Api.Drafts;

/// <summary>How the document changes with a write: patched from the record, kept as Word sent it, or left alone.</summary>
public enum DocumentChange
{
    /// <summary>The record changed: the regions it fills are patched into the document; nothing else in it changes.</summary>
    PatchFromRecord,

    /// <summary>The document was saved from Word: its exact bytes are already in place and the record was read from them.</summary>
    AsSaved,
}

/// <summary>Loading a draft, and saving it: every write to a draft ends here, whichever feature made it.</summary>
public static partial class DraftWrites
{
    /// <summary>The draft with its report and responses (this tenant's only, by the query filter); null when there is none.</summary>
    public static async Task<Draft?> LoadAsync(DraftingDb db, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Drafts.Include(d => d.Report).Include(d => d.Responses).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    /// <summary>
    /// Records the write's sign-off consequences (DraftEdits), brings the document in line with the record when the record
    /// changed, then one SaveChanges: the draft row, its responses, its document and the audit entry commit together or
    /// not at all; 412 if someone saved first.
    /// </summary>
    public static async Task<Results<Ok<DraftDto>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Draft draft, DraftingDb db, IMemoryCache templates, TimeProvider clock, CurrentPerson editor, string what, HttpResponse response,
        CancellationToken cancellationToken, DocumentChange change = DocumentChange.PatchFromRecord)
    {
        var readVersion = draft.Version;
        var now = clock.GetUtcNow().UtcDateTime;
        PatchResult? patch = null;
        if (change == DocumentChange.PatchFromRecord)
        {
            var (document, problem) = await DraftDocuments.CurrentAsync(db, templates, draft, editor.Person, clock, cancellationToken);
            var (rendered, renderProblem) = problem is null
                ? await DraftRendering.RenderAsync(db, templates, draft, clock.Today(), cancellationToken)
                : (null, problem);
            if (renderProblem is not null)
            {
                return renderProblem;
            }

            var started = Stopwatch.GetTimestamp();
            patch = LetterPatch.Apply(document!.Docx, rendered!, document.Rendered);
            if (patch.Changed.Count > 0)
            {
                document.Replace(patch.Docx, editor.Person, now);
            }

            document.Rendered = rendered;

            var logger = response.HttpContext.RequestServices.GetRequiredService<ILogger<DraftDocument>>();
            if (logger.IsEnabled(LogLevel.Information))
            {
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogPatched(logger, draft.Id, draft.Version, patch.Changed.Count, elapsedMs);
            }
        }

        if (await DraftEdits.RecordAsync(db, draft, editor.Person, what, now, cancellationToken) is { } refusal)
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
        return TypedResults.Ok(draft.AsDto(draft.Report!, patch is null ? null : new DocumentPatchDto(patch.Changed, patch.Missing)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Patched draft {DraftId} version {Version}: {Changed} region(s) changed in {ElapsedMs:F1} ms")]
    private static partial void LogPatched(ILogger logger, Guid draftId, int version, int changed, double elapsedMs);
}
