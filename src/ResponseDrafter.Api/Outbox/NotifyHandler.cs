using ResponseDrafter.Api.Integrations;

namespace ResponseDrafter.Api.Outbox;

/// <summary>Delivers a notification through the notifier (Teams, email, or the app's own list).</summary>
public sealed class NotifyHandler(INotifier notifier) : IOutboxHandler
{
    public async Task HandleAsync(OutboxJob job, CancellationToken cancellationToken)
    {
        var notification = job.Payload<NotifyPayload>().Notification;
        await job.RunExternalAsync(ct => new ValueTask<NotificationDelivery>(notifier.NotifyAsync(job.Entry.TenantId, notification, ct)), cancellationToken);
    }
}
