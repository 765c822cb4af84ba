using Microsoft.Extensions.Options;

namespace ResponseDrafter.Api.Integrations.Local;

/// <summary>
/// Mail as <c>.eml</c> files in <c>&lt;data&gt;/outbox/&lt;tenant&gt;/</c>, one per message key. The file is
/// the proof of sending: a second send of the same key finds it and writes nothing.
/// </summary>
public sealed class LocalMailSender(LocalPaths paths, IOptions<LocalOptions> options, TimeProvider time) : IMailSender
{
    public async Task<SentMail> SendAsync(string tenantId, OutgoingMail mail, CancellationToken cancellationToken)
    {
        var path = EmlPath(tenantId, Identifiers.MessageKey(mail.MessageKey));
        if (File.Exists(path))
        {
            return Existing(mail.MessageKey, path);
        }

        var now = time.GetUtcNow();
        var eml = Eml.Compose(mail, options.Value.FromAddress, now);
        return await AtomicFile.WriteAsync(path, eml, overwrite: false, cancellationToken)
            ? new SentMail(mail.MessageKey, now, Eml.MessageId(mail.MessageKey, options.Value.FromAddress))
            : Existing(mail.MessageKey, path);
    }

    public Task<SentMail?> FindSentAsync(string tenantId, string messageKey, CancellationToken cancellationToken)
    {
        var path = EmlPath(tenantId, Identifiers.MessageKey(messageKey));
        return Task.FromResult(File.Exists(path) ? Existing(messageKey, path) : null);
    }

    private string EmlPath(string tenantId, string messageKey) => Path.Combine(paths.OutboxFolder(tenantId), $"{messageKey}.eml");

    private SentMail Existing(string messageKey, string path) =>
        new(messageKey, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero), Eml.MessageId(messageKey, options.Value.FromAddress));
}
