using ResponseDrafter.TestSupport;
using System.Security.Cryptography;
using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Markup;
using ResponseDrafter.Documents.Rules;
using ResponseDrafter.Documents.Tests.Fixtures;
using ResponseDrafter.Documents.Tests.Letters;

namespace ResponseDrafter.Documents.Tests.Import;

[TestClass]
public sealed class AssuranceImportTests
{
    private const string Supplier = "Det Chief Supt Eamonn Bridger, Suffolk Constabulary";
    private static readonly DateOnly Received = new(2021, 6, 16);

    private static IReadOnlyList<ApplicableItem> ForceItems() =>
        [.. Applicability.Of(TestLetters.HiddenVictims().Recommendations).Where(i => i.AppliesTo.HasFlag(LocalBody.ChiefConstable))];

    private static ForceDocument Read(byte[] docx, string name = "Briefing note.docx")
    {
        var read = AssuranceImport.Read(docx, name);
        Assert.IsNull(read.Refusal, read.Refusal?.Message);
        return read.Document!;
    }

    private static string Text(string recommendation) =>
        TestLetters.HiddenVictims().Recommendations.Single(r => r.Number == recommendation).Text;

    private static IEnumerable<string> Proposed(AssuranceProposal proposal, string reference) =>
        proposal.Mappings.Single(m => m.Ref == reference).Sections.Select(p => $"{p.SectionId} {p.Confidence}");

    [TestMethod]
    public void BriefingNoteSplitsIntoSectionsAtItsHeadings()
    {
        var document = Read(BriefingNote.Document());

        Expect.Sequence(document.Sections.Select(s => $"{s.Id} {s.Level} {s.Heading}"),
            "s1 0 ",
            "s2 1 Introduction:",
            "s3 1 Recommendations for Policing:",
            "s4 1 Recommendations",
            "s5 2 2. To chief constables",
            "s6 2 3. To chief constables",
            "s7 2 4. To chief constables, and police and crime commissioners",
            "s8 1 Staff Training, Access to materials and Victim Support Arrangements:",
            "s9 1 Resource and Crime Allocation - Modern Slavery:",
            "s10 1 Conclusion:");
    }

    [TestMethod]
    public void SectionsKeepParagraphsListsAndEmphasisAsValidMarkup()
    {
        var sections = Read(BriefingNote.Document()).Sections;

        Assert.StartsWith("To: HMIC Team - Suffolk\n\n**From:** Det Chief Supt Eamonn Bridger\n\n**Date:** 16th June 2020", sections[0].Text);
        Assert.Contains(
            "and includes:\n\n- NRM process in Suffolk guidance\n- Several National and Regional guidance documents and news letters\n" +
            "- Short film produced by NCLCC on NRM user guide\n- Short film produced by NCLCC on S45 defence user guide\n\nIn May 2021",
            sections[7].Text);
        Assert.Contains("so that officers and staff are able to:\n\na. easily access information", sections[4].Text);
        foreach (var section in sections)
        {
            Assert.IsEmpty(RichText.Parse(section.Text).Problems, $"{section.Id}: {string.Join("; ", RichText.Parse(section.Text).Problems)}");
        }
    }

    [TestMethod]
    public void BriefingNoteAnswersAreProposedForRecommendationsTwoThreeAndFour()
    {
        var document = Read(BriefingNote.Document());

        var proposal = AssuranceImport.Propose(document.Sections, ForceItems());

        Expect.Sequence(proposal.Mappings.Select(m => m.Ref), "2", "3", "4");
        Expect.Sequence(Proposed(proposal, "2"), "s8 Medium");
        Expect.Sequence(Proposed(proposal, "3"), "s9 Medium");
        Expect.Sequence(Proposed(proposal, "4"), "s8 Low");
        var two = proposal.Mappings[0].Sections[0].Reason;
        Assert.Contains("first section after the force's reproduction of recommendations 2, 3 and 4, and recommendation 2 was reproduced first", two);
        Assert.Contains("its heading \"Staff Training, Access to materials and Victim Support Arrangements:\" shares \"Staff\", \"Access\", \"Arrangements\" and \"Support\" with recommendation 2", two);
        Assert.Contains("shares \"Allocation\" and \"Resource\" with recommendation 3", proposal.Mappings[1].Sections[0].Reason);
        var four = proposal.Mappings[2].Sections[0].Reason;
        Assert.StartsWith("No section names or quotes recommendation 4; this is the closest in subject.", four);
        Assert.Contains("its paragraph beginning \"Local victim support arrangements are well exercised and …\" shares \"NRM\", \"needs\" and \"support\"", four);
        Assert.EndsWith("It reads more like the answer to recommendation 2, so check that it answers recommendation 4.", four);
    }

