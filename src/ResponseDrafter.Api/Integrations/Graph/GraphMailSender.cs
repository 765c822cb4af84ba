using System.Collections.Concurrent;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;

namespace ResponseDrafter.Api.Integrations.Graph;

/// <summary>
/// Sends through <c>/users/{sender}/sendMail</c>, stamping each message with its key as a single-value extended
/// property, and looks the key up in Sent Items before any send. sendMail answers 202 before the message reaches
/// Sent Items, so a message whose last attempt is younger than the settle time is looked for until then first.
/// </summary>
public sealed class GraphMailSender(GraphClients clients, MailAttempts attempts, TimeProvider time) : IMailSender
{
    /// <summary>A named property in the documented PS_PUBLIC_STRINGS set, filterable in Sent Items.</summary>
    public const string MessageKeyPropertyId = "String {00020329-0000-0000-C000-000000000046} Name ResponseDrafterMessageKey";

    public async Task<SentMail> SendAsync(string tenantId, OutgoingMail mail, CancellationToken cancellationToken)
    {
        var key = Identifiers.MessageKey(mail.MessageKey);
        if (await FindSentAsync(tenantId, key, cancellationToken) is { } alreadySent)
        {
            return alreadySent;
        }

        var lastAttempt = Latest(attempts.LastAttempt(tenantId, key), mail.PreviousAttemptAt);
        if (lastAttempt is { } earlier && await WaitForSentItemsAsync(tenantId, key, earlier, cancellationToken) is { } sentMeanwhile)
        {
            return sentMeanwhile;
        }

        var sender = clients.Options.For(tenantId).SenderMailbox;
        var graph = clients.ForApp(tenantId);
        attempts.Record(tenantId, key, time.GetUtcNow());
        try
        {
            await GraphCall.RunAsync("Send mail", () => graph.Users[sender].SendMail.PostAsync(Request(mail), cancellationToken: cancellationToken), cancellationToken);
        }
        catch (IntegrationException e) when (e.StatusCode == 429)
        {
            // Throttled requests are refused before any processing: there is nothing to wait for next time.
            attempts.Forget(tenantId, key);
            throw;
        }
        catch (Exception e) when (e is IntegrationException or OperationCanceledException)
        {
            // Graph may have accepted the message at any moment until now, so Sent Items settles from here.
            attempts.Record(tenantId, key, time.GetUtcNow());
            throw;
        }

        attempts.Forget(tenantId, key);
        return new SentMail(key, time.GetUtcNow(), InternetMessageId: null);
    }

    public async Task<SentMail?> FindSentAsync(string tenantId, string messageKey, CancellationToken cancellationToken)
    {
        var key = Identifiers.MessageKey(messageKey);
        var sender = clients.Options.For(tenantId).SenderMailbox;
        var graph = clients.ForApp(tenantId);
        var page = await GraphCall.RunAsync("Look up sent mail", () => graph.Users[sender].MailFolders["sentitems"].Messages.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{MessageKeyPropertyId}' and ep/value eq '{key}')";
            r.QueryParameters.Select = ["id", "internetMessageId", "sentDateTime"];
            r.QueryParameters.Top = 1;
        }, cancellationToken), cancellationToken);

        return page?.Value?.FirstOrDefault() is { } message
            ? new SentMail(key, message.SentDateTime ?? time.GetUtcNow(), message.InternetMessageId)
            : null;
    }

    private async Task<SentMail?> WaitForSentItemsAsync(string tenantId, string key, DateTimeOffset lastAttempt, CancellationToken cancellationToken)
    {
        var settledAt = lastAttempt + clients.Options.SentItemsSettleTime;
        while (time.GetUtcNow() < settledAt)
        {
            var wait = Min(clients.Options.SentItemsPollInterval, settledAt - time.GetUtcNow());
            await Task.Delay(wait, time, cancellationToken);
            if (await FindSentAsync(tenantId, key, cancellationToken) is { } sent)
            {
                return sent;
            }
        }

        return null;
    }

    private static SendMailPostRequestBody Request(OutgoingMail mail) => new()
    {
        SaveToSentItems = true,
        Message = new Message
        {
            Subject = mail.Subject,
            Body = new ItemBody { ContentType = BodyType.Text, Content = mail.Body },
            ToRecipients = [.. mail.To.Select(Recipient)],
            CcRecipients = [.. mail.Cc.Select(Recipient)],
            Attachments = [.. mail.Attachments.Select(a => new FileAttachment
            {
                OdataType = "#microsoft.graph.fileAttachment",
                Name = a.FileName,
                ContentType = a.ContentType,
                ContentBytes = a.Content,
            })],
            SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = MessageKeyPropertyId, Value = mail.MessageKey }],
        },
    };

    private static Recipient Recipient(string address) => new() { EmailAddress = new EmailAddress { Address = address } };

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

/// <summary>The last moment this process may have handed each unconfirmed message to Graph, so a retry after
/// an unanswered send waits for Sent Items to settle. The durable outbox carries the same fact across
/// restarts (<see cref="OutgoingMail.PreviousAttemptAt"/>).</summary>
public sealed class MailAttempts
{
    private readonly ConcurrentDictionary<(string Tenant, string Key), DateTimeOffset> started = new();

    public DateTimeOffset? LastAttempt(string tenantId, string key) => started.TryGetValue((tenantId, key), out var at) ? at : null;

    public void Record(string tenantId, string key, DateTimeOffset at) => started[(tenantId, key)] = at;

    public void Forget(string tenantId, string key) => started.TryRemove((tenantId, key), out _);
}
