using System.Globalization;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Tests.Letters;

[TestClass]
public sealed class LetterValidatorCostTests
{
    [TestMethod]
    public void ValidationCostGrowsLinearlyWithRecommendations()
    {
        var small = LetterWith(50);
        var large = LetterWith(500);
        Assert.IsEmpty(LetterValidator.Validate(small));

        var smallBytes = AllocatedBytes(small);
        var largeBytes = AllocatedBytes(large);

        Assert.IsLessThan(15 * smallBytes, largeBytes, $"50 recommendations: {smallBytes} bytes; 500: {largeBytes} bytes");
    }

    private static long AllocatedBytes(Letter letter)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        LetterValidator.Validate(letter);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static Letter LetterWith(int count)
    {
        var recommendations = Enumerable.Range(1, count).Select(n => new Recommendation
        {
            Number = n.ToString(CultureInfo.InvariantCulture),
            Addressees = ["chief constables"],
            Text = $"By 31 March 2027, chief constables should review how their force responds to recommendation {n}.",
            SubItems =
            [
                new SubItem { Label = "a", Text = "identify possible victims at first contact;" },
                new SubItem { Label = "b", Text = "make good-quality referrals; and" },
                new SubItem { Label = "c", Text = "review the outcome within 28 days." },
            ],
        }).ToList();

        var responses = recommendations.Select(r => new RecommendationResponse
        {
            Ref = r.Number,
            Status = ResponseStatus.ActionTaken,
            Commentary = $"I am assured by the **Chief Constable's** response to recommendation {r.Number}.",
            Assurance = new Assurance
            {
                Text = "The force has:\n\n- updated its guidance; and\n- trained *all* front-line officers.",
                Provenance = new Provenance { SuppliedBy = "Det Chief Supt A Example", ReceivedOn = new DateOnly(2026, 10, 1) },
            },
        }).ToArray();

        return TestLetters.Minimal(new ReportInfo { Title = "PEEL 2026", PublishedOn = new DateOnly(2026, 10, 20), Recommendations = recommendations }, responses) with
        {
            Appendices = [new Appendix { Title = "Appendix A - Recommendations", Recommendations = [.. recommendations.Select(r => r.Number)] }],
        };
    }
}