    [TestMethod]
    public void SectionsProposedForNothingSayWhy()
    {
        var proposal = AssuranceImport.Propose(Read(BriefingNote.Document()).Sections, ForceItems());

        Expect.Sequence(proposal.Unmapped.Select(u => $"{u.SectionId}: {u.Reason}"),
            "s1: It is the text before the first heading.",
            "s2: \"Introduction:\" is a general section, not the answer to one recommendation.",
            "s3: \"Recommendations for Policing:\" is a general section, not the answer to one recommendation.",
            "s4: \"Recommendations\" is a general section, not the answer to one recommendation.",
            "s5: It reproduces the text of recommendation 2 (100% of it) rather than answering it.",
            "s6: It reproduces the text of recommendation 3 (100% of it) rather than answering it.",
            "s7: It reproduces the text of recommendation 4 (100% of it) rather than answering it.",
            "s10: \"Conclusion:\" is a general section, not the answer to one recommendation.");
    }

    [TestMethod]
    public void HeadingsThatNameRecommendationsAndMentionsInTheTextAreProposed()
    {
        var document = Read(new WordFile()
            .Heading(1, "Recommendation 2 – officer training").Paragraph("All officers have completed the e-learning package.")
            .Heading(1, "Recommendations 3 and 4").Paragraph("Crime allocation has been reviewed with partners.")
            .Heading(1, "Other matters").Paragraph("As rec 3 asks, every investigation now goes to a detective.")
            .Build());

        var proposal = AssuranceImport.Propose(document.Sections, ForceItems());

        Expect.Sequence(Proposed(proposal, "2"), "s1 High");
        Expect.Sequence(Proposed(proposal, "3"), "s2 High", "s3 Medium");
        Expect.Sequence(Proposed(proposal, "4"), "s2 High");
        Assert.AreEqual("Its heading \"Recommendation 2 – officer training\" names \"Recommendation 2\".", proposal.Mappings[0].Sections[0].Reason);
        Assert.AreEqual("It mentions \"rec 3\".", proposal.Mappings[1].Sections[1].Reason);
    }

    [TestMethod]
    public void ASectionThatQuotesARecommendationAndAnswersItIsProposed()
    {
        var document = Read(new WordFile()
            .Heading(1, "Investigations")
            .Paragraph(Text("3"))
            .Paragraph("Every report of modern slavery is now allocated to a detective, and the force reviews its tasking each month so that " +
                "organised crime groups are investigated by the regional team with the skills to do so. Audits check the standard every quarter.")
            .Build());

        var proposal = AssuranceImport.Propose(document.Sections, ForceItems());

        Expect.Sequence(Proposed(proposal, "3"), "s1 High");
        Assert.AreEqual("It quotes 100% of recommendation 3's text.", proposal.Mappings[1].Sections[0].Reason);
    }

    [TestMethod]
    public void AnAnswerUnderItsOwnHeadingAfterEachReproducedRecommendationIsProposedForIt()
    {
        var document = Read(new WordFile()
            .Heading(1, "Recommendation 3").Paragraph(Text("3"))
            .Heading(2, "Our response").Paragraph("Reports are allocated to detectives, and tasking meetings direct the rest.")
            .Heading(1, "Recommendation 4").Paragraph(Text("4"))
            .Heading(2, "Our response").Paragraph("The force and the commissioner fund a victim navigator together.")
            .Build());

        var proposal = AssuranceImport.Propose(document.Sections, ForceItems());

        Expect.Sequence(Proposed(proposal, "3"), "s2 Medium");
        Expect.Sequence(Proposed(proposal, "4"), "s4 Medium");
        Assert.AreEqual("It follows the force's reproduction of recommendation 3.", proposal.Mappings[1].Sections[0].Reason);
    }

    [TestMethod]
    public void ARecommendationNothingAnswersIsLeftUnmappedWithAReason()
    {
        var document = Read(new WordFile().Heading(1, "Catering").Paragraph("The canteen has a new menu.").Build());

        var proposal = AssuranceImport.Propose(document.Sections, ForceItems());

        Assert.IsTrue(proposal.Mappings.All(m => m.Sections.Count == 0));
        Assert.AreEqual("No section names recommendation 2, quotes it or shares enough of its subject. Choose its sections, or leave it without the force's assurance.", proposal.Mappings[0].Reason);
        Expect.Sequence(proposal.Unmapped.Select(u => u.Reason), "It names, quotes or shares the subject of none of the applicable recommendations.");
    }

