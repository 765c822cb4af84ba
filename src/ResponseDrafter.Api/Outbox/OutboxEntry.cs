using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResponseDrafter.Api.Data;

namespace ResponseDrafter.Api.Outbox;

/// <summary>
/// An external action (store a version, notify, produce the PDF, send the letter) recorded in the same
/// transaction as the state change that calls for it, and carried out afterwards by the outbox worker.
/// </summary>
public sealed class OutboxEntry : ITenantOwned
{
    public Guid Id { get; set; }

    public string TenantId { get; set; } = string.Empty;

    /// <summary>One of <see cref="OutboxKinds"/>.</summary>
    public string Kind { get; set; } = string.Empty;

    public Guid? DraftId { get; set; }

    /// <summary>What the handler needs, as JSON; its shape is the kind's own.</summary>
    public string Payload { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }

    /// <summary>Not to be tried before this time.</summary>
    public DateTime DueAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the last attempt started: after a crash, the moment a send may have happened.</summary>
    public DateTime? LastAttemptAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The worker holding the entry, and until when; an expired lease (a crashed worker) frees it.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>Set when the entry failed permanently and needs a person.</summary>
    public DateTime? FailedAt { get; set; }

    internal static void Configure(EntityTypeBuilder<OutboxEntry> entry)
    {
        entry.ToTable("Outbox");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.TenantId).HasMaxLength(64);
        entry.Property(e => e.Kind).HasMaxLength(64);
        entry.Property(e => e.ClaimedBy).HasMaxLength(200);
        entry.Property(e => e.LastError).HasMaxLength(4000);
        entry.HasIndex(e => new { e.CompletedAt, e.DueAt });
        entry.HasIndex(e => e.DraftId);
    }
}

public static class OutboxKinds
{
    /// <summary>Upload a frozen version to the document store and keep its web URL.</summary>
    public const string StoreVersion = "store-version";

    /// <summary>Tell a person something needs them (Teams activity feed, email, or in-app).</summary>
    public const string Notify = "notify";

    /// <summary>Store the signed letter, convert it to PDF and keep the PDF with its hash.</summary>
    public const string Finalise = "finalise";

    /// <summary>Send the PDF to the Home Office and HM Chief Inspector, then mark the draft dispatched.</summary>
    public const string Dispatch = "dispatch";
}
