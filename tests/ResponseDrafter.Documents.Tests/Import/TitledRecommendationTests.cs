using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Rules;
using ResponseDrafter.Documents.Tests.Fixtures;
using ResponseDrafter.Documents.Tests.Letters;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Documents.Tests.Import;

/// <summary>
/// Recommendation 6 of the 2021 report as its PDF lays it out: a bare heading, a one-line title that looks like a section
/// heading ("Monitoring of recommendations"), then lettered sub-items each naming its own body.
/// </summary>
[TestClass]
public sealed class TitledRecommendationTests
{
    private static readonly string[] Expected =
    [
        "6 [] Monitoring of recommendations",
        "  a. [Home Office] Home Office to provide a report to Her Majesty's Chief Inspector of Constabulary on progress in implementing its recommendations within six months of the date of publication of this report.",
        "  b. [National Police Chiefs' Council] National Police Chiefs' Council to collate Chief Constables' progress in reviewing and where applicable implementing their recommendations and report these to Her Majesty's Chief Inspector of Constabulary within six months of the date of publication of this report.",
        "  c. [Association of Police and Crime Commissioners] Association of Police and Crime Commissioners to collate Police and Crime Commissioners' progress in reviewing and where applicable implementing their recommendations and report these to Her Majesty's Chief Inspector of Constabulary within six months of the date of publication of this report.",
    ];

    private static IEnumerable<string> Paragraphs()
    {
        var six = TestLetters.HiddenVictims().Recommendations.Single(r => r.Number == "6");
        return new[] { "Recommendations", "Recommendation 6", six.Text }.Concat(six.SubItems.Select(s => $"{s.Label}. {s.Text}"));
    }

    [TestMethod]
    public void ATitleUnderABareHeadingIsTheRecommendationsTextAndItsSubItemsFollow()
    {
        var preview = RecommendationImport.Parse(string.Join("\n", Paragraphs()));

        Expect.Sequence(Shape(preview), Expected);
        Assert.IsEmpty(preview.Unplaced);
        Assert.AreEqual("6c", Applicability.Of(preview.Recommendations).Single().Ref, "as the letter reads it: 6c is the PCCs'");
    }

    [TestMethod]
    public void ASectionHeadingAfterABareHeadingIsStillASectionHeading()
    {
        var preview = RecommendationImport.Parse("Recommendation 1\nAreas for improvement\nArea for improvement 1\nThe force should improve how it records crime.");

        Expect.Sequence(preview.Recommendations.Select(r => r.Number), "1", "AFI 1");
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void FromThePdfRecommendationSixComesBackWithItsSubItems()
    {
        var file = Paragraphs().Aggregate(new WordFile(), (word, text) => word.Paragraph(text)).Build();
        var pdf = PdfTools.ToPdf(new Dictionary<string, byte[]> { ["six"] = file })["six"];

        var read = PdfReport.Read(pdf, "six.pdf");

        Assert.IsNull(read.Refusal, read.Refusal?.Message);
        Expect.Sequence(Shape(read.Preview!), Expected);
        Assert.IsEmpty(read.Preview!.Unplaced);
    }

    private static IEnumerable<string> Shape(RecommendationPreview preview) =>
        preview.Recommendations.SelectMany(r => r.SubItems.Select(s => $"  {s.Label}. [{string.Join("|", s.Addressees)}] {s.Text}")
            .Prepend($"{r.Number} [{string.Join("|", r.Addressees)}] {r.Text}"));
}