    [TestMethod]
    public void TheChosenSectionsBecomeTheAssuranceWithTheirProvenance()
    {
        var bytes = BriefingNote.Document();
        var document = Read(bytes);

        var assurance = AssuranceImport.Compose(document, ["s8"], Supplier, Received)!;

        Assert.StartsWith("**Staff Training, Access to materials and Victim Support Arrangements:**\n\nAll MDS development activity is captured", assurance.Text);
        Assert.IsEmpty(RichText.Parse(assurance.Text).Problems);
        Assert.AreEqual(
            (Supplier, Received, "Briefing note.docx", Convert.ToHexStringLower(SHA256.HashData(bytes))),
            (assurance.Provenance.SuppliedBy, assurance.Provenance.ReceivedOn, assurance.Provenance.SourceFileName, assurance.Provenance.Sha256));
        Assert.IsTrue(assurance.Provenance.Sha256!.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'));
    }

    [TestMethod]
    public void SectionsAreComposedInTheOrderChosenAndUnknownIdsAreIgnored()
    {
        var document = Read(BriefingNote.Document());

        var assurance = AssuranceImport.Compose(document, ["s9", "s8", "s99", "s9"], Supplier, Received, includeHeadings: false)!;

        Assert.StartsWith("As a result of the steady increase in crime reporting", assurance.Text);
        Assert.Contains("Modern Slavery Delivery and Organisational Performance Board.\n\nAll MDS development activity", assurance.Text);
        Assert.IsNull(AssuranceImport.Compose(document, ["s99"], Supplier, Received));
    }

    [TestMethod]
    public void ARevisedDocumentShowsWhatChangedForEachRecommendation()
    {
        var first = Read(BriefingNote.Document());
        var revised = Read(BriefingNote.Document(text => text
            .Replace("In May 2021 a seminar was delivered", "In June 2021 a second seminar was delivered", StringComparison.Ordinal)
            .Replace("Modern Slavery Delivery and Organisational Performance Board.", "Modern Slavery Delivery and Organisational Performance Board.\n\nA new detective team starts in September.", StringComparison.Ordinal)));
        Assert.AreNotEqual(first.Sha256, revised.Sha256);

        var changes = AssuranceImport.Compare(Assurances(first), Assurances(revised));

        Expect.Sequence(changes.Select(c => $"{c.Ref} {c.Kind}"), "2 Changed", "3 Changed", "4 Changed");
        Expect.Sequence(changes[0].Paragraphs.Where(p => p.Kind != ParagraphChangeKind.Unchanged).Select(p => $"{p.Kind}: {string.Join(' ', p.Text.Split(' ').Take(6))}"),
            "Removed: In May 2021 a seminar was",
            "Added: In June 2021 a second seminar");
        Expect.Sequence(changes[1].Paragraphs.Where(p => p.Kind != ParagraphChangeKind.Unchanged).Select(p => $"{p.Kind}: {p.Text}"),
            "Added: A new detective team starts in September.");
        Assert.AreEqual(ParagraphChangeKind.Unchanged, changes[1].Paragraphs[0].Kind);
    }

    [TestMethod]
    public void ComparisonNamesAssurancesAddedRemovedAndUnchanged()
    {
        var changes = AssuranceImport.Compare(
            new Dictionary<string, string> { ["10"] = "Same.\n\n- item", ["2"] = "Old only." },
            new Dictionary<string, string> { ["10"] = "Same.\n\n- item", ["6c"] = "New." });

        Expect.Sequence(changes.Select(c => $"{c.Ref} {c.Kind} {c.Paragraphs.Count}"), "2 Removed 1", "6c Added 1", "10 Unchanged 2");
    }

    [TestMethod]
    public void NothingToProposeFromGivesAnEmptyProposal()
    {
        var proposal = AssuranceImport.Propose(null, null);

        Assert.IsEmpty(proposal.Mappings);
        Assert.IsEmpty(proposal.Unmapped);
    }

    private static Dictionary<string, string> Assurances(ForceDocument document) => new()
    {
        ["2"] = AssuranceImport.Compose(document, ["s8"], Supplier, Received)!.Text,
        ["3"] = AssuranceImport.Compose(document, ["s9"], Supplier, Received)!.Text,
        ["4"] = AssuranceImport.Compose(document, ["s8"], Supplier, Received)!.Text,
    };
}
