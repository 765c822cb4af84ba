using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResponseDrafter.Api.Data;

namespace ResponseDrafter.Api.Workflow;

/// <summary>A submitted version, frozen: the exact .docx bytes approvers are asked to approve, and their hash.</summary>
public sealed class DraftVersion : ITenantOwned
{
    public Guid DraftId { get; set; }

    /// <summary>1 for the first submission, then 2, 3…</summary>
    public int Number { get; set; }

    public string TenantId { get; set; } = string.Empty;

    public byte[] Docx { get; set; } = [];

    public string Sha256 { get; set; } = string.Empty;

    /// <summary>The draft's own version (its ETag) when it was frozen; the document's identity part carries it.</summary>
    public int DraftVersionNumber { get; set; }

    /// <summary>The date printed on the letter, kept so that the signed letter carries the same one.</summary>
    public DateOnly LetterDate { get; set; }

    /// <summary>Its paragraphs as plain text, for showing approvers what changed between versions.</summary>
    public List<string> Text { get; set; } = [];

    /// <summary>Everyone who wrote to the draft up to this version: none of them may approve it.</summary>
    public List<Person> Authors { get; set; } = [];

    public Person SubmittedBy { get; set; } = new(string.Empty, string.Empty, string.Empty);

    /// <summary>Set when an approver submitted their own edits as this version (they are not among its <see cref="Authors"/>).</summary>
    public Person? EditedByApprover { get; set; }

    /// <summary>The signature picture in the profile when this version was submitted: signing uses it, never the live profile.</summary>
    public Documents.Letters.ImageAsset? Signature { get; set; }

    public DateTime SubmittedAt { get; set; }

    /// <summary>Filled by the outbox once the version is in the document store.</summary>
    public string? WebUrl { get; set; }

    internal static void Configure(EntityTypeBuilder<DraftVersion> version)
    {
        version.HasKey(v => new { v.DraftId, v.Number });
        version.Property(v => v.TenantId).HasMaxLength(64);
        version.Property(v => v.Sha256).HasMaxLength(64);
        version.Property(v => v.Text).HasJsonConversion();
        version.Property(v => v.Authors).HasJsonConversion();
        version.Property(v => v.SubmittedBy).HasJsonConversion();
        version.Property(v => v.EditedByApprover).HasJsonConversion();
        version.Property(v => v.Signature).HasJsonConversion();
        version.Property(v => v.WebUrl).HasMaxLength(2000);
        version.HasOne<Drafts.Draft>().WithMany().HasForeignKey(v => v.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}

public enum DecisionKind
{
    Approved,
    ChangesRequested,
}

/// <summary>An approver's decision on one version, bound to that version's hash.</summary>
public sealed class Decision : ITenantOwned
{
    public Guid Id { get; set; }

    public string TenantId { get; set; } = string.Empty;

    public Guid DraftId { get; set; }

    public int VersionNumber { get; set; }

    public string VersionSha256 { get; set; } = string.Empty;

    /// <summary>When the decision was made in Word: the hash of the document as the approver had it open.</summary>
    public string? DocumentSha256 { get; set; }

    public int Stage { get; set; }

    public string StageName { get; set; } = string.Empty;

    public DecisionKind Kind { get; set; }

    public Person By { get; set; } = new(string.Empty, string.Empty, string.Empty);

    /// <summary>Set when a deputy decided for an approver under a delegation.</summary>
    public Person? OnBehalfOf { get; set; }

    public Guid? DelegationId { get; set; }

    public string? Comment { get; set; }

    public DateTime At { get; set; }

    /// <summary>Set when a later edit to the draft voided this decision.</summary>
    public DateTime? VoidedAt { get; set; }

    internal static void Configure(EntityTypeBuilder<Decision> decision)
    {
        decision.HasKey(d => d.Id);
        decision.Property(d => d.TenantId).HasMaxLength(64);
        decision.Property(d => d.VersionSha256).HasMaxLength(64);
        decision.Property(d => d.DocumentSha256).HasMaxLength(64);
        decision.Property(d => d.StageName).HasMaxLength(200);
        decision.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        decision.Property(d => d.By).HasJsonConversion();
        decision.Property(d => d.OnBehalfOf).HasJsonConversion();
        decision.Property(d => d.Comment).HasMaxLength(10_000);
        decision.HasIndex(d => new { d.DraftId, d.VersionNumber });
        decision.HasOne<Drafts.Draft>().WithMany().HasForeignKey(d => d.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>An approver's deputy for a period: the deputy may decide in the approver's place, recorded as such.</summary>
public sealed class Delegation : ITenantOwned
{
    public Guid Id { get; set; }

    public string TenantId { get; set; } = string.Empty;

    public Person Approver { get; set; } = new(string.Empty, string.Empty, string.Empty);

    public Person Deputy { get; set; } = new(string.Empty, string.Empty, string.Empty);

    public DateOnly From { get; set; }

    /// <summary>Inclusive: the deputy may act on this day.</summary>
    public DateOnly Until { get; set; }

    public Person CreatedBy { get; set; } = new(string.Empty, string.Empty, string.Empty);

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public bool IsActiveOn(DateOnly day) => RevokedAt is null && From <= day && day <= Until;

    internal static void Configure(EntityTypeBuilder<Delegation> delegation)
    {
        delegation.HasKey(d => d.Id);
        delegation.Property(d => d.TenantId).HasMaxLength(64);
        delegation.Property(d => d.Approver).HasJsonConversion();
        delegation.Property(d => d.Deputy).HasJsonConversion();
        delegation.Property(d => d.CreatedBy).HasJsonConversion();
    }
}

/// <summary>The signed letter: the approved version with its signature block completed, its PDF and its web version.</summary>
public sealed class FinalLetter : ITenantOwned
{
    public Guid DraftId { get; set; }

    public string TenantId { get; set; } = string.Empty;

    public int ApprovedVersion { get; set; }

    public string ApprovedSha256 { get; set; } = string.Empty;

    public byte[] Docx { get; set; } = [];

    public string DocxSha256 { get; set; } = string.Empty;

    public DateOnly SignedOn { get; set; }

    public string? DocxWebUrl { get; set; }

    /// <summary>Null until the outbox has converted the final .docx.</summary>
    public byte[]? Pdf { get; set; }

    public string? PdfSha256 { get; set; }

    public string? PdfWebUrl { get; set; }

    /// <summary>The web version (<see cref="Documents.Publication.WebVersion"/>) made from <see cref="Docx"/>; null until the outbox has made it.</summary>
    public byte[]? Html { get; set; }

    public string? HtmlSha256 { get; set; }

    public string? HtmlWebUrl { get; set; }

    public DateTime CreatedAt { get; set; }

    internal static void Configure(EntityTypeBuilder<FinalLetter> final)
    {
        final.HasKey(f => f.DraftId);
        final.Property(f => f.TenantId).HasMaxLength(64);
        final.Property(f => f.ApprovedSha256).HasMaxLength(64);
        final.Property(f => f.DocxSha256).HasMaxLength(64);
        final.Property(f => f.PdfSha256).HasMaxLength(64);
        final.Property(f => f.DocxWebUrl).HasMaxLength(2000);
        final.Property(f => f.PdfWebUrl).HasMaxLength(2000);
        final.Property(f => f.HtmlSha256).HasMaxLength(64);
        final.Property(f => f.HtmlWebUrl).HasMaxLength(2000);
        final.HasOne<Drafts.Draft>().WithOne().HasForeignKey<FinalLetter>(f => f.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}
