using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResponseDrafter.Api.Data;

namespace ResponseDrafter.Api.Audit;

/// <summary>
/// One recorded action. Entries form a chain per stream (a draft, or the OPCC's profile): each carries the hash
/// of the one before, so altering, removing or reordering any row breaks every hash after it.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary>"draft:{id}" or "profile".</summary>
    public string Stream { get; set; } = string.Empty;

    /// <summary>1, 2, 3… within the stream; the primary key makes a forked chain impossible.</summary>
    public long Seq { get; set; }

    public DateTime At { get; set; }

    public string ActorId { get; set; } = string.Empty;

    public string ActorName { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public Guid? DraftId { get; set; }

    public string? VersionSha256 { get; set; }

    public string Detail { get; set; } = string.Empty;

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;

    internal static void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.HasKey(e => new { e.TenantId, e.Stream, e.Seq });
        entry.Property(e => e.TenantId).HasMaxLength(64);
        entry.Property(e => e.Stream).HasMaxLength(64);
        entry.Property(e => e.ActorId).HasMaxLength(200);
        entry.Property(e => e.ActorName).HasMaxLength(200);
        entry.Property(e => e.Action).HasMaxLength(64);
        entry.Property(e => e.VersionSha256).HasMaxLength(64);
        entry.Property(e => e.Detail).HasMaxLength(10_000);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
    }
}
