using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Api.Tests.Publication;

/// <summary>The copy list's label from the profile, no empty appendix, and the letter-level parts the status says will be empty.</summary>
[TestClass]
public sealed class LetterPartsApiTests
{
    [TestMethod]
    public async Task ANewDraftTakesTheProfilesCopyListLabelAndItsDocumentPrintsIt()
    {
        using var host = await ApiHost.StartAsync();
        using var admin = host.ClientFor(Caller.Admin);
        var profile = await (await admin.SendJsonAsync(HttpMethod.Put, "/api/profile", Scenario.Profile() with { CopyListLabel = " Copied to: " })).ReadAsync<ProfileDto>();
        var scenario = await Scenario.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);

        var draft = await (await drafter.GetAsync(scenario.DraftUrl)).ReadAsync<DraftDto>();
        var text = Docx.Text(await drafter.GetByteArrayAsync($"{scenario.DraftUrl}/document"));

        Assert.AreEqual("Copied to:", profile.CopyListLabel);
        Assert.AreEqual("Copied to:", draft.Letter.CopyListLabel);
        StringAssert.Contains(text, "Copied to:\nChief Constable, Wessex Police");
        Assert.DoesNotContain("cc:", text);
    }

    [TestMethod]
    public async Task TheDraftsOwnLabelReachesTheDocumentInWord()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var draft = await (await drafter.GetAsync(scenario.DraftUrl)).ReadAsync<DraftDto>();

        var put = await drafter.SendJsonAsync(HttpMethod.Put, scenario.DraftUrl, LetterOf(draft) with { CopyListLabel = "Copy to:" }, scenario.DraftETag);

        var changed = await put.ReadAsync<DraftDto>();
        Assert.AreEqual("Copy to:", changed.Letter.CopyListLabel);
        CollectionAssert.Contains(changed.Document!.Changed.ToList(), "cc");
        StringAssert.Contains(Docx.Text(await drafter.GetByteArrayAsync($"{scenario.DraftUrl}/document")), "Copy to:\nChief Constable, Wessex Police");
    }

    [TestMethod]
    public async Task ALabelChangedInWordIsReadBackIntoTheDraft()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var document = await drafter.GetAsync($"{scenario.DraftUrl}/document");
        var edited = RewriteLabel(await document.Content.ReadAsByteArrayAsync(), "Copied to:");

        var saved = await drafter.SaveAsync(scenario.DraftUrl, edited, document.ETag());

        Assert.AreEqual("Copied to:", (await saved.ReadAsync<DraftDto>()).Letter.CopyListLabel);
    }

    [TestMethod]
    public async Task ACopyListLabelThatIsMissingOrOnTwoLinesIsRefusedByName()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var admin = host.ClientFor(Caller.Admin);

        var missing = await admin.SendJsonAsync(HttpMethod.Put, "/api/profile", Scenario.Profile() with { CopyListLabel = " " }, scenario.ProfileETag);
        var twoLines = await admin.SendJsonAsync(HttpMethod.Put, "/api/profile", Scenario.Profile() with { CopyListLabel = "cc:\nbcc:" }, scenario.ProfileETag);
        var tooLong = await admin.SendJsonAsync(HttpMethod.Put, "/api/profile", Scenario.Profile() with { CopyListLabel = new string('c', 41) }, scenario.ProfileETag);

        Assert.AreEqual("Is required.", (await missing.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("copyListLabel").Single());
        Assert.AreEqual("Must be one line, e.g. \"cc:\" or \"Copied to:\".", (await twoLines.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("copyListLabel").Single());
        Assert.AreEqual("Is longer than 40 characters.", (await tooLong.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("copyListLabel").Single());
        Assert.AreEqual("cc:", (await (await admin.GetAsync("/api/profile")).ReadAsync<ProfileDto>()).CopyListLabel, "nothing was saved");
    }

    [TestMethod]
    public async Task ADraftForAReportWithNothingToAnswerStartsWithoutAnEmptyAppendix()
    {
        using var host = await ApiHost.StartAsync();
        await Scenario.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var report = await (await drafter.SendJsonAsync(HttpMethod.Post, "/api/reports", Scenario.Report("National guidance", new DateOnly(2021, 6, 1)) with
        {
            Recommendations = [new RecommendationInput("1", null, ["the Home Office"], "The Home Office should publish guidance.", [])],
        })).ReadAsync<ReportDto>();

        var draft = await (await drafter.SendJsonAsync(HttpMethod.Post, "/api/drafts", new NewDraftInput(report.Id))).ReadAsync<DraftDto>();

        Assert.IsEmpty(draft.Selection);
        Assert.IsEmpty(draft.Letter.Appendices);
        Assert.DoesNotContain("Appendix A", Docx.Text(await drafter.GetByteArrayAsync($"/api/drafts/{draft.Id}/document")));
    }

    [TestMethod]
    public async Task TheStatusListsTheLetterLevelPartsThatWillBeEmptyWithoutCallingTheLetterIncomplete()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var draft = await (await drafter.GetAsync(scenario.DraftUrl)).ReadAsync<DraftDto>();
        var letter = LetterOf(draft) with
        {
            Opening = "I welcome this report.",
            Appendices = [new AppendixInput("Appendix B - Glossary", null, [])],
        };
        var put = await drafter.SendJsonAsync(HttpMethod.Put, scenario.DraftUrl, letter, scenario.DraftETag);
        Assert.AreEqual(HttpStatusCode.OK, put.StatusCode, await put.Content.ReadAsStringAsync());

        var status = await (await drafter.GetAsync($"{scenario.DraftUrl}/status")).ReadAsync<DraftStatusDto>();

        Assert.AreEqual("context, accountability, appendices[0]", string.Join(", ", status.EmptyParts.Select(p => p.Part)));
        Assert.IsTrue(status.EmptyParts.All(p => p.Outcome == EmptyOutcome.LeftOut));
        Assert.AreEqual("\"Appendix B - Glossary\" has no text and no recommendations: it will be left out of the letter", status.EmptyParts[^1].Message);
        Assert.IsFalse(status.Gaps.Any(g => g.Field is "context" or "accountability" or "appendices[0]"), "empty parts are not completeness gaps");
    }

    /// <summary>The drafter types over the copy list's label in Word.</summary>
    private static byte[] RewriteLabel(byte[] docx, string text)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var word = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var label = word.MainDocumentPart!.Document!.Body!.Descendants<SdtRun>().Single(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value == "cc.label");
            var content = label.GetFirstChild<SdtContentRun>()!;
            content.RemoveAllChildren();
            content.Append(new Run(new Text(text)));
        }

        return stream.ToArray();
    }

    private static DraftLetterInput LetterOf(DraftDto draft)
    {
        var letter = draft.Letter;
        return new DraftLetterInput(
            [.. letter.References.Select(r => new ReferenceInput(r.Label, r.Value))],
            letter.Date,
            letter.DateStyle,
            [.. letter.Recipients.Select(r => new RecipientInput(r.Name, r.Title, [.. r.AddressLines], r.Email))],
            letter.Salutation,
            letter.Subject,
            letter.StatutoryCitation,
            letter.Opening,
            letter.Context,
            letter.Accountability,
            letter.Publication,
            letter.Closing,
            new SignatoryInput(letter.Signatory.Name, letter.Signatory.Title),
            [.. letter.Cc],
            letter.CopyListLabel,
            [.. letter.Appendices.Select(a => new AppendixInput(a.Title, a.Body, [.. a.Recommendations]))]);
    }
}
