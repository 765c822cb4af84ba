using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Documents.Tests.Import;

/// <summary>The example letters (copies of /work/shared/examples beside these tests) and a readable form of a preview.</summary>
internal static class ImportFixtures
{
    public static string Example(string name) =>
        File.ReadAllText(RepositoryFiles.Path("tests", "ResponseDrafter.Documents.Tests", "Import", "Examples", name));

    /// <summary>The Essex PFCC letter, whose Appendix A reproduces recommendations 2, 3, 4 and 6.</summary>
    public static string EssexLetter => Example("004_cdb9d528bd6c8fce.txt");

    /// <summary>The Suffolk PCC letter followed by the force's briefing note.</summary>
    public static string SuffolkLetter => Example("002_fe552f106483e658.txt");

    /// <summary>One line per recommendation and per sub-item: number, kind, addressees in brackets, text.</summary>
    public static IReadOnlyList<string> Shape(IEnumerable<Recommendation> recommendations) =>
        [.. recommendations.SelectMany(r => Enumerable.Concat(
            [$"{r.Number}{Kind(r.Kind)} {Addressed(r.Addressees)}{r.Text}"],
            r.SubItems.Select(s => $"  {s.Label}. {Addressed(s.Addressees)}{s.Text}")))];

    public static IReadOnlyList<string> Shape(RecommendationPreview preview) => Shape(preview.Recommendations);

    public static IReadOnlyList<string> Warnings(RecommendationPreview preview) =>
        [.. preview.Warnings.Select(w => $"{w.Kind} {w.Recommendation} line {w.Line}")];

    private static string Kind(RecommendationKind kind) => kind switch
    {
        RecommendationKind.CauseOfConcern => " (cause of concern)",
        RecommendationKind.AreaForImprovement => " (area for improvement)",
        _ => string.Empty,
    };

    private static string Addressed(IReadOnlyList<string> addressees) =>
        addressees.Count == 0 ? string.Empty : $"[{string.Join(" | ", addressees)}] ";
}
