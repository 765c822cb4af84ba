using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Profiles;

/// <summary>An OPCC's settings: letterhead, commissioner, how it cites the duty, and the defaults copied into each new draft.</summary>
public sealed class Profile : ITenantOwned, IVersioned
{
    public string TenantId { get; set; } = string.Empty;

    public int Version { get; set; }

    public string Name { get; set; } = string.Empty;

    public string CommissionerName { get; set; } = string.Empty;

    public string CommissionerTitle { get; set; } = string.Empty;

    public List<string> LetterheadLines { get; set; } = [];

    public string? Strapline { get; set; }

    public ImageAsset? Logo { get; set; }

    public string StatutoryCitation { get; set; } = string.Empty;

    public List<Recipient> Recipients { get; set; } = [];

    public List<string> Cc { get; set; } = [];

    /// <summary>The copy list's label: "cc:", "Copied to:", "Copy to:"; each new draft takes it.</summary>
    public string CopyListLabel { get; set; } = ProfileRules.DefaultCopyListLabel;

    public string Salutation { get; set; } = string.Empty;

    public string Closing { get; set; } = "Yours sincerely";

    public string? Publication { get; set; }

    /// <summary>The approval chain, dispatch addresses, reminders and signature; set apart from the letterhead.</summary>
    public SignOffSettings SignOff { get; set; } = new();

    public DateTime UpdatedAt { get; set; }

    public OpccProfile AsOpccProfile() => new()
    {
        Name = Name,
        CommissionerName = CommissionerName,
        CommissionerTitle = CommissionerTitle,
        LetterheadLines = LetterheadLines,
        Strapline = Strapline,
        Logo = Logo,
    };

    internal static void Configure(EntityTypeBuilder<Profile> profile)
    {
        profile.HasKey(p => p.TenantId);
        profile.Property(p => p.TenantId).HasMaxLength(64);
        profile.Property(p => p.Version).IsConcurrencyToken();
        profile.Property(p => p.LetterheadLines).HasJsonConversion();
        profile.Property(p => p.Logo).HasJsonConversion();
        profile.Property(p => p.Recipients).HasJsonConversion();
        profile.Property(p => p.Cc).HasJsonConversion();
        profile.Property(p => p.CopyListLabel).HasMaxLength(ProfileRules.MaxCopyListLabel).HasDefaultValue(ProfileRules.DefaultCopyListLabel);
        profile.Property(p => p.SignOff).HasJsonConversion();
    }
}

/// <summary>An OPCC's own letter template; without one the built-in template is used.</summary>
public sealed class ProfileTemplate : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public byte[] Docx { get; set; } = [];

    public string FileName { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    public DateTime UploadedAt { get; set; }

    internal static void Configure(EntityTypeBuilder<ProfileTemplate> template)
    {
        template.HasKey(t => t.TenantId);
        template.Property(t => t.TenantId).HasMaxLength(64);
        template.Property(t => t.FileName).HasMaxLength(260);
        template.Property(t => t.Sha256).HasMaxLength(64);
    }
}
