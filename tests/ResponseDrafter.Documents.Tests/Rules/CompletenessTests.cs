using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;
using ResponseDrafter.Documents.Tests.Letters;

namespace ResponseDrafter.Documents.Tests.Rules;

[TestClass]
public sealed class CompletenessTests
{
    private static readonly ReportInfo Report = TestLetters.HiddenVictims();

    [TestMethod]
    public void LetterAnsweringEveryApplicableItemIsComplete()
    {
        var letter = Letter(Answer("2"), Answer("3"), Answer("4"), Answer("6c"));

        Assert.IsEmpty(Completeness.Check(letter));
    }

    [TestMethod]
    public void SelectedItemsWithoutAddresseesNeedAStatusToo()
    {
        // National reports often address "the police" or nobody: the item is answered all the same, and must say what is done.
        var national = Report with
        {
            Recommendations =
            [
                .. Report.Recommendations,
                new Recommendation { Number = "10", Text = "Policing should record modern slavery consistently." },
                new Recommendation { Number = "11", Text = "The government should fund the helpline." },
                new Recommendation { Number = "12", Text = "Victims should be told of the support available." },
            ],
        };
        var letter = Letter(Answer("2"), Answer("3"), Answer("4"), Answer("6c"), Answer("10"),
            new RecommendationResponse { Ref = "11" }, new RecommendationResponse { Ref = "12", Commentary = "Under way." }) with { Report = national };

        var gaps = Completeness.Check(letter);

        Assert.AreEqual("11, 11, 12", Refs(gaps));
        Assert.IsTrue(gaps.Any(g => g.Ref == "12" && g.Field == "status"), string.Join("\n", gaps));
    }

    [TestMethod]
    public void MissingAnswerToASubItemIsAGap()
    {
        var letter = Letter(Answer("2"), Answer("3"), Answer("4"));

        var gap = Completeness.Check(letter).Single();

        Assert.AreEqual(new CompletenessGap("6c", "response", "Recommendation 6c has no response"), gap);
    }

    [TestMethod]
    public void EveryMissingItemIsNamed()
    {
        var gaps = Completeness.Check(Letter());

        Assert.AreEqual("2, 3, 4, 6c", Refs(gaps));
        Assert.IsTrue(gaps.All(g => g.Field == "response"));
    }

    [TestMethod]
    public void AnswersToEverySubItemCoverTheRecommendation()
    {
        var subItems = "abcdefg".Select(c => Answer($"2{c}"));
        var letter = Letter([.. subItems, Answer("3"), Answer("4"), Answer("6c")]);

        Assert.IsEmpty(Completeness.Check(letter));
    }

    [TestMethod]
    public void AnswersToSomeSubItemsLeaveTheOthersAsGaps()
    {
        var letter = Letter(Answer("2a"), Answer("2b"), Answer("3"), Answer("4"), Answer("6c"));

        Assert.AreEqual("2c, 2d, 2e, 2f, 2g", Refs(Completeness.Check(letter)));
    }

    [TestMethod]
    public void AnswerToTheWholeRecommendationCoversItsApplicableSubItem()
    {
        var letter = Letter(Answer("2"), Answer("3"), Answer("4"), Answer("6"));

        Assert.IsEmpty(Completeness.Check(letter));
    }

    [TestMethod]
    public void AnswerToASubItemCoversOnlyThatSubItem()
    {
        var letter = Letter(Answer("2a"), Answer("3"), Answer("4"), Answer("6c"));

        Assert.HasCount(6, Completeness.Check(letter));
    }

    [TestMethod]
    public void NoActionNeedsAReason()
    {
        var letter = Letter(Answer("2"), Answer("3"), Answer("4", ResponseStatus.NoAction), Answer("6c"));

        var gap = Completeness.Check(letter).Single();

        Assert.AreEqual(new CompletenessGap("4", "reason", "Recommendation 4: 'No action' needs a reason"), gap);
    }

    [TestMethod]
    public void NoActionWithAReasonIsComplete()
    {
        var noAction = Answer("4", ResponseStatus.NoAction) with { Commentary = null, Reason = "Support is already commissioned regionally." };
        var letter = Letter(Answer("2"), Answer("3"), noAction, Answer("6c"));

        Assert.IsEmpty(Completeness.Check(letter));
    }

    [TestMethod]
    public void AnswerWithoutAStatusIsAGap()
    {
        var letter = Letter(Answer("2"), Answer("3", status: null), Answer("4"), Answer("6c"));

        var gap = Completeness.Check(letter).Single();

        Assert.AreEqual(("3", "status"), (gap.Ref, gap.Field));
        StringAssert.StartsWith(gap.Message, "Recommendation 3 has no status");
    }

    [TestMethod]
    public void AnswerWithAStatusButNoWordsIsAGap()
    {
        var bare = new RecommendationResponse { Ref = "3", Status = ResponseStatus.ActionTaken, Commentary = "  " };
        var letter = Letter(Answer("2"), bare, Answer("4"), Answer("6c"));

        var gap = Completeness.Check(letter).Single();

        Assert.AreEqual(("3", "commentary"), (gap.Ref, gap.Field));
    }

    [TestMethod]
    public void TheForcesAssuranceAloneIsEnoughText()
    {
        var assured = new RecommendationResponse
        {
            Ref = "3",
            Status = ResponseStatus.ActionTaken,
            Assurance = new Assurance
            {
                Text = "All modern slavery crimes are allocated to detectives.",
                Provenance = new Provenance { SuppliedBy = "Det Chief Supt, Suffolk Constabulary", ReceivedOn = new DateOnly(2021, 6, 16) },
            },
        };

        Assert.IsEmpty(Completeness.Check(Letter(Answer("2"), assured, Answer("4"), Answer("6c"))));
    }

    [TestMethod]
    public void RefsMatchWhateverTheCaseAndSpacing()
    {
        var letter = Letter(Answer("2"), Answer(" 3 "), Answer("4"), Answer("6C"));

        Assert.IsEmpty(Completeness.Check(letter));
    }

    [TestMethod]
    public void ReportWithNothingApplicableIsComplete()
    {
        var report = Report with { Recommendations = [TestLetters.Recommendation("1", "Publish guidance.", "Home Office")] };

        Assert.IsEmpty(Completeness.Check(TestLetters.Minimal(report)));
    }

    [TestMethod]
    public void CausesOfConcernAreNamedAsSuch()
    {
        var cause = new Recommendation { Number = "1", Kind = RecommendationKind.CauseOfConcern, Text = "The force should act." };

        var gap = Completeness.Check(TestLetters.Minimal(Report with { Recommendations = [cause] })).Single();

        Assert.AreEqual("Cause of concern 1 has no response", gap.Message);
    }

    [TestMethod]
    public void NullCollectionsDoNotCrashTheCheck()
    {
        var letter = TestLetters.Minimal(Report with { Recommendations = null! }) with { Responses = null! };

        Assert.IsEmpty(Completeness.Check(letter));
    }

    private static string Refs(IEnumerable<CompletenessGap> gaps) => string.Join(", ", gaps.Select(g => g.Ref));

    private static Letter Letter(params RecommendationResponse[] responses) => TestLetters.Minimal(Report, responses);

    private static RecommendationResponse Answer(string reference, ResponseStatus? status = ResponseStatus.ActionTaken) =>
        TestLetters.Answer(reference, status);
}
