using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Api.Reports;

/// <summary>A report as structured JSON (the shape of shared/examples/hidden-victims-2021.json).</summary>
public sealed record ReportInput(
    string? Title,
    ReportKind? Kind,
    DateOnly? PublishedOn,
    string? Url,
    List<RecommendationInput>? Recommendations);

/// <param name="DecidedAddressee">Who answers it, as the drafter decided (force, commissioner, both, noted); null or absent: not decided.</param>
public sealed record RecommendationInput(
    string? Number,
    RecommendationKind? Kind,
    List<string>? Addressees,
    string? Text,
    List<SubItemInput>? SubItems,
    AddresseeDecision? DecidedAddressee = null);

/// <param name="DecidedAddressee">Who answers this sub-item alone, as the drafter decided; null or absent: as its recommendation.</param>
public sealed record SubItemInput(string? Label, string? Text, List<string>? Addressees, AddresseeDecision? DecidedAddressee = null);

/// <summary>Police Act 1996 s55: the last day to publish the response, and how many days remain (negative once overdue).</summary>
public sealed record DeadlineDto(DateOnly LastDay, int DaysLeft);

public sealed record ReportDto(
    Guid Id,
    string Title,
    ReportKind Kind,
    DateOnly PublishedOn,
    string? Url,
    IReadOnlyList<Recommendation> Recommendations,
    DeadlineDto Deadline,
    bool Archived,
    int Version)
{
    /// <summary>The recommendations and sub-items whose text leaves it to the drafter to say who answers them, with the decision saved.</summary>
    public IReadOnlyList<AddresseeQuestion> Questions { get; init; } = [];
}

public sealed record ReportSummaryDto(
    Guid Id,
    string Title,
    ReportKind Kind,
    DateOnly PublishedOn,
    string? Url,
    int RecommendationCount,
    DeadlineDto Deadline,
    bool Archived)
{
    /// <summary>How many recommendations (or sub-items) leave it to the drafter to say who answers them.</summary>
    public int AddresseeQuestions { get; init; }

    /// <summary>How many of those are not decided yet.</summary>
    public int UndecidedAddressees { get; init; }
}

public static class ReportMapping
{
    public static DeadlineDto DeadlineFor(DateOnly publishedOn, DateOnly today) =>
        new(StatutoryDeadline.For(publishedOn), StatutoryDeadline.DaysLeft(publishedOn, today));

    public static ReportDto AsDto(this Report report, DateOnly today) => new(
        report.Id,
        report.Title,
        report.Kind,
        report.PublishedOn,
        report.Url,
        report.Recommendations,
        DeadlineFor(report.PublishedOn, today),
        report.ArchivedAt is not null,
        report.Version)
    {
        Questions = Applicability.Questions(report.Recommendations),
    };

    public static ReportSummaryDto AsSummary(this Report report, DateOnly today)
    {
        var questions = Applicability.Questions(report.Recommendations);
        return new(
            report.Id,
            report.Title,
            report.Kind,
            report.PublishedOn,
            report.Url,
            report.Recommendations.Count,
            DeadlineFor(report.PublishedOn, today),
            report.ArchivedAt is not null)
        {
            AddresseeQuestions = questions.Count,
            UndecidedAddressees = questions.Count(q => q.Decided is null),
        };
    }
}
