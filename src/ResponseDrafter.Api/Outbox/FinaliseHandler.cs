using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Audit;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Documents.Publication;

namespace ResponseDrafter.Api.Outbox;

/// <summary>
/// Stores the signed letter, has the store's converter turn it into PDF, stores the PDF too, and freezes the PDF with
/// its hash: the exact bytes dispatch will send. Then makes the web version from the same signed bytes, stores it beside
/// the PDF and freezes it with its hash. Storing replaces a file already there, so a repeated round is harmless.
/// </summary>
public sealed partial class FinaliseHandler(DraftingDb db, IDocumentStore documents, IPdfConverter converter, TimeProvider clock, ILogger<FinaliseHandler> logger)
    : IOutboxHandler
{
    public async Task HandleAsync(OutboxJob job, CancellationToken cancellationToken)
    {
        var draftId = job.Payload<FinalisePayload>().DraftId;
        var final = await db.FinalLetters.FirstOrDefaultAsync(f => f.DraftId == draftId, cancellationToken);
        var title = await db.Drafts.Where(d => d.Id == draftId).Select(d => d.Report!.Title).FirstOrDefaultAsync(cancellationToken);
        if (final is null || title is null)
        {
            LogDraftGone(logger, job.Entry.Id, draftId);
            return;
        }

        if (final.Pdf is not null && final.Html is not null)
        {
            return;
        }

        var tenantId = job.Entry.TenantId;
        var folder = LetterFiles.Folder(title, draftId);
        var now = clock.GetUtcNow().UtcDateTime;
        if (final.Pdf is null)
        {
            var (docx, pdf, storedPdf) = await job.RunExternalAsync(async ct =>
            {
                var storedDocx = await documents.SaveAsync(tenantId, new DocumentToStore(folder, LetterFiles.SignedDocx(title), final.Docx), ct);
                var bytes = await converter.ConvertToPdfAsync(tenantId, storedDocx.Id, ct);
                if (bytes.Length == 0)
                {
                    throw new IntegrationException("The PDF conversion returned no bytes.", isTransient: true);
                }

                return (storedDocx, bytes, await documents.SaveAsync(tenantId, new DocumentToStore(folder, LetterFiles.SignedPdf(title), bytes), ct));
            }, cancellationToken);

            final.DocxWebUrl = docx.WebUrl;
            final.Pdf = pdf;
            final.PdfSha256 = DraftDocument.HashOf(pdf);
            final.PdfWebUrl = storedPdf.WebUrl;
            await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draftId), AuditTrail.System, "final-pdf-produced", draftId, final.PdfSha256,
                $"PDF of the signed letter (.docx SHA-256 {final.DocxSha256}), {pdf.Length} bytes, stored at {storedPdf.WebUrl}."),
                now, cancellationToken);
        }

        // Made from the signed .docx itself, as the PDF is, so that both say the same words.
        var html = WebVersion.Make(final.Docx);
        var storedHtml = await job.RunExternalAsync(
            ct => new ValueTask<StoredDocument>(documents.SaveAsync(tenantId, new DocumentToStore(folder, LetterFiles.SignedWeb(title), html), ct)), cancellationToken);
        final.Html = html;
        final.HtmlSha256 = DraftDocument.HashOf(html);
        final.HtmlWebUrl = storedHtml.WebUrl;
        await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draftId), AuditTrail.System, "final-web-version-made", draftId, final.HtmlSha256,
            $"Web version of the signed letter (.docx SHA-256 {final.DocxSha256}), {html.Length} bytes, stored at {storedHtml.WebUrl}."),
            now, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox entry {EntryId}: draft {DraftId} or its signed letter no longer exists; nothing to finalise")]
    private static partial void LogDraftGone(ILogger logger, Guid entryId, Guid draftId);
}
