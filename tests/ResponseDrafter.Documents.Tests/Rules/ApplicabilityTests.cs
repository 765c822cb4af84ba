using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;
using ResponseDrafter.Documents.Tests.Letters;

namespace ResponseDrafter.Documents.Tests.Rules;

[TestClass]
public sealed class ApplicabilityTests
{
    private const LocalBody Force = LocalBody.ChiefConstable;
    private const LocalBody Pcc = LocalBody.PoliceAndCrimeCommissioner;

    [TestMethod]
    public void HiddenVictimsReportAppliesTwoThreeAndFourToForcesAndFourAndSixCToPccs()
    {
        var items = Applicability.Of(TestLetters.HiddenVictims().Recommendations);

        Assert.AreEqual(
            "2: ChiefConstable; 3: ChiefConstable; 4: ChiefConstable, PoliceAndCrimeCommissioner; 6c: PoliceAndCrimeCommissioner",
            Describe(items));
    }

    [TestMethod]
    public void SubItemsThatInheritTheirParentsAddresseesMakeOneItem()
    {
        var two = Applicability.Of(TestLetters.HiddenVictims().Recommendations).Single(i => i.Ref == "2");

        Assert.IsNull(two.SubItem);
        Assert.HasCount(7, two.Recommendation.SubItems);
    }

    [TestMethod]
    public void MonitoringSubItemForPccsProgressCarriesTheSubItem()
    {
        var sixC = Applicability.Of(TestLetters.HiddenVictims().Recommendations).Single(i => i.Ref == "6c");

        Assert.AreEqual("c", sixC.SubItem?.Label);
        Assert.AreEqual("6", sixC.Recommendation.Number);
    }

    [TestMethod]
    [DataRow("chief constables", Force)]
    [DataRow("Chief Constables", Force)]
    [DataRow("all chief constables", Force)]
    [DataRow("Chief constable", Force)]
    [DataRow("forces", Force)]
    [DataRow("All forces", Force)]
    [DataRow("police forces", Force)]
    [DataRow("chief officers", Force)]
    [DataRow("the Home Office and all forces", Force)]
    [DataRow("police and crime commissioners", Pcc)]
    [DataRow("Police and Crime Commissioners", Pcc)]
    [DataRow("PCCs", Pcc)]
    [DataRow("police, fire and crime commissioners", Pcc)]
    [DataRow("Police, Fire and Crime Commissioners", Pcc)]
    [DataRow("Police & Crime Commissioners", Pcc)]
    [DataRow("local policing bodies", Pcc)]
    [DataRow("mayors", Pcc)]
    [DataRow("chief constables and police and crime commissioners", Force | Pcc)]
    [DataRow("Home Office", LocalBody.None)]
    [DataRow("NPCC", LocalBody.None)]
    [DataRow("National Police Chiefs' Council", LocalBody.None)]
    [DataRow("National Police Chiefs\u2019 Council", LocalBody.None)]
    [DataRow("APCC", LocalBody.None)]
    [DataRow("Association of Police and Crime Commissioners", LocalBody.None)]
    [DataRow("College of Policing", LocalBody.None)]
    [DataRow("Independent Anti-Slavery Commissioner", LocalBody.None)]
    public void AddresseesAreReadInTheReportsOwnWords(string addressee, LocalBody expected)
    {
        var items = Applicability.Of([TestLetters.Recommendation("1", "Improve things.", addressee)]);

        Assert.AreEqual(expected, items.SingleOrDefault()?.AppliesTo ?? LocalBody.None);
    }

    [TestMethod]
    [DataRow("Chief constables should review their training.", Force)]
    [DataRow("Police and crime commissioners should commission support services.", Pcc)]
    [DataRow("Police, fire and crime commissioners should commission support services.", Pcc)]
    [DataRow("By 31 March 2022, all chief constables should review their training.", Force)]
    [DataRow("Chief constables and police and crime commissioners should work together.", Force | Pcc)]
    [DataRow("The force should improve how it records crime.", Force)]
    [DataRow("Forces should review their use of the National Referral Mechanism.", Force)]
    [DataRow("Officers should use their force systems to record referrals.", LocalBody.None)]
    [DataRow("The Home Office should publish guidance.", LocalBody.None)]
    [DataRow("The National Police Chiefs' Council should work with chief constables to agree a plan.", LocalBody.None)]
    public void AddresseeOnlyInTheSentenceIsInferred(string text, LocalBody expected)
    {
        var items = Applicability.Of([TestLetters.Recommendation("1", text)]);

        Assert.AreEqual(expected, items.SingleOrDefault()?.AppliesTo ?? LocalBody.None);
    }

