using System.Net;
using System.Security.Cryptography;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Imports;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Tests.Imports;

[TestClass]
public sealed class AssuranceImportApiTests
{
    private const string StaffTraining = "Staff Training, Access to materials and Victim Support Arrangements:";

    private static readonly Dictionary<string, string[]> SuffolkMapping = new() { ["2"] = ["s8"], ["3"] = ["s9"], ["4"] = ["s8"] };

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static IEnumerable<string> Proposed(AssurancePreviewDto preview, string reference) =>
        preview.Mappings.Single(m => m.Ref == reference).Sections.Select(s => $"{s.SectionId} {s.Confidence}");

    [TestMethod]
    public async Task TheBriefingNoteIsProposedForRecommendationsTwoThreeAndFourWithReasons()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var docx = ImportFiles.BriefingNote();

        var preview = await (await client.PreviewAssuranceAsync(scenario, docx)).ReadAsync<AssurancePreviewDto>();

        Assert.AreEqual("briefing note.docx", preview.FileName);
        Assert.AreEqual(Sha256(docx), preview.Sha256);
        Assert.AreEqual(StaffTraining, preview.Sections.Single(s => s.Id == "s8").Heading);
        Assert.AreEqual("Resource and Crime Allocation - Modern Slavery:", preview.Sections.Single(s => s.Id == "s9").Heading);
        CollectionAssert.AreEqual(new[] { "s8 Medium" }, Proposed(preview, "2").ToArray());
        CollectionAssert.AreEqual(new[] { "s9 Medium" }, Proposed(preview, "3").ToArray());
        CollectionAssert.AreEqual(new[] { "s8 Low" }, Proposed(preview, "4").ToArray());
        StringAssert.Contains(preview.Mappings.Single(m => m.Ref == "2").Sections[0].Reason,
            "first section after the force's reproduction of recommendations 2, 3 and 4");
        StringAssert.Contains(preview.Mappings.Single(m => m.Ref == "3").Sections[0].Reason, "shares \"Allocation\" and \"Resource\" with recommendation 3");
        StringAssert.EndsWith(preview.Mappings.Single(m => m.Ref == "4").Sections[0].Reason, "so check that it answers recommendation 4.");
        CollectionAssert.AreEqual(new[] { "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s10" }, preview.Unmapped.Select(u => u.SectionId).ToArray());
        StringAssert.Contains(preview.Unmapped.Single(u => u.SectionId == "s5").Reason, "reproduces the text of recommendation 2");
        Assert.AreEqual(0, preview.Changes.Count, "Nothing was imported before.");
        Assert.AreEqual(scenario.DraftETag, (await client.GetAsync(scenario.DraftUrl)).ETag(), "A preview saves nothing.");
    }

    [TestMethod]
    public async Task SelectedItemsNotAddressedToTheForceAreListedWithoutAProposal()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var selected = await client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/selection", new SelectionInput(["2", "6a"]), scenario.DraftETag);
        selected.EnsureSuccessStatusCode();

        var preview = await (await client.PreviewAssuranceAsync(scenario, ImportFiles.BriefingNote())).ReadAsync<AssurancePreviewDto>();

        CollectionAssert.AreEqual(new[] { "2", "6a" }, preview.Mappings.Select(m => m.Ref).ToArray());
        Assert.AreEqual(0, preview.Mappings[1].Sections.Count);
        Assert.AreEqual(AssuranceMapping.NotForTheForce, preview.Mappings[1].Reason);
    }

    [TestMethod]
    public async Task ConfirmingTheMappingRecordsEachAssuranceWithItsProvenance()
    {
        using var host = await ApiHost.StartAsync(clock: FixedClock.On(2021, 6, 20));
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var docx = ImportFiles.BriefingNote();
        var preview = await (await client.PreviewAssuranceAsync(scenario, docx)).ReadAsync<AssurancePreviewDto>();

        var response = await client.ConfirmAssuranceAsync(scenario, docx, preview.Sha256, SuffolkMapping, scenario.DraftETag);

        var draft = await response.ReadAsync<DraftDto>();
        Assert.AreNotEqual(scenario.DraftETag, response.ETag());
        var two = draft.Responses.Single(r => r.Ref == "2").Assurance!;
        StringAssert.StartsWith(two.Text, $"**{StaffTraining}**\n\nAll MDS development activity");
        StringAssert.Contains(two.Text, "and includes:\n\n- NRM process in Suffolk guidance\n- Several National and Regional guidance documents", "Lists are kept.");
        Assert.AreEqual(AssurancePresentation.QuotedInFull, two.Presentation);
        Assert.AreEqual(new Provenance { SuppliedBy = ImportCalls.Supplier, ReceivedOn = new DateOnly(2021, 6, 20), SourceFileName = "briefing note.docx", Sha256 = Sha256(docx) }, two.Provenance);
        StringAssert.StartsWith(draft.Responses.Single(r => r.Ref == "3").Assurance!.Text, "**Resource and Crime Allocation - Modern Slavery:**");
        Assert.AreEqual(two.Text, draft.Responses.Single(r => r.Ref == "4").Assurance!.Text);

        var stored = await (await client.GetAsync(scenario.DraftUrl)).ReadAsync<DraftDto>();
        Assert.AreEqual(two, stored.Responses.Single(r => r.Ref == "2").Assurance);
        var letter = await client.GetAsync($"{scenario.DraftUrl}/document");
        var text = Docx.Text(await letter.Content.ReadAsByteArrayAsync());
        StringAssert.Contains(text, "Short film produced by NCLCC on NRM user guide", "The imported assurance is in the letter.");
    }

    [TestMethod]
    public async Task ARevisedDocumentShowsWhatChangedForEachRecommendation()
    {
        using var host = await ApiHost.StartAsync(clock: FixedClock.On(2021, 6, 20));
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var first = ImportFiles.BriefingNote();
        var imported = await client.ConfirmAssuranceAsync(scenario, first, Sha256(first), SuffolkMapping, scenario.DraftETag);
        imported.EnsureSuccessStatusCode();
        var revised = ImportFiles.BriefingNote(text => text.Replace(
            "In May 2021 a seminar was delivered", "In June 2021 a second seminar was delivered", StringComparison.Ordinal));

        var response = await client.PreviewAssuranceAsync(scenario, revised, "briefing note v2.docx");

        var changes = (await response.ReadAsync<AssurancePreviewDto>()).Changes;
        CollectionAssert.AreEqual(new[] { "2 Changed", "3 Unchanged", "4 Changed" }, changes.Select(c => $"{c.Ref} {c.Kind}").ToArray());
        Assert.AreEqual("briefing note.docx", changes[0].PreviousFileName);
        Assert.AreEqual(new DateOnly(2021, 6, 20), changes[0].PreviousReceivedOn);
        var edits = changes[0].Paragraphs.Where(p => p.Kind != ParagraphChangeKind.Unchanged).ToList();
        Assert.AreEqual(2, edits.Count);
        Assert.AreEqual(ParagraphChangeKind.Removed, edits[0].Kind);
        StringAssert.StartsWith(edits[0].Text, "In May 2021 a seminar was delivered");
        Assert.AreEqual(ParagraphChangeKind.Added, edits[1].Kind);
        StringAssert.StartsWith(edits[1].Text, "In June 2021 a second seminar was delivered");
    }

    [TestMethod]
    public async Task ThePreviewComparesTheDraftersChosenSectionsWhenItIsGivenThem()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var first = ImportFiles.BriefingNote();
        (await client.ConfirmAssuranceAsync(scenario, first, Sha256(first), SuffolkMapping, scenario.DraftETag)).EnsureSuccessStatusCode();
        var etag = (await client.GetAsync(scenario.DraftUrl)).ETag();

        // Same file: the proposal changes nothing. The drafter moves 2 to the Modern Slavery section and unticks 3.
        var proposed = (await (await client.PreviewAssuranceAsync(scenario, first)).ReadAsync<AssurancePreviewDto>()).Changes;
        var chosen = (await (await client.PreviewAssuranceAsync(scenario, first, "briefing note.docx", """{"2":["s9"],"3":[],"4":["s8"]}"""))
            .ReadAsync<AssurancePreviewDto>()).Changes;

        CollectionAssert.AreEqual(new[] { "2 Unchanged", "3 Unchanged", "4 Unchanged" }, proposed.Select(c => $"{c.Ref} {c.Kind}").ToArray());
        CollectionAssert.AreEqual(new[] { "2 Changed", "3 Removed", "4 Unchanged" }, chosen.Select(c => $"{c.Ref} {c.Kind}").ToArray());
        StringAssert.Contains(chosen[0].Paragraphs.First(p => p.Kind == ParagraphChangeKind.Added).Text, "Resource and Crime Allocation - Modern Slavery:");

        var nothing = await client.PreviewAssuranceAsync(scenario, first, "briefing note.docx", "{}");
        Assert.AreEqual(HttpStatusCode.OK, nothing.StatusCode, "Choosing nothing is a comparison too; only confirming needs a choice.");
        var wrong = await client.PreviewAssuranceAsync(scenario, first, "briefing note.docx", """{"9":["s1"],"2":["s99"]}""");
        var problem = await wrong.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.AreEqual("\"9\" is not a recommendation or sub-item of this report.", problem.ErrorsFor("mapping.9").Single());
        Assert.AreEqual("\"s99\" is not a section of \"briefing note.docx\".", problem.ErrorsFor("mapping.2[0]").Single());
        Assert.AreEqual(etag, (await client.GetAsync(scenario.DraftUrl)).ETag(), "A preview saves nothing.");
    }

    [TestMethod]
    public async Task AStaleIfMatchIsRefusedAndChangesNothing()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var docx = ImportFiles.BriefingNote();
        var answered = await client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/3", new ResponseInput("Words.", null, null), scenario.DraftETag);

        var response = await client.ConfirmAssuranceAsync(scenario, docx, Sha256(docx), SuffolkMapping, scenario.DraftETag);

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var draft = await client.GetAsync(scenario.DraftUrl);
        Assert.AreEqual(answered.ETag(), draft.ETag());
        Assert.IsTrue((await draft.ReadAsync<DraftDto>()).Responses.All(r => r.Assurance is null));
    }

    [TestMethod]
    public async Task AFileOtherThanTheOnePreviewedIsRefused()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var previewed = ImportFiles.BriefingNote();
        var other = ImportFiles.BriefingNote(text => text.Replace("Conclusion:", "Summary:", StringComparison.Ordinal));

        var response = await client.ConfirmAssuranceAsync(scenario, other, Sha256(previewed), SuffolkMapping, scenario.DraftETag);

        var reason = (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorsFor("file").Single();
        Assert.AreEqual("\"briefing note.docx\" is not the file that was previewed: its SHA-256 differs. Preview it again, check the mapping, then confirm.", reason);
        Assert.AreEqual(scenario.DraftETag, (await client.GetAsync(scenario.DraftUrl)).ETag());
    }

    [TestMethod]
    public async Task AnUnknownRecommendationOrSectionIsNamedAndNothingIsSaved()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var docx = ImportFiles.BriefingNote();
        var mapping = new Dictionary<string, string[]> { ["2"] = ["s8"], ["9"] = ["s1"], ["3"] = ["s9", "s99"] };

        var response = await client.ConfirmAssuranceAsync(scenario, docx, Sha256(docx), mapping, scenario.DraftETag);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.AreEqual("\"9\" is not a recommendation or sub-item of this report.", problem.ErrorsFor("mapping.9").Single());
        Assert.AreEqual("\"s99\" is not a section of \"briefing note.docx\".", problem.ErrorsFor("mapping.3[1]").Single());
        var draft = await client.GetAsync(scenario.DraftUrl);
        Assert.AreEqual(scenario.DraftETag, draft.ETag());
        Assert.IsTrue((await draft.ReadAsync<DraftDto>()).Responses.All(r => r.Assurance is null), "Recommendation 2 was valid, but nothing is saved.");
    }

    [TestMethod]
    public async Task AConfirmationWithoutSupplierOrMappingSaysWhatIsMissing()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var docx = ImportFiles.BriefingNote();
        var form = HttpCalls.FileForm("briefing note.docx", docx, ImportFiles.DocxType, new Dictionary<string, string> { ["sha256"] = Sha256(docx), ["mapping"] = "{\"2\":[]}" });

        var missing = await client.SendFormAsync(HttpMethod.Post, $"{scenario.DraftUrl}/assurance-import", form, scenario.DraftETag);
        var empty = await client.ConfirmAssuranceAsync(scenario, docx, Sha256(docx), new Dictionary<string, string[]> { ["2"] = [] }, scenario.DraftETag);

        Assert.AreEqual("Is required.", (await missing.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("suppliedBy").Single());
        Assert.AreEqual("Choose at least one section for at least one recommendation.", (await empty.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("mapping").Single());
        Assert.AreEqual(scenario.DraftETag, (await client.GetAsync(scenario.DraftUrl)).ETag());
    }

    [TestMethod]
    public async Task AWordFileSentForOneRecommendationIsPointedToTheImport()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var form = HttpCalls.FileForm("briefing note.docx", ImportFiles.BriefingNote(), ImportFiles.DocxType, new Dictionary<string, string> { ["suppliedBy"] = ImportCalls.Supplier });

        var response = await client.SendFormAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/3/assurance", form, scenario.DraftETag);

        var detail = (string)(await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType))["detail"]!;
        StringAssert.Contains(detail, "Import the force's Word document");
        StringAssert.Contains(detail, "/assurance-import/preview");
    }
}
