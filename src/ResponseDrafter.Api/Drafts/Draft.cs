using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Drafts;

/// <summary>One OPCC's response to one report: the letter-level fields, the selection of items answered, and the responses.</summary>
public sealed class Draft : ITenantOwned, IVersioned
{
    public Guid Id { get; set; }

    public string TenantId { get; set; } = string.Empty;

    public int Version { get; set; }

    public Guid ReportId { get; set; }

    public Report? Report { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The refs ("2", "6c") this letter answers; starts as the applicable items and is the drafter's to edit.</summary>
    public List<string> Selection { get; set; } = [];

    public List<LetterReference> References { get; set; } = [];

    /// <summary>Null means "the day it is rendered".</summary>
    public DateOnly? LetterDate { get; set; }

    public DateStyle DateStyle { get; set; }

    public List<Recipient> Recipients { get; set; } = [];

    public string Salutation { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string StatutoryCitation { get; set; } = string.Empty;

    public string? Opening { get; set; }

    public string? Context { get; set; }

    public string? Accountability { get; set; }

    public string? Publication { get; set; }

    public string Closing { get; set; } = "Yours sincerely";

    public string SignatoryName { get; set; } = string.Empty;

    public string SignatoryTitle { get; set; } = string.Empty;

    public List<string> Cc { get; set; } = [];

    /// <summary>The copy list's label, taken from the profile when the draft starts.</summary>
    public string CopyListLabel { get; set; } = ProfileRules.DefaultCopyListLabel;

    public List<Appendix> Appendices { get; set; } = [];

    public List<DraftResponse> Responses { get; set; } = [];

    /// <summary>Where the draft is in sign-off; DraftWorkflow holds the rules.</summary>
    public DraftState State { get; set; }

    /// <summary>The approval stage it is at (0-based), while in review or awaiting approval.</summary>
    public int? Stage { get; set; }

    /// <summary>How many versions have been frozen; the latest is this number.</summary>
    public int VersionCount { get; set; }

    /// <summary>Everyone who has written to the draft: separation of duties keeps them from approving it.</summary>
    public List<Person> Contributors { get; set; } = [];

    /// <summary>Each stage's due date for the current submission, and whether reminders and escalations went out.</summary>
    public List<StageDue> Schedule { get; set; } = [];

    public DateTime? DispatchRequestedAt { get; set; }

    public DateTime? DispatchedAt { get; set; }

    /// <summary>The sent message's id (Graph's internetMessageId, or the .eml's Message-ID).</summary>
    public string? DispatchMessageId { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>Where the OPCC published the signed PDF.</summary>
    public string? PublishedLetterUrl { get; set; }

    /// <summary>Where the OPCC published the web version.</summary>
    public string? PublishedWebUrl { get; set; }

    /// <summary>The SHA-256 of the PDF the product made, which is what was published.</summary>
    public string? PublishedPdfSha256 { get; set; }

    /// <summary>The SHA-256 of the web version the product made, which is what was published.</summary>
    public string? PublishedWebSha256 { get; set; }

    /// <summary>Optional: where the force publishes its own copy of its comments (the package already carries them).</summary>
    public string? ChiefConstableCommentsUrl { get; set; }

    /// <summary>Every write to the draft or its responses is a new version.</summary>
    public void Touch(DateTime now)
    {
        Version++;
        UpdatedAt = now;
    }

    public DraftResponse ResponseFor(string @ref)
    {
        var response = Responses.FirstOrDefault(r => r.Ref == @ref);
        if (response is null)
        {
            response = new DraftResponse { DraftId = Id, Ref = @ref };
            Responses.Add(response);
        }

        return response;
    }

    internal static void Configure(EntityTypeBuilder<Draft> draft)
    {
        draft.HasKey(d => d.Id);
        draft.Property(d => d.TenantId).HasMaxLength(64);
        draft.Property(d => d.Version).IsConcurrencyToken();
        draft.HasOne(d => d.Report).WithMany().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Restrict);
        draft.HasMany(d => d.Responses).WithOne().HasForeignKey(r => r.DraftId).OnDelete(DeleteBehavior.Cascade);
        draft.Property(d => d.CreatedBy).HasMaxLength(200);
        draft.Property(d => d.DateStyle).HasConversion<string>().HasMaxLength(16);
        draft.Property(d => d.Selection).HasJsonConversion();
        draft.Property(d => d.References).HasJsonConversion();
        draft.Property(d => d.Recipients).HasJsonConversion();
        draft.Property(d => d.Cc).HasJsonConversion();
        draft.Property(d => d.CopyListLabel).HasMaxLength(ProfileRules.MaxCopyListLabel).HasDefaultValue(ProfileRules.DefaultCopyListLabel);
        draft.Property(d => d.Appendices).HasJsonConversion();
        draft.Property(d => d.State).HasConversion<string>().HasMaxLength(32);
        draft.Property(d => d.Contributors).HasJsonConversion();
        draft.Property(d => d.Schedule).HasJsonConversion();
        draft.Property(d => d.DispatchMessageId).HasMaxLength(1000);
        draft.Property(d => d.PublishedLetterUrl).HasMaxLength(2000);
        draft.Property(d => d.ChiefConstableCommentsUrl).HasMaxLength(2000);
        draft.Property(d => d.PublishedWebUrl).HasMaxLength(2000);
        draft.Property(d => d.PublishedPdfSha256).HasMaxLength(64);
        draft.Property(d => d.PublishedWebSha256).HasMaxLength(64);
        draft.HasIndex(d => new { d.TenantId, d.UpdatedAt });
    }
}

/// <summary>The letter's answer to one ref: the force's assurance with its provenance, and the commissioner's words.</summary>
public sealed class DraftResponse : ITenantOwned
{
    public Guid DraftId { get; set; }

    public string Ref { get; set; } = string.Empty;

    public string TenantId { get; set; } = string.Empty;

    public string? Commentary { get; set; }

    public ResponseStatus? Status { get; set; }

    public string? Reason { get; set; }

    public string? AssuranceText { get; set; }

    public AssurancePresentation AssurancePresentation { get; set; }

    public string? AssuranceSummary { get; set; }

    public string? SuppliedBy { get; set; }

    public DateOnly? ReceivedOn { get; set; }

    public string? SourceFileName { get; set; }

    public string? Sha256 { get; set; }

    public Assurance? Assurance => AssuranceText is null
        ? null
        : new Assurance
        {
            Text = AssuranceText,
            Presentation = AssurancePresentation,
            Summary = AssuranceSummary,
            Provenance = new Provenance
            {
                SuppliedBy = SuppliedBy ?? string.Empty,
                ReceivedOn = ReceivedOn ?? default,
                SourceFileName = SourceFileName,
                Sha256 = Sha256,
            },
        };

    public RecommendationResponse AsLetterResponse() => new()
    {
        Ref = Ref,
        Assurance = Assurance,
        Commentary = Commentary,
        Status = Status,
        Reason = Reason,
    };

    public void ClearAssurance()
    {
        AssuranceText = AssuranceSummary = SuppliedBy = SourceFileName = Sha256 = null;
        ReceivedOn = null;
        AssurancePresentation = default;
    }

    internal static void Configure(EntityTypeBuilder<DraftResponse> response)
    {
        response.HasKey(r => new { r.DraftId, r.Ref });
        response.Ignore(r => r.Assurance);
        response.Property(r => r.Ref).HasMaxLength(40);
        response.Property(r => r.TenantId).HasMaxLength(64);
        response.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        response.Property(r => r.AssurancePresentation).HasConversion<string>().HasMaxLength(32);
        response.Property(r => r.SuppliedBy).HasMaxLength(500);
        response.Property(r => r.SourceFileName).HasMaxLength(260);
        response.Property(r => r.Sha256).HasMaxLength(64);
    }
}
