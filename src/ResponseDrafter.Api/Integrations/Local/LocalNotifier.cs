using System.Text.Json;

namespace ResponseDrafter.Api.Integrations.Local;

/// <summary>A notification the app shows itself, read back from <c>&lt;data&gt;/notifications/&lt;tenant&gt;.jsonl</c>.</summary>
public sealed record LocalNotification(string Key, string UserId, string ActivityType, string Title, string Text, string Link, DateTimeOffset CreatedAt);

/// <summary>Notifications kept as JSON lines, one file per tenant, appended once per key.</summary>
public sealed class LocalNotifier(LocalPaths paths, TimeProvider time) : INotifier, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<NotificationDelivery> NotifyAsync(string tenantId, ActivityNotification notification, CancellationToken cancellationToken)
    {
        var file = paths.NotificationsFile(tenantId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var existing = await ReadFileAsync(file, cancellationToken);
            if (existing.All(n => n.Key != notification.Key))
            {
                var entry = new LocalNotification(notification.Key, notification.Recipient.UserId, notification.ActivityType,
                    notification.Title, notification.Text, notification.Link, time.GetUtcNow());
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                await File.AppendAllTextAsync(file, JsonSerializer.Serialize(entry, Json) + "\n", cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }

        return NotificationDelivery.InApp;
    }

    /// <summary>The tenant's notifications for one person, newest first.</summary>
    public async Task<IReadOnlyList<LocalNotification>> ReadAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var file = paths.NotificationsFile(tenantId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var all = await ReadFileAsync(file, cancellationToken);
            return [.. all.Where(n => n.UserId == userId).OrderByDescending(n => n.CreatedAt)];
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private static async Task<List<LocalNotification>> ReadFileAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            return [];
        }

        var lines = await File.ReadAllLinesAsync(file, cancellationToken);
        return [.. lines.Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<LocalNotification>(l, Json)!)];
    }
}
