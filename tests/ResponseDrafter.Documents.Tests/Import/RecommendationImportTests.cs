using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Tests.Fixtures;
using ResponseDrafter.Documents.Tests.Letters;
using static ResponseDrafter.Documents.Tests.Import.ImportFixtures;

namespace ResponseDrafter.Documents.Tests.Import;

[TestClass]
public sealed class RecommendationImportTests
{
    private const string Rec3 = "Assure themselves that their resources are being deployed to enable effective investigation of modern slavery offences (which may, for example, involve taking account of high levels of vulnerability and organised crime group involvement). They should assure themselves that their crime allocation processes direct investigations to the most appropriately skilled individuals and teams.";

    [TestMethod]
    public void AppendixOfTheEssexLetterReadsAsThePublishedRecommendations()
    {
        var preview = RecommendationImport.Parse(EssexLetter);
        var published = TestLetters.HiddenVictims().Recommendations;

        Expect.Sequence(Shape(preview.Recommendations.Take(3)), [.. Shape(published.Take(3))]);
        var monitoring = preview.Recommendations[3];
        Assert.AreEqual(("6", "Monitoring of recommendations"), (monitoring.Number, monitoring.Text));
        Expect.Sequence(monitoring.SubItems.Select(s => $"{s.Label}. {s.Text}"), [.. published[3].SubItems.Select(s => $"{s.Label}. {s.Text}")]);
        Expect.Sequence(monitoring.SubItems.Select(s => string.Join("|", s.Addressees)),
            "Home Office", "National Police Chiefs' Council", "Association of Police and Crime Commissioners");
    }

    [TestMethod]
    public void EssexAppendixWarnsOfTheLettersLostBulletsAndTheGapsInNumbering()
    {
        var preview = RecommendationImport.Parse(EssexLetter);

        Expect.Sequence(Warnings(preview), "NumberingGap 2 line 49", "SubItemLetterMissing 2 line 53", "NumberingGap 6 line 71");
        Assert.Contains("lettered a to g in order", preview.Warnings[1].Message);
        Assert.Contains("Recommendation 5 is missing between 4 and 6", preview.Warnings[2].Message);
    }

    [TestMethod]
    public void TheLetterAroundTheAppendixIsUnplacedNotLost()
    {
        var preview = RecommendationImport.Parse(EssexLetter);

        Assert.AreEqual("Dear Home Secretary,", preview.Unplaced.Single(u => u.FirstLine == 19).Text);
        Assert.IsTrue(preview.Unplaced.All(u => u.LastLine < 47));
        Assert.AreEqual("Appendix A - Recommendations", preview.Labels[0].Text);
    }

    [TestMethod]
    public void SuffolkBriefingNoteGivesTheRecommendationsItReproduces()
    {
        var preview = RecommendationImport.Parse(SuffolkLetter);

        Expect.Sequence(Shape(preview), [.. Shape(TestLetters.HiddenVictims().Recommendations.Take(3))]);
        Expect.Sequence(Warnings(preview), "NumberingGap 2 line 73", "SubItemLetterMissing 2 line 77", "TextNotPlaced 4 line 93");
        Assert.Contains("lettered \"a\" from its place", preview.Warnings[1].Message);
        Assert.AreEqual("## Staff Training, Access to materials and Victim Support Arrangements:", preview.Unplaced.First(u => u.FirstLine == 93).Text);
    }

    [TestMethod]
    public void RecommendationHeadingsWithLetteredSubItemsInEachStyle()
    {
        var preview = RecommendationImport.Parse("""
            Recommendation 1: To chief constables
            By 30 September 2022, chief constables should:
            a. review their vetting backlog;
            (b) publish the results; and
            c) report to the PCC.

            Recommendation 2 – To police and crime commissioners
            PCCs should hold their chief constable to account.
            """);

        Expect.Sequence(Shape(preview),
            "1 [chief constables] By 30 September 2022, chief constables should:",
            "  a. review their vetting backlog;",
            "  b. publish the results; and",
            "  c. report to the PCC.",
            "2 [police and crime commissioners] PCCs should hold their chief constable to account.");
        Assert.IsEmpty(preview.Warnings);
        Expect.Sequence(preview.Labels.Select(l => l.Text), "Recommendation 1: To chief constables", "a.", "(b)", "c)", "Recommendation 2 – To police and crime commissioners");
    }

