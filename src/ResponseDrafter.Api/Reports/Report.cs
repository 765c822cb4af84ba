using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Reports;

/// <summary>An inspection report in one OPCC's catalogue, with its recommendations verbatim.</summary>
public sealed class Report : ITenantOwned, IVersioned
{
    public Guid Id { get; set; }

    public string TenantId { get; set; } = string.Empty;

    public int Version { get; set; }

    public string Title { get; set; } = string.Empty;

    public ReportKind Kind { get; set; }

    public DateOnly PublishedOn { get; set; }

    public string? Url { get; set; }

    public List<Recommendation> Recommendations { get; set; } = [];

    public DateTime? ArchivedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public ReportInfo AsReportInfo() => new()
    {
        Title = Title,
        PublishedOn = PublishedOn,
        Url = Url,
        Kind = Kind,
        Recommendations = Recommendations,
    };

    /// <summary>Every reference a response can answer, in report order: "2", then "2a", "2b" …</summary>
    public IReadOnlyList<string> Refs() =>
        Recommendations.SelectMany(r => r.SubItems.Select(s => r.Number + s.Label).Prepend(r.Number)).ToList();

    /// <summary>"Recommendation 2", "Area for improvement 3", "Recommendation 6c": how the letter names a ref.</summary>
    public string NameOf(string itemRef)
    {
        foreach (var recommendation in Recommendations)
        {
            if (recommendation.Number == itemRef || recommendation.SubItems.Any(s => recommendation.Number + s.Label == itemRef))
            {
                return Documents.Rules.RecommendationRefs.Describe(recommendation, itemRef);
            }
        }

        return $"Recommendation {itemRef}";
    }

    internal static void Configure(EntityTypeBuilder<Report> report)
    {
        report.HasKey(r => r.Id);
        report.Property(r => r.TenantId).HasMaxLength(64);
        report.Property(r => r.Version).IsConcurrencyToken();
        report.Property(r => r.Title).HasMaxLength(ReportRules.MaxTitle);
        report.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        report.Property(r => r.Url).HasMaxLength(ReportRules.MaxUrl);
        report.Property(r => r.Recommendations).HasJsonConversion();
        report.HasIndex(r => new { r.TenantId, r.PublishedOn });
    }
}
