using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Drafting;

namespace ResponseDrafter.Api.Drafts;

/// <summary>Finding a draft's current document.</summary>
public static class DraftDocuments
{
    /// <summary>
    /// The draft's document, tracked for a write. A draft started before documents were kept gets one now: its record
    /// assembled, as it would have been when it was started.
    /// </summary>
    public static async Task<(DraftDocument? Document, ProblemHttpResult? Problem)> CurrentAsync(
        DraftingDb db, IMemoryCache templates, Draft draft, Person by, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.DraftDocuments.FirstOrDefaultAsync(d => d.DraftId == draft.Id, cancellationToken) is { } existing)
        {
            return (existing, null);
        }

        var (docx, problem) = await DraftRendering.RenderAsync(db, templates, draft, clock.Today(), cancellationToken);
        if (docx is null)
        {
            return (null, problem);
        }

        var document = new DraftDocument { DraftId = draft.Id, Rendered = docx };
        document.Replace(docx, by, clock.GetUtcNow().UtcDateTime);
        db.DraftDocuments.Add(document);
        return (document, null);
    }

    /// <summary>
    /// After the record was read back from a document saved in Word: the record's rendering as it now stands becomes the
    /// baseline for the next patch, so that reading back does not count as a change the record made.
    /// </summary>
    public static async Task<ProblemHttpResult?> RebaseAsync(
        DraftingDb db, IMemoryCache templates, Draft draft, DraftDocument document, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (rendered, problem) = await DraftRendering.RenderAsync(db, templates, draft, clock.Today(), cancellationToken);
        document.Rendered = rendered;
        return rendered is null ? problem : null;
    }

    /// <summary>
    /// The stored document, read. A stored document never changes under its hash, so its reading is kept for a while:
    /// saving from Word compares with it every time.
    /// </summary>
    public static LetterDocument Read(DraftDocument document, IMemoryCache cache) =>
        cache.GetOrCreate("draft-document:" + document.Sha256, entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return LetterDocument.Read(document.Docx).Document!;
        })!;

    /// <summary>The document's bytes for reading; assembled on the fly (not stored) for a draft that has none yet.</summary>
    public static async Task<(byte[]? Docx, ProblemHttpResult? Problem)> BytesAsync(
        DraftingDb db, IMemoryCache templates, Draft draft, TimeProvider clock, CancellationToken cancellationToken)
    {
        var stored = await db.DraftDocuments.AsNoTracking().Where(d => d.DraftId == draft.Id).Select(d => d.Docx).FirstOrDefaultAsync(cancellationToken);
        return stored is not null ? (stored, null) : await DraftRendering.RenderAsync(db, templates, draft, clock.Today(), cancellationToken);
    }
}