    [TestMethod]
    public void NumberedHeadingsFollowedByTextAndBulletsOrLetters()
    {
        var preview = RecommendationImport.Parse("""
            Recommendations

            1. To chief constables

            Chief constables should make sure that:

            • officers know the guidance;
            • staff can find it.

            2. To chief constables, and police and crime commissioners

            Work together to understand the needs of victims.

            a. Map local services.
            b. Fill the gaps.
            """);

        Expect.Sequence(Shape(preview),
            "1 [chief constables] Chief constables should make sure that:",
            "  a. officers know the guidance;",
            "  b. staff can find it.",
            "2 [chief constables | police and crime commissioners] Work together to understand the needs of victims.",
            "  a. Map local services.",
            "  b. Fill the gaps.");
        Expect.Sequence(Warnings(preview), "SubItemLetterMissing 1 line 7");
    }

    [TestMethod]
    public void AnAddresseeNamedOnlyInTheSentenceIsTakenFromIt()
    {
        var preview = RecommendationImport.Parse("""
            Recommendation 1

            By 31 March 2022, all chief constables should review how they record modern slavery crimes.

            Recommendation 2

            The Home Office should fund a national helpline.
            """);

        Expect.Sequence(Shape(preview),
            "1 [all chief constables] By 31 March 2022, all chief constables should review how they record modern slavery crimes.",
            "2 [The Home Office] The Home Office should fund a national helpline.");
        Assert.IsEmpty(preview.Warnings);
    }

    [TestMethod]
    public void MonitoringSubItemsEachKeepTheirOwnBody()
    {
        var preview = RecommendationImport.Parse("""
            Recommendation 7: Monitoring of recommendations
            a. Home Office to provide a report within six months.
            b. National Police Chiefs' Council to collate chief constables' progress.
            c. Association of Police and Crime Commissioners to collate PCCs' progress.
            d. The College of Policing should update its guidance.
            """);

        Expect.Sequence(Shape(preview),
            "7 Monitoring of recommendations",
            "  a. [Home Office] Home Office to provide a report within six months.",
            "  b. [National Police Chiefs' Council] National Police Chiefs' Council to collate chief constables' progress.",
            "  c. [Association of Police and Crime Commissioners] Association of Police and Crime Commissioners to collate PCCs' progress.",
            "  d. [The College of Policing] The College of Policing should update its guidance.");
        Expect.Sequence(Warnings(preview), "NumberingGap 7 line 1");
    }

    [TestMethod]
    public void PdfDebrisIsRemovedAndReportedAndBrokenLinesAreJoined()
    {
        var preview = RecommendationImport.Parse("""
            The hidden victims: report on a super-complaint

            Recommendation 3: To chief constables
            Assure themselves that their resources are being deployed to enable effective investigation of modern
            slavery offences (which may, for example, involve taking account of high levels of

            12

            The hidden victims: report on a super-complaint

            vulnerability and organised crime group involvement). They should assure themselves that their crime
            allocation processes direct investigations to the most appropriately skilled individuals and teams.

            Page 13 of 40
            """);

        Expect.Sequence(Shape(preview), $"3 [chief constables] {Rec3}");
        Expect.Sequence(preview.Removed.Select(r => $"{r.Line} {r.Reason} {r.Text}"),
            "1 RunningHeader The hidden victims: report on a super-complaint",
            "7 PageNumber 12",
            "9 RunningHeader The hidden victims: report on a super-complaint",
            "14 PageNumber Page 13 of 40");
        Assert.IsEmpty(preview.Unplaced);
    }

    [TestMethod]
    public void BulletsOfEveryKindAndLostLettersBecomeLetteredSubItems()
    {
        var preview = RecommendationImport.Parse($"""
            Recommendation 2: To chief constables
            Assure themselves that officers and staff are able to:
            - easily access information;
            • b. identify possible victims;
            ·c. recognise that victims should not be treated as criminals; and
            {'\uF0B7'} d. know how to take immediate steps to make victims feel safe.
            """);

        Expect.Sequence(Shape(preview),
            "2 [chief constables] Assure themselves that officers and staff are able to:",
            "  a. easily access information;",
            "  b. identify possible victims;",
            "  c. recognise that victims should not be treated as criminals; and",
            "  d. know how to take immediate steps to make victims feel safe.");
        Expect.Sequence(Warnings(preview), "NumberingGap 2 line 1", "SubItemLetterMissing 2 line 3");
    }

