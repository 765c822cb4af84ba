using System.Text.Json;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Integrations;

namespace ResponseDrafter.Api.Outbox;

/// <summary>What each kind of outbox entry carries.</summary>
/// <param name="UserSession">The submitter's on-behalf-of session (Microsoft 365), so the version is stored as theirs.</param>
public sealed record StoreVersionPayload(Guid DraftId, int Version, string? UserSession = null);

public sealed record NotifyPayload(ActivityNotification Notification);

public sealed record FinalisePayload(Guid DraftId);

public sealed record DispatchPayload(Guid DraftId);

/// <summary>Adds outbox entries to the caller's unit of work: they commit with the state change, or not at all.</summary>
public static class OutboxWrites
{
    public static OutboxEntry Enqueue<TPayload>(DraftingDb db, string kind, Guid? draftId, TPayload payload, DateTime now)
    {
        var entry = new OutboxEntry
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            DraftId = draftId,
            Payload = JsonSerializer.Serialize(payload, ApiJson.Options),
            CreatedAt = now,
            DueAt = now,
        };
        db.Outbox.Add(entry);
        return entry;
    }

    public static TPayload Read<TPayload>(OutboxEntry entry) =>
        JsonSerializer.Deserialize<TPayload>(entry.Payload, ApiJson.Options)
        ?? throw new InvalidOperationException($"Outbox entry {entry.Id} ({entry.Kind}) has no payload.");
}
