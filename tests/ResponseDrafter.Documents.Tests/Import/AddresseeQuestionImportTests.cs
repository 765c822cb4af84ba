using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Tests.Fixtures;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Documents.Tests.Import;

/// <summary>
/// A national report's recommendations addressed to "the police", "government" or nobody come out of the import with a
/// question for the drafter, whether the report was pasted, uploaded as .docx or as PDF (one code path).
/// </summary>
[TestClass]
public sealed class AddresseeQuestionImportTests
{
    private static readonly string[] Paragraphs =
    [
        "Recommendations",
        "Recommendation 1",
        "By 31 March 2027, chief constables should review how they record referrals.",
        "Recommendation 2",
        "The police should publish their referral data each year.",
        "Recommendation 3",
        "Government should fund a national helpline for victims.",
        "Recommendation 4",
        "Improve the way referrals are shared between agencies.",
    ];

    private static readonly string[] Expected =
    [
        "2: \"The police\": Recommendation 2 is addressed to \"The police\", which is not a body the letter speaks for. Who answers it in your letter?",
        "3: \"Government\": Recommendation 3 is addressed to \"Government\", which is not a body the letter speaks for. Who answers it in your letter?",
        "4: (none): Recommendation 4 names no addressee. Who answers it in your letter?",
    ];

    [TestMethod]
    public void PastedTextAsksWhoAnswersEachRecommendationToThePoliceGovernmentOrNobody()
    {
        var preview = RecommendationImport.Parse(string.Join("\n\n", Paragraphs));

        Expect.Sequence(Describe(preview), Expected);
        Assert.IsTrue(preview.Recommendations.All(r => r.DecidedAddressee is null), "nothing is decided for the drafter");
    }

    [TestMethod]
    public void AWordFileAsksTheSameQuestions()
    {
        var file = Paragraphs.Aggregate(new WordFile(), (word, text) => word.Paragraph(text)).Build();

        var upload = RecommendationImport.ParseWord(file, "national.docx");

        Assert.IsNull(upload.Refusal, upload.Refusal?.Message);
        Expect.Sequence(Describe(upload.Preview!), Expected);
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void APdfAsksTheSameQuestions()
    {
        var file = Paragraphs.Aggregate(new WordFile(), (word, text) => word.Paragraph(text)).Build();
        var pdf = PdfTools.ToPdf(new Dictionary<string, byte[]> { ["national"] = file })["national"];

        var read = PdfReport.Read(pdf, "national.pdf");

        Assert.IsNull(read.Refusal, read.Refusal?.Message);
        Expect.Sequence(Describe(read.Preview!), Expected);
    }

    [TestMethod]
    public void AGeneralAddresseeInTheHeadingIsAskedAboutInItsOwnWords()
    {
        var preview = RecommendationImport.Parse("Recommendation 1: To the Police and Crime Panel\nReview the plan.");

        Assert.AreEqual("the Police and Crime Panel", preview.Questions.Single().Named);
    }

    [TestMethod]
    public void AReportToChiefConstablesAsksNothing()
    {
        Assert.IsEmpty(RecommendationImport.Parse("Recommendation 1: To chief constables\nReview vetting.").Questions);
    }

    private static IEnumerable<string> Describe(RecommendationPreview preview) =>
        preview.Questions.Select(q => $"{q.Ref}: {(q.Named is null ? "(none)" : $"\"{q.Named}\"")}: {q.Question}");
}