    [TestMethod]
    public void SubItemsWhoseBulletsWereLostByOcrAreFoundByTheirClauses()
    {
        var preview = RecommendationImport.Parse("""
            Recommendation 1: To chief constables
            Make sure that officers are able to:
            identify possible victims of modern
            slavery;
            make good-quality referrals; and
            consider the statutory defence.
            """);

        Expect.Sequence(Shape(preview),
            "1 [chief constables] Make sure that officers are able to:",
            "  a. identify possible victims of modern slavery;",
            "  b. make good-quality referrals; and",
            "  c. consider the statutory defence.");
        Expect.Sequence(Warnings(preview), "SubItemLetterMissing 1 line 3");
    }

    [TestMethod]
    public void HyphensAtLineEndsAreKeptAndJoinedWithoutASpace()
    {
        var preview = RecommendationImport.Parse("""
            Recommendation 1: To chief constables
            Assure themselves that staff (including non-
            specialist staff) complete a self-
            assessment – and that the results
            are published.
            """);

        Assert.AreEqual(
            "Assure themselves that staff (including non-specialist staff) complete a self-assessment – and that the results are published.",
            preview.Recommendations[0].Text);
    }

    [TestMethod]
    public void APrintersHyphenAtALineEndIsRemovedAndTheJoinIsListedToUndo()
    {
        var preview = RecommendationImport.Parse("""
            Recommendation 1: To chief constables
            Make sure every investi-
            gation of modern slavery protects vul-
            nerable victims, and that each investigation is reviewed.
            """);

        Assert.AreEqual(
            "Make sure every investigation of modern slavery protects vulnerable victims, and that each investigation is reviewed.",
            preview.Recommendations[0].Text);
        CollectionAssert.AreEqual(
            new[] { new HyphenJoin(2, "investigation", "investi-gation"), new HyphenJoin(3, "vulnerable", "vul-nerable") },
            preview.Joins.ToArray());
        Assert.AreEqual("2 -, 3 -", string.Join(", ", preview.Removed.Where(r => r.Reason == RemovalReason.LineEndHyphen).Select(r => $"{r.Line} {r.Text}")));
    }

    [TestMethod]
    [DataRow("multi-\nagency", "multi-agency", DisplayName = "a prefix British policing hyphenates")]
    [DataRow("co-\nordinate", "co-ordinate", DisplayName = "co-ordinate")]
    [DataRow("cross-\nborder", "cross-border", DisplayName = "cross-border")]
    [DataRow("good-\nquality", "good-quality", DisplayName = "good-quality")]
    [DataRow("evidence-\nled", "evidence-led", DisplayName = "a second half policing texts hyphenate")]
    [DataRow("safe-\nguarding keeps people safe and guarding", "safe-guarding keeps people safe and guarding", DisplayName = "both halves are words of the report")]
    [DataRow("HMICFRS-\nled", "HMICFRS-led", DisplayName = "after an acronym")]
    [DataRow("Covid-\n19", "Covid-19", DisplayName = "before a digit")]
    [DataRow("anti-\nSemitism", "anti-Semitism", DisplayName = "before a capital")]
    [DataRow("police-\nled and police-led", "police-led and police-led", DisplayName = "the report writes the hyphenated form elsewhere")]
    [DataRow("coordi-\nnate and coordinate", "coordinate and coordinate", DisplayName = "the report writes the joined form elsewhere")]
    [DataRow("co-\noperate and cooperate", "cooperate and cooperate", DisplayName = "the report's own word wins over a prefix rule")]
    [DataRow("safe-\nguarding", "safeguarding", DisplayName = "otherwise the printer's")]
    [DataRow("safe\u00AD\nguarding", "safeguarding", DisplayName = "a soft hyphen always")]
    public void AHyphenAtALineEndIsKeptWhenItIsTheWords(string broken, string expected)
    {
        var preview = RecommendationImport.Parse($"Recommendation 1: To chief constables\nThey should review {broken} work.");

        Assert.AreEqual($"They should review {expected} work.", preview.Recommendations[0].Text);
        Assert.AreEqual(preview.Joins.Count, preview.Removed.Count(r => r.Reason == RemovalReason.LineEndHyphen));
    }

