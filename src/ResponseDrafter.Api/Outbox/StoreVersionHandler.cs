using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Integrations;

namespace ResponseDrafter.Api.Outbox;

/// <summary>Puts a submitted version in the document store, where approvers open it in Word, and keeps its URL.</summary>
public sealed partial class StoreVersionHandler(DraftingDb db, IDocumentStore documents, ILogger<StoreVersionHandler> logger) : IOutboxHandler
{
    public async Task HandleAsync(OutboxJob job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<StoreVersionPayload>();
        var version = await db.DraftVersions.FirstOrDefaultAsync(v => v.DraftId == payload.DraftId && v.Number == payload.Version, cancellationToken);
        var title = await db.Drafts.Where(d => d.Id == payload.DraftId).Select(d => d.Report!.Title).FirstOrDefaultAsync(cancellationToken);
        if (version is null || title is null)
        {
            LogDraftGone(logger, job.Entry.Id, payload.DraftId);
            return;
        }

        var document = new DocumentToStore(LetterFiles.Folder(title, version.DraftId), LetterFiles.Version(title, version.Number), version.Docx,
            payload.UserSession);
        var stored = await job.RunExternalAsync(ct => new ValueTask<StoredDocument>(documents.SaveAsync(job.Entry.TenantId, document, ct)), cancellationToken);
        version.WebUrl = stored.WebUrl;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox entry {EntryId}: draft {DraftId} or its version no longer exists; nothing to store")]
    private static partial void LogDraftGone(ILogger logger, Guid entryId, Guid draftId);
}
