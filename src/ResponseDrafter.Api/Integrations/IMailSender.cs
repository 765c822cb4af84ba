namespace ResponseDrafter.Api.Integrations;

/// <summary>
/// Sends mail at most once per <see cref="OutgoingMail.MessageKey"/>: before sending, the sender looks for a
/// message already sent with that key and, if it finds one, returns it instead of sending again.
/// </summary>
public interface IMailSender
{
    Task<SentMail> SendAsync(string tenantId, OutgoingMail mail, CancellationToken cancellationToken);

    /// <summary>The message already sent with this key, or null if none has been seen yet.</summary>
    Task<SentMail?> FindSentAsync(string tenantId, string messageKey, CancellationToken cancellationToken);
}

/// <param name="MessageKey">Chosen by the caller and stable across retries, e.g. <c>draft-42-dispatch-v3</c>
/// (letters, digits, '.', '_' and '-'; at most 128 characters).</param>
public sealed record OutgoingMail(
    string MessageKey,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    string Body,
    IReadOnlyList<MailAttachment> Attachments)
{
    /// <summary>When the durable outbox last tried this message, if it ever did: when that attempt failed, or,
    /// after a crash, when it started. A sender that cannot see its own sent messages at once (Graph's Sent
    /// Items) waits for them to settle before sending again.</summary>
    public DateTimeOffset? PreviousAttemptAt { get; init; }
}

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <param name="InternetMessageId">The RFC 5322 Message-ID when the store knows it (Graph returns none from
/// sendMail itself; it is filled when the message is found in Sent Items).</param>
public sealed record SentMail(string MessageKey, DateTimeOffset SentAt, string? InternetMessageId);