    [TestMethod]
    public void TheReportsOwnTyposAreKept()
    {
        var preview = RecommendationImport.Parse("Recommendation 2: To chief constables\nunderstand how to advise victims what support is available them ;  and  teh rest.");

        Assert.AreEqual("understand how to advise victims what support is available them ; and teh rest.", preview.Recommendations[0].Text);
    }

    [TestMethod]
    public void AreasForImprovementAndCausesOfConcernKeepTheirOwnNumbers()
    {
        var preview = RecommendationImport.Parse("""
            Cause of concern 1
            The force is not doing enough to protect vulnerable people.

            Area for improvement 1
            The force should improve how it records crime.

            AFI 2: The force should improve its supervision of investigations.

            Areas for improvement

            3. The force should make sure that its call handlers assess risk.
            """);

        Expect.Sequence(Shape(preview),
            "Cause of concern 1 (cause of concern) [The force] The force is not doing enough to protect vulnerable people.",
            "AFI 1 (area for improvement) [The force] The force should improve how it records crime.",
            "AFI 2 (area for improvement) [The force] The force should improve its supervision of investigations.",
            "AFI 3 (area for improvement) [The force] The force should make sure that its call handlers assess risk.");
        Assert.IsEmpty(preview.Warnings);
    }

    [TestMethod]
    public void AnAddresseeTheRulesDoNotKnowIsKeptAndFlagged()
    {
        var preview = RecommendationImport.Parse("Recommendation 1: To the Police and Crime Panel\nReview the plan.");

        Expect.Sequence(Shape(preview), "1 [the Police and Crime Panel] Review the plan.");
        Expect.Sequence(Warnings(preview), "AddresseeNotRecognised 1 line 1");
    }

    [TestMethod]
    public void ASubItemListThatRestartsIsFlaggedWhereItRestarts()
    {
        var preview = RecommendationImport.Parse("""
            Recommendation 1: To chief constables
            Chief constables should:
            a. review the plan;
            b. publish it;
            a. consult victims;
            d. report back.
            """);

        Expect.Sequence(Warnings(preview), "SubItemListRestarts 1 line 5", "SubItemLetterSkipped 1 line 6");
        Assert.Contains("restart at \"a\" after \"b\"", preview.Warnings[0].Message);
    }

    [TestMethod]
    public void TextThatCannotBePlacedIsReportedWithTheRecommendationBeforeIt()
    {
        var preview = RecommendationImport.Parse("""
            Recommendation 1: To chief constables
            Review the plan.

            We found that forces were slow to act.

            Recommendation 3: To chief constables
            Publish the plan.
            """);

        Expect.Sequence(Warnings(preview), "TextNotPlaced 1 line 4", "NumberingGap 3 line 6");
        Assert.AreEqual("We found that forces were slow to act.", preview.Unplaced.Single().Text);
        Assert.Contains("Recommendation 2 is missing between 1 and 3", preview.Warnings[1].Message);
    }

    [TestMethod]
    public void ARecommendationMentionedInProseIsNotAHeading()
    {
        var preview = RecommendationImport.Parse("Recommendation 2 is accepted in full by the force.\n\nRecommendations 2 and 3 apply to forces.");

        Assert.IsEmpty(preview.Recommendations);
        Expect.Sequence(Warnings(preview), "NoRecommendations  line 1");
        Assert.HasCount(2, preview.Unplaced);
    }

    [TestMethod]
    public void UnprintableCharactersAreRemovedAndReported()
    {
        var preview = RecommendationImport.Parse("Recommendation 1: To chief constables\nReview\u0007 the plan.\uFEFF");

        Assert.AreEqual("Review the plan.", preview.Recommendations[0].Text);
        Expect.Sequence(preview.Removed.Select(r => $"{r.Line} {r.Reason} {r.Text.Length}"), "2 Unprintable 2");
    }

    [TestMethod]
    public void NothingAndNullGiveAnEmptyPreview()
    {
        Assert.IsEmpty(RecommendationImport.Parse(null).Recommendations);
        Assert.IsEmpty(RecommendationImport.Parse("").Unplaced);
    }
}
