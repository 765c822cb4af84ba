using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;
using ResponseDrafter.Documents.Tests.Letters;

namespace ResponseDrafter.Documents.Tests.Rules;

/// <summary>The drafter's decision of who answers a recommendation that names nobody, or only "the police" or "government".</summary>
[TestClass]
public sealed class AddresseeDecisionTests
{
    private static readonly string[] AnsweredRefs = ["2", "3", "4", "6c"];

    private static readonly Recommendation ThePolice = new() { Number = "3", Text = "The police should publish their data each year." };

    [TestMethod]
    [DataRow(AddresseeDecision.Force, LocalBody.ChiefConstable)]
    [DataRow(AddresseeDecision.Commissioner, LocalBody.PoliceAndCrimeCommissioner)]
    [DataRow(AddresseeDecision.Both, LocalBody.ChiefConstable | LocalBody.PoliceAndCrimeCommissioner)]
    public void ADecisionSaysWhichBodiesAnswerARecommendationThatNamesOnlyThePolice(AddresseeDecision decision, LocalBody expected)
    {
        var item = Applicability.Of([ThePolice with { DecidedAddressee = decision }]).Single();

        Assert.AreEqual("3", item.Ref);
        Assert.AreEqual(expected, item.AppliesTo);
    }

    [TestMethod]
    public void UndecidedOrNotedOnlyARecommendationToThePoliceIsNotAnswered()
    {
        Assert.IsEmpty(Applicability.Of([ThePolice]));
        Assert.IsEmpty(Applicability.Of([ThePolice with { DecidedAddressee = AddresseeDecision.Noted }]));
    }

    [TestMethod]
    public void ADecisionComesBeforeTheAddresseesTheTextNames()
    {
        var toChiefs = TestLetters.Recommendation("2", "Chief constables should review vetting.", "chief constables");

        Assert.AreEqual(LocalBody.PoliceAndCrimeCommissioner,
            Applicability.Of([toChiefs with { DecidedAddressee = AddresseeDecision.Commissioner }]).Single().AppliesTo);
        Assert.IsEmpty(Applicability.Of([toChiefs with { DecidedAddressee = AddresseeDecision.Noted }]));
    }

    [TestMethod]
    public void ADecisionOnASubItemJudgesTheSubItemsOneByOne()
    {
        var recommendation = new Recommendation
        {
            Number = "6",
            Text = "Monitoring of recommendations",
            SubItems =
            [
                new SubItem { Label = "a", Text = "publish progress each year;", DecidedAddressee = AddresseeDecision.Commissioner },
                new SubItem { Label = "b", Text = "review the data." },
            ],
        };

        var item = Applicability.Of([recommendation]).Single();

        Assert.AreEqual("6a", item.Ref);
        Assert.AreEqual(LocalBody.PoliceAndCrimeCommissioner, item.AppliesTo);
    }

    [TestMethod]
    public void TheCompletenessCheckAsksForAResponseToWhatTheDrafterDecidedTheLetterAnswers()
    {
        var report = TestLetters.HiddenVictims();
        var decided = report with { Recommendations = [.. report.Recommendations, ThePolice with { Number = "10", DecidedAddressee = AddresseeDecision.Force }] };
        var answers = AnsweredRefs.Select(r => TestLetters.Answer(r)).ToArray();

        Assert.IsEmpty(Completeness.Check(TestLetters.Minimal(report with { Recommendations = [.. report.Recommendations, ThePolice with { Number = "10" }] }, answers)));
        Assert.AreEqual("10", Completeness.Check(TestLetters.Minimal(decided, answers)).Single().Ref);
        var noted = decided with { Recommendations = [.. report.Recommendations, ThePolice with { Number = "10", DecidedAddressee = AddresseeDecision.Noted }] };
        Assert.IsEmpty(Completeness.Check(TestLetters.Minimal(noted, answers)));
    }

    [TestMethod]
    [DataRow("The police should publish their data.", "The police")]
    [DataRow("By March 2027, policing should agree one standard.", "policing")]
    [DataRow("Government should fund the helpline.", "Government")]
    [DataRow("The police service must record every referral.", "The police service")]
    [DataRow("Law enforcement agencies should share intelligence.", "Law enforcement agencies")]
    public void AGeneralAddresseeIsAskedAboutInTheReportsOwnWords(string text, string named)
    {
        var question = Applicability.Questions([new Recommendation { Number = "3", Text = text }]).Single();

        Assert.AreEqual("3", question.Ref);
        Assert.AreEqual(named, question.Named);
        Assert.AreEqual($"Recommendation 3 is addressed to \"{named}\", which is not a body the letter speaks for. Who answers it in your letter?", question.Question);
        Assert.IsNull(question.Decided);
    }

    [TestMethod]
    [DataRow("Chief constables should review vetting.")]
    [DataRow("Forces should review vetting.")]
    [DataRow("The Home Office should review the guidance.")]
    [DataRow("Police and crime commissioners should commission support.")]
    public void NothingIsAskedWhenTheTextNamesABody(string text)
    {
        Assert.IsEmpty(Applicability.Questions([new Recommendation { Number = "1", Text = text }]));
    }

    [TestMethod]
    public void ARecommendationNamingNobodyIsAskedAboutAndKeepsItsDecision()
    {
        var question = Applicability.Questions([new Recommendation { Number = "AFI 2", Kind = RecommendationKind.AreaForImprovement, Text = "Improve the way complaints are handled.", DecidedAddressee = AddresseeDecision.Both }]).Single();

        Assert.IsNull(question.Named);
        Assert.AreEqual("AFI 2 names no addressee. Who answers it in your letter?", question.Question);
        Assert.AreEqual(AddresseeDecision.Both, question.Decided);
    }

    [TestMethod]
    public void AnUnrecognisedHeadingAddresseeIsAskedAbout()
    {
        var question = Applicability.Questions([TestLetters.Recommendation("4", "Review the plan.", "the Police and Crime Panel")]).Single();

        Assert.AreEqual("the Police and Crime Panel", question.Named);
    }

    [TestMethod]
    public void OnlyTheSubItemsThatNameNobodyAreAskedAboutWhenSubItemsAreJudgedOneByOne()
    {
        var recommendation = new Recommendation
        {
            Number = "6",
            Text = "Monitoring of recommendations",
            SubItems =
            [
                new SubItem { Label = "a", Text = "Home Office to provide a progress report;", Addressees = ["Home Office"] },
                new SubItem { Label = "b", Text = "publish progress each year." },
                new SubItem { Label = "c", Text = "Review the plan.", Addressees = ["the Police and Crime Panel"] },
            ],
        };

        var questions = Applicability.Questions([recommendation]);
        var question = questions[0];

        Assert.AreEqual("6b", question.Ref);
        Assert.AreEqual("6", question.Recommendation);
        Assert.AreEqual("b", question.SubItem);
        StringAssert.StartsWith(question.Question, "Recommendation 6b names no addressee.");
        Assert.HasCount(2, questions);
        Assert.AreEqual("6c", questions[1].Ref);
        Assert.AreEqual("the Police and Crime Panel", questions[1].Named);
    }

    [TestMethod]
    public void TheHiddenVictimsReportAsksNothing()
    {
        Assert.IsEmpty(Applicability.Questions(TestLetters.HiddenVictims().Recommendations));
    }
}