    [TestMethod]
    public void SubItemsLeadingWithTheirOwnBodyAreJudgedOneByOne()
    {
        var recommendation = TestLetters.Recommendation("7", "Improving the response to victims") with
        {
            SubItems =
            [
                new SubItem { Label = "a", Text = "Chief constables to review their victim referral processes." },
                new SubItem { Label = "b", Text = "Home Office to publish revised guidance." },
                new SubItem { Label = "c", Text = "Police and crime commissioners to review the victim services they commission." },
            ],
        };

        var items = Applicability.Of([recommendation]);

        Assert.AreEqual("7a: ChiefConstable; 7c: PoliceAndCrimeCommissioner", Describe(items));
    }

    [TestMethod]
    public void SubItemsWithTheirOwnAddresseesAreJudgedOneByOne()
    {
        var recommendation = TestLetters.Recommendation("5", "Data", "Home Office", "chief constables") with
        {
            SubItems =
            [
                new SubItem { Label = "a", Text = "Publish the data annually.", Addressees = ["Home Office"] },
                new SubItem { Label = "b", Text = "Supply the data monthly.", Addressees = ["Chief Constables"] },
            ],
        };

        var items = Applicability.Of([recommendation]);

        Assert.AreEqual("5b", items.Single().Ref);
        Assert.AreEqual(Force, items.Single().AppliesTo);
    }

    [TestMethod]
    public void SubItemWithoutItsOwnBodyFollowsItsParentWhenASiblingNamesOne()
    {
        var recommendation = TestLetters.Recommendation("3", "Chief constables should:") with
        {
            SubItems =
            [
                new SubItem { Label = "a", Text = "review their crime allocation policy;" },
                new SubItem { Label = "b", Text = "College of Policing to update its guidance." },
            ],
        };

        var items = Applicability.Of([recommendation]);

        Assert.AreEqual("3a: ChiefConstable", Describe(items));
    }

    [TestMethod]
    public void CollatingForcesProgressIsNotTheLettersToAnswerButCollatingPccsProgressIs()
    {
        var items = Applicability.Of(TestLetters.HiddenVictims().Recommendations);

        Assert.IsFalse(items.Any(i => i.Ref is "6a" or "6b" or "6"));
    }

    [TestMethod]
    public void AreasForImprovementAddressedToTheForceApplyToTheChiefConstable()
    {
        var afi = new Recommendation
        {
            Number = "AFI 3",
            Kind = RecommendationKind.AreaForImprovement,
            Text = "The force should improve how it supervises investigations.",
        };

        var item = Applicability.Of([afi]).Single();

        Assert.AreEqual(("AFI 3", Force), (item.Ref, item.AppliesTo));
    }

    [TestMethod]
    public void CauseOfConcernRecommendationAfterAnOpeningClauseApplies()
    {
        var cause = new Recommendation
        {
            Number = "1",
            Kind = RecommendationKind.CauseOfConcern,
            Text = "The force does not understand demand. To address this, the force should carry out a demand analysis.",
        };

        Assert.AreEqual(Force, Applicability.Of([cause]).Single().AppliesTo);
    }

    [TestMethod]
    public void ItemsComeInReportOrder()
    {
        var recommendations = new[]
        {
            TestLetters.Recommendation("10", "x", "police and crime commissioners"),
            TestLetters.Recommendation("2", "y", "chief constables"),
        };

        Assert.AreEqual("10: PoliceAndCrimeCommissioner; 2: ChiefConstable", Describe(Applicability.Of(recommendations)));
    }

    [TestMethod]
    public void LetteredLabelsWithPunctuationGiveCleanRefs()
    {
        var recommendation = TestLetters.Recommendation("6", "Monitoring") with
        {
            SubItems = [new SubItem { Label = "(c)", Text = "Police and crime commissioners to report progress." }],
        };

        Assert.AreEqual("6c", Applicability.Of([recommendation]).Single().Ref);
    }

    private static string Describe(IEnumerable<ApplicableItem> items) => string.Join("; ", items.Select(i => $"{i.Ref}: {i.AppliesTo}"));
}
