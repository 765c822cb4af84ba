using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Audit;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Telemetry;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Outbox;

/// <summary>
/// Sends the signed PDF to the Home Office and HM Chief Inspector, copied to the OPCC's cc list, then records the
/// draft as dispatched. The message key is the same on every round, and the sender looks for a message already
/// sent with it before sending, so a crash between sending and recording leads to a record, not a second letter.
/// </summary>
public sealed class DispatchHandler(DraftingDb db, IMailSender mail, ProductMetrics metrics, TimeProvider clock) : IOutboxHandler
{
    public static string MessageKey(Guid draftId) => string.Create(CultureInfo.InvariantCulture, $"draft-{draftId}-dispatch");

    public async Task HandleAsync(OutboxJob job, CancellationToken cancellationToken)
    {
        var draftId = job.Payload<DispatchPayload>().DraftId;
        var draft = await db.Drafts.Include(d => d.Report).FirstOrDefaultAsync(d => d.Id == draftId, cancellationToken)
            ?? throw Refused($"Draft {draftId} no longer exists; nothing was sent.");
        if (draft.State is DraftState.Dispatched or DraftState.Published)
        {
            return;
        }

        if (DraftWorkflow.Refusal(draft.State, WorkflowAction.MarkDispatched) is { } refusal)
        {
            throw Refused($"Nothing was sent: {refusal}");
        }

        // Asked before the letter is read: the finalise entry completes in the same commit that stores the PDF, so a
        // finalise finished after this question has its PDF in the letter read below. (Asked after, a finalise
        // completing in between looked like "no PDF and none coming", and the letter was given up.)
        var finalising = await db.Outbox.AnyAsync(
            e => e.DraftId == draftId && e.Kind == OutboxKinds.Finalise && e.CompletedAt == null && e.FailedAt == null, cancellationToken);
        var final = await db.FinalLetters.AsNoTracking().FirstOrDefaultAsync(f => f.DraftId == draftId, cancellationToken)
            ?? throw Refused("The draft has no signed letter; nothing was sent.");
        if (final.Pdf is null)
        {
            throw finalising
                ? new OutboxEntryNotReadyException("Waiting for the signed letter's PDF.")
                : Refused("The signed letter has no PDF and none is being produced; nothing was sent.");
        }

        var profile = await db.Profiles.AsNoTracking().FirstAsync(cancellationToken);
        var letter = Letter(draft, profile, final) with { PreviousAttemptAt = job.PreviousAttemptAt };
        var sent = await job.RunExternalAsync(ct => new ValueTask<SentMail>(mail.SendAsync(job.Entry.TenantId, letter, ct)), cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        job.OnCompleted(() => metrics.LetterDispatched(sent.SentAt.UtcDateTime - DateTime.SpecifyKind(final.CreatedAt, DateTimeKind.Utc)));
        draft.MarkDispatched(sent.SentAt.UtcDateTime, sent.InternetMessageId ?? sent.MessageKey);
        draft.Touch(now);
        await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draftId), AuditTrail.System, "dispatched", draftId, final.PdfSha256,
            $"Sent to {string.Join(", ", letter.To)}" + (letter.Cc.Count > 0 ? $", cc {string.Join(", ", letter.Cc)}" : string.Empty) +
            $"; message {draft.DispatchMessageId}."), now, cancellationToken);
    }

    internal static OutgoingMail Letter(Draft draft, Profile profile, FinalLetter final)
    {
        var signOff = profile.SignOff;
        var to = new[] { signOff.HomeOfficeMailbox, signOff.ChiefInspectorMailbox }.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (to.Count < 2)
        {
            throw Refused("The sign-off settings lack the Home Office mailbox or HM Chief Inspector's address; nothing was sent.");
        }

        var report = draft.Report!;
        var citation = string.IsNullOrWhiteSpace(profile.StatutoryCitation) ? string.Empty : $" under {profile.StatutoryCitation}";
        var body = string.Create(CultureInfo.InvariantCulture,
            $"Please find attached the response of the {profile.CommissionerTitle} to the HMICFRS report \"{report.Title}\", published on {Documents.Assembly.UkDate.Format(report.PublishedOn)}{citation}.\r\n\r\n{profile.Name}\r\n");
        return new OutgoingMail(
            MessageKey(draft.Id),
            to,
            [.. signOff.CcEmails],
            $"Response to the HMICFRS report \"{report.Title}\"",
            body,
            [new MailAttachment(LetterFiles.SignedPdf(report.Title), "application/pdf", final.Pdf!)]);
    }

    private static IntegrationException Refused(string reason) => new(reason, isTransient: false);
}
