using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Tests.Workflow;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Tests.Drafting;

/// <summary>The Word document is the draft: what is written in Word is what approvers approve and what is signed.</summary>
[TestClass]
public sealed class DocumentIsTheDraftTests
{
    private const string Typed = "A paragraph the drafter typed in Word, outside every region.";

    [TestMethod]
    public async Task AParagraphTypedInWordOutsideEveryRegionSurvivesReassemblySubmissionAndSigningByteForByte()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var (docx, etag) = await DocumentAsync(drafter, rig.DraftUrl);
        var saved = await drafter.SaveAsync(rig.DraftUrl, WordEdits.TypeParagraphAfter(docx, "context", Typed), etag);
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        var (stored, _) = await DocumentAsync(drafter, rig.DraftUrl);
        var typed = WordEdits.RawParagraph(stored, Typed);

        var changed = await drafter.SendJsonAsync(HttpMethod.Put, $"{rig.DraftUrl}/responses/3",
            new ResponseInput("New words from the record.", ResponseStatus.ActionProposed, null), saved.ETag());
        var reassembled = await drafter.SendJsonAsync(HttpMethod.Post, $"{rig.DraftUrl}/document/assemble", null, changed.ETag());
        var (patched, _) = await DocumentAsync(drafter, rig.DraftUrl);
        await rig.SubmittedAsync();
        await rig.DecidedAsync(Caller.HeadOfPolicy, "approve");
        var approved = await rig.DecidedAsync(Caller.Commissioner, "approve");
        var version = await drafter.GetByteArrayAsync(approved.Versions[0].DocumentUrl);
        var signed = await drafter.GetByteArrayAsync($"{rig.DraftUrl}/final/document");

        Assert.AreEqual(HttpStatusCode.OK, changed.StatusCode, await changed.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, reassembled.StatusCode, await reassembled.Content.ReadAsStringAsync());
        StringAssert.Contains(Docx.Text(patched), "New words from the record.");
        Assert.AreEqual(typed, WordEdits.RawParagraph(patched, Typed), "after the record changed");
        Assert.AreEqual(typed, WordEdits.RawParagraph(version, Typed), "in the version submitted");
        Assert.AreEqual(typed, WordEdits.RawParagraph(signed, Typed), "in the signed letter");
        Assert.AreEqual(0, Docx.Validate(signed).Count, string.Join('\n', Docx.Validate(signed)));
    }

    [TestMethod]
    public async Task AVersionIsTheExactBytesTheDrafterSavedFromWord()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var (docx, etag) = await DocumentAsync(drafter, rig.DraftUrl);
        var fromWord = WordEdits.TypeParagraphAfter(docx, "context", Typed);

        var saved = await drafter.SaveAsync(rig.DraftUrl, fromWord, etag);
        var submitted = await rig.SubmittedAsync();

        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(fromWord)), submitted.Versions[0].Sha256);
        CollectionAssert.AreEqual(fromWord, await drafter.GetByteArrayAsync(submitted.Versions[0].DocumentUrl));
    }

    [TestMethod]
    public async Task WhatIsWrittenInARegionInWordIsReadBackIntoTheRecord()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var (docx, etag) = await DocumentAsync(drafter, scenario.DraftUrl);
        var edited = WordEdits.RewriteRegion(docx, "responses/response:2/response.commentary", "Written in Word by the policy officer.");
        edited = WordEdits.RewriteRegion(edited, "opening", "Thank you for the report, which I welcome.");

        var saved = await drafter.SaveAsync(scenario.DraftUrl, edited, etag);

        var draft = await saved.ReadAsync<DraftDto>();
        Assert.AreEqual("Written in Word by the policy officer.", draft.Responses.Single(r => r.Ref == "2").Commentary);
        Assert.AreEqual("Thank you for the report, which I welcome.", draft.Letter.Opening);
        CollectionAssert.AreEqual(edited, await drafter.GetByteArrayAsync($"{scenario.DraftUrl}/document"));
    }

    [TestMethod]
    public async Task SavingTheDocumentBackUnchangedKeepsTheRecordAndLaterChangesStillAssemble()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var assured = await drafter.SendJsonAsync(HttpMethod.Put, $"{rig.DraftUrl}/responses/2/assurance",
            new AssuranceInput("The force will:\n\n- train every officer\n- *audit* cases\n\nSee [the plan](https://example.org/plan).", "DCI Example", null, null),
            await rig.ETagAsync());
        var before = await (await drafter.GetAsync(rig.DraftUrl)).ReadAsync<DraftDto>();
        var (docx, etag) = await DocumentAsync(drafter, rig.DraftUrl);

        var saved = await drafter.SaveAsync(rig.DraftUrl, docx, etag);
        var reassembled = await drafter.SendJsonAsync(HttpMethod.Post, $"{rig.DraftUrl}/document/assemble", null, saved.ETag());

        Assert.AreEqual(HttpStatusCode.OK, assured.StatusCode, await assured.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, reassembled.StatusCode, await reassembled.Content.ReadAsStringAsync());
        var after = await reassembled.ReadAsync<DraftDto>();
        Assert.IsEmpty(after.Document!.Changed, string.Join(", ", after.Document.Changed));
        foreach (var response in before.Responses)
        {
            var read = after.Responses.Single(r => r.Ref == response.Ref);
            Assert.AreEqual((response.Commentary, response.Status, response.Reason), (read.Commentary, read.Status, read.Reason), response.Ref);
        }

        Assert.AreEqual(before.Letter.Publication, after.Letter.Publication);
    }

    [TestMethod]
    public async Task ChangingTheForcesAssuranceInWordIsRefusedNamingTheRecommendationAndNothingIsSaved()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var assured = await drafter.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2/assurance",
            new AssuranceInput("All frontline officers have completed the training.", "DCI Example, Wessex Police", null, null), scenario.DraftETag);
        var (docx, etag) = await DocumentAsync(drafter, scenario.DraftUrl);
        var tampered = WordEdits.RewriteRegion(docx, "responses/response:2/response.assurance", "Most frontline officers have completed the training.");

        var response = await drafter.SaveAsync(scenario.DraftUrl, tampered, etag);

        Assert.AreEqual(HttpStatusCode.OK, assured.StatusCode, await assured.Content.ReadAsStringAsync());
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        StringAssert.StartsWith(problem.ErrorsFor("responses/2/assurance").Single(), "Recommendation 2:");
        var changes = problem["assuranceChanges"]!.AsArray().Single()!["changes"]!.AsArray().Select(c => $"{c!["kind"]}: {c["text"]}").ToList();
        CollectionAssert.Contains(changes, "removed: All frontline officers have completed the training.");
        CollectionAssert.Contains(changes, "added: Most frontline officers have completed the training.");
        CollectionAssert.AreEqual(docx, await drafter.GetByteArrayAsync($"{scenario.DraftUrl}/document"), "nothing was saved");
    }

    [TestMethod]
    public async Task TheForcesAssuranceIsLockedInTheDocument()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        await drafter.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2/assurance",
            new AssuranceInput("All frontline officers have completed the training.", "DCI Example, Wessex Police", null, null), scenario.DraftETag);

        var (docx, _) = await DocumentAsync(drafter, scenario.DraftUrl);

        var assurance = LetterDocument.Read(docx).Document!.Find("responses/response:2/response.assurance")!;
        Assert.IsTrue(assurance.Locked);
        StringAssert.StartsWith(assurance.Alias, "Force assurance: supplied by DCI Example, Wessex Police, received ");
    }

    [TestMethod]
    public async Task ADocumentOfAnotherDraftOrWithoutADraftIsRefused()
    {
        using var host = await ApiHost.StartAsync();
        var first = await Scenario.CreateAsync(host);
        var second = await Scenario.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var (otherDocx, _) = await DocumentAsync(drafter, second.DraftUrl);

        var wrongDraft = await drafter.SaveAsync(first.DraftUrl, otherDocx, first.DraftETag);
        var noDraft = await drafter.SaveAsync(first.DraftUrl, Docx.WithoutTags(), first.DraftETag);
        var notWord = await drafter.SaveAsync(first.DraftUrl, "not a document"u8.ToArray(), first.DraftETag);

        Assert.AreEqual("This document belongs to another draft", (string?)(await wrongDraft.ProblemAsync(HttpStatusCode.Conflict))["title"]);
        Assert.AreEqual("This document is not a ResponseDrafter draft", (string?)(await noDraft.ProblemAsync(HttpStatusCode.Conflict))["title"]);
        Assert.IsNotNull((await notWord.ProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]);
    }

    [TestMethod]
    public async Task SavingAStaleDocumentIsRefusedWith412()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var (docx, etag) = await DocumentAsync(drafter, scenario.DraftUrl);
        await drafter.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/3", new ResponseInput("Meanwhile.", ResponseStatus.ActionTaken, null), etag);

        var response = await drafter.SaveAsync(scenario.DraftUrl, WordEdits.TypeParagraphAfter(docx, "context", Typed), etag);

        Assert.AreEqual(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [TestMethod]
    public async Task ChoosingRecommendationsAddsAndRemovesTheirResponsesAndLeavesTheRestOfTheDocumentAlone()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var (docx, etag) = await DocumentAsync(drafter, scenario.DraftUrl);
        var saved = await drafter.SaveAsync(scenario.DraftUrl,
            WordEdits.RewriteRegion(WordEdits.TypeParagraphAfter(docx, "context", Typed), "responses/response:2/response.commentary", "Kept from Word."), etag);
        var typed = WordEdits.RawParagraph(await drafter.GetByteArrayAsync($"{scenario.DraftUrl}/document"), Typed);

        var chosen = await drafter.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/selection", new SelectionInput(["2", "6a", "6c"]), saved.ETag());

        var dto = await chosen.ReadAsync<DraftDto>();
        var after = await drafter.GetByteArrayAsync($"{scenario.DraftUrl}/document");
        var responses = LetterDocument.Read(after).Document!.Find("responses")!.Children.Select(c => c.Name).ToList();
        CollectionAssert.AreEqual(new[] { "response:2", "response:6a", "response:6c" }, responses);
        Assert.AreEqual(typed, WordEdits.RawParagraph(after, Typed));
        StringAssert.Contains(Docx.Text(after), "Kept from Word.");
        CollectionAssert.Contains(dto.Document!.Changed.ToList(), "responses");
    }

    [TestMethod]
    public async Task ThreeSelectedRecommendationsWithoutAddresseesAndOneAnsweredCannotBeSubmitted()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var national = Scenario.Report("A national thematic report", new DateOnly(2026, 11, 2)) with
        {
            Recommendations =
            [
                new("1", null, [], "Policing should record modern slavery crimes consistently.", []),
                new("2", null, [], "The government should fund support for victims.", []),
                new("3", null, [], "Victims should be told what support is available.", []),
            ],
        };
        var report = await (await drafter.SendJsonAsync(HttpMethod.Post, "/api/reports", national)).ReadAsync<Reports.ReportDto>();
        var created = await drafter.SendJsonAsync(HttpMethod.Post, "/api/drafts", new NewDraftInput(report.Id));
        var url = $"/api/drafts/{(await created.ReadAsync<DraftDto>()).Id}";
        var chosen = await drafter.SendJsonAsync(HttpMethod.Put, $"{url}/selection", new SelectionInput(["1", "2", "3"]), created.ETag());
        var answered = await drafter.SendJsonAsync(HttpMethod.Put, $"{url}/responses/1", new ResponseInput("Recorded consistently.", ResponseStatus.ActionTaken, null), chosen.ETag());

        var submitted = await drafter.SendJsonAsync(HttpMethod.Post, $"{url}/submit", null, answered.ETag());
        var status = await (await drafter.GetAsync($"{url}/status")).ReadAsync<DraftStatusDto>();
        var letter = await drafter.GetByteArrayAsync($"{url}/document");

        var problem = await submitted.ProblemAsync(HttpStatusCode.Conflict);
        var gaps = problem["gaps"]!.AsArray().Select(g => (string?)g!["ref"]).Distinct().ToList();
        CollectionAssert.AreEqual(new[] { "2", "3" }, gaps);
        Assert.IsFalse(status.Complete);
        Assert.IsTrue(LetterDocument.Read(letter).Document!.MarkedDraft, "the letter is marked DRAFT until complete");
        _ = rig;
    }

    [TestMethod]
    public async Task AResponseDeletedFromTheDocumentInWordIsAGap()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var (docx, etag) = await DocumentAsync(drafter, rig.DraftUrl);

        var saved = await drafter.SaveAsync(rig.DraftUrl, WordEdits.DeleteRegion(docx, "responses/response:3"), etag);
        var status = await (await drafter.GetAsync($"{rig.DraftUrl}/status")).ReadAsync<DraftStatusDto>();

        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        var gap = status.Gaps.Single();
        Assert.AreEqual("3", gap.Ref);
        StringAssert.Contains(gap.Message, "not in the document");
    }

    [TestMethod]
    public async Task AnApproversEditInWordBecomesTheNextVersionNamingThemVoidingTheApprovalsAndRestartingTheChain()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        await rig.DecidedAsync(Caller.HeadOfPolicy, "approve");
        using var commissioner = host.ClientFor(Caller.Commissioner);
        var v1 = await commissioner.GetByteArrayAsync((await rig.WorkflowAsync()).Versions[0].DocumentUrl);
        var edited = WordEdits.RewriteRegion(v1, "responses/response:2/response.commentary", "The commissioner's own words, changed in Word.");

        var approving = await DecideWithDocumentAsync(commissioner, rig.DraftUrl, edited);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{rig.DraftUrl}/versions") { Content = WordEdits.AsBody(edited) };
        var resubmitted = await commissioner.SendAsync(request);

        var refused = await approving.ProblemAsync(HttpStatusCode.Conflict);
        StringAssert.Contains((string?)refused["detail"], "new version");
        Assert.AreEqual(HttpStatusCode.OK, resubmitted.StatusCode, await resubmitted.Content.ReadAsStringAsync());
        var workflow = await resubmitted.ReadAsync<WorkflowDto>();
        Assert.AreEqual(2, workflow.Versions.Count);
        Assert.AreEqual(Caller.Commissioner.ObjectId, workflow.Versions[1].SubmittedBy.Id);
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(edited)), workflow.Versions[1].Sha256);
        Assert.AreEqual(DraftState.InReview, workflow.State);
        Assert.AreEqual("Head of policy", workflow.StageName, "the chain restarts at the first stage");
        Assert.IsTrue(workflow.Decisions.Where(d => d.Version == 1).All(d => d.VoidedAt is not null), "the approvals of version 1 are void");
        using var drafter = host.ClientFor(Caller.Drafter);
        var audit = await (await drafter.GetAsync($"{rig.DraftUrl}/audit")).Content.ReadAsStringAsync();
        StringAssert.Contains(audit, "approver-edited");
        StringAssert.Contains(audit, $"Version 2 submitted by {Caller.Commissioner.Name}");

        await rig.DecidedAsync(Caller.HeadOfPolicy, "approve");
        var approved = await rig.DecidedAsync(Caller.Commissioner, "approve");
        Assert.AreEqual(DraftState.Approved, approved.State, "the approver may approve the version of their own edits");
        StringAssert.Contains(Docx.Text(await drafter.GetByteArrayAsync($"{rig.DraftUrl}/final/document")), "The commissioner's own words, changed in Word.");
        Assert.AreEqual("The commissioner's own words, changed in Word.",
            (await (await drafter.GetAsync(rig.DraftUrl)).ReadAsync<DraftDto>()).Responses.Single(r => r.Ref == "2").Commentary);
    }

    [TestMethod]
    public async Task TheChainRestartsAtTheStageTheProfileSetsAfterAnApproversEdit()
    {
        using var host = await ApiHost.StartAsync();
        var settings = SignOffRig.Settings() with { RestartStageAfterApproverEdit = 1 };
        var rig = await SignOffRig.CreateAsync(host, settings);
        await rig.SubmittedAsync();
        await rig.DecidedAsync(Caller.HeadOfPolicy, "approve");
        using var commissioner = host.ClientFor(Caller.Commissioner);
        var v1 = await commissioner.GetByteArrayAsync((await rig.WorkflowAsync()).Versions[0].DocumentUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{rig.DraftUrl}/versions")
        {
            Content = WordEdits.AsBody(WordEdits.TypeParagraphAfter(v1, "context", "Added by the commissioner.")),
        };

        var workflow = await (await commissioner.SendAsync(request)).ReadAsync<WorkflowDto>();

        Assert.AreEqual(DraftState.AwaitingApproval, workflow.State);
        Assert.AreEqual("Commissioner", workflow.StageName);
    }

    [TestMethod]
    public async Task OnlyAnApproverAtTheCurrentStageMaySubmitEditsAsANewVersion()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        using var drafter = host.ClientFor(Caller.Drafter);
        using var commissioner = host.ClientFor(Caller.Commissioner);
        var v1 = await drafter.GetByteArrayAsync((await rig.WorkflowAsync()).Versions[0].DocumentUrl);
        var edited = WordEdits.TypeParagraphAfter(v1, "context", "Slipped in.");

        var byDrafter = await drafter.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{rig.DraftUrl}/versions") { Content = WordEdits.AsBody(edited) });
        var byLaterStage = await commissioner.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{rig.DraftUrl}/versions") { Content = WordEdits.AsBody(edited) });

        Assert.AreEqual(HttpStatusCode.Forbidden, byDrafter.StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, byLaterStage.StatusCode);
        Assert.AreEqual(1, (await rig.WorkflowAsync()).Versions.Count);
    }

    [TestMethod]
    public async Task TheSignedLetterIsTheApprovedBytesWithOnlyTheSignatureBlockFilled()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        await rig.DecidedAsync(Caller.HeadOfPolicy, "approve");
        var approved = await rig.DecidedAsync(Caller.Commissioner, "approve");
        using var drafter = host.ClientFor(Caller.Drafter);

        var version = await drafter.GetByteArrayAsync(approved.Versions[0].DocumentUrl);
        var signed = await drafter.GetByteArrayAsync($"{rig.DraftUrl}/final/document");

        SignedOnlyInTheSignatureBlock(version, signed);
        StringAssert.Contains(Docx.Text(signed), $"Signed on {Documents.Assembly.UkDate.Format(DateOnly.FromDateTime(DateTime.UtcNow))}");
    }

    [TestMethod]
    public async Task ChangesToTheReportProfileAndTemplateAfterTheFirstApprovalDoNotReachTheSignedLetter()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        await rig.DecidedAsync(Caller.HeadOfPolicy, "approve");
        using var admin = host.ClientFor(Caller.Admin);
        using var drafter = host.ClientFor(Caller.Drafter);
        var report = Scenario.HiddenVictims();
        report = report with { Recommendations = [.. report.Recommendations!.Select(r => r.Number == "2" ? r with { Text = "EDITED AFTER APPROVAL." } : r)] };
        var reportEdited = await drafter.SendJsonAsync(HttpMethod.Put, rig.Scenario.ReportUrl, report, (await drafter.GetAsync(rig.Scenario.ReportUrl)).ETag());
        var profileEdited = await admin.SendJsonAsync(HttpMethod.Put, "/api/profile", Scenario.Profile("A RENAMED OFFICE"), (await admin.GetAsync("/api/profile")).ETag());
        using var template = HttpCalls.FileForm("t.docx", Documents.Templates.LetterTemplate.Default.Docx, Profiles.ProfilesApi.DocxContentType);
        var templateEdited = await admin.SendFormAsync(HttpMethod.Put, "/api/profile/template", template, profileEdited.ETag());

        var approved = await rig.DecidedAsync(Caller.Commissioner, "approve");

        Assert.AreEqual(HttpStatusCode.OK, reportEdited.StatusCode, await reportEdited.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, profileEdited.StatusCode, await profileEdited.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, templateEdited.StatusCode, await templateEdited.Content.ReadAsStringAsync());
        var version = await drafter.GetByteArrayAsync(approved.Versions[0].DocumentUrl);
        var signed = await drafter.GetByteArrayAsync($"{rig.DraftUrl}/final/document");
        var text = Docx.Text(signed);
        Assert.IsFalse(text.Contains("EDITED AFTER APPROVAL", StringComparison.Ordinal), "the report's edit reached the signed letter");
        Assert.IsFalse(text.Contains("A RENAMED OFFICE", StringComparison.Ordinal), "the profile's edit reached the signed letter");
        SignedOnlyInTheSignatureBlock(version, signed);
    }

    /// <summary>
    /// Every part of the signed letter is the approved version's, byte for byte, but for the main part (identical outside
    /// the signature and signing-date controls), its relationships and content types (the picture's), and the picture itself.
    /// </summary>
    private static void SignedOnlyInTheSignatureBlock(byte[] approved, byte[] signed)
    {
        Assert.AreEqual(0, Docx.Validate(signed).Count, string.Join('\n', Docx.Validate(signed)));
        var before = WordEdits.Entries(approved);
        var after = WordEdits.Entries(signed);
        string[] mayChange = ["word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"];
        foreach (var (name, bytes) in before.Where(e => !mayChange.Contains(e.Key)))
        {
            Assert.IsTrue(after.TryGetValue(name, out var kept) && kept.AsSpan().SequenceEqual(bytes), $"{name} changed in the signed letter");
        }

        Assert.IsTrue(after.Keys.Except(before.Keys).All(n => n.StartsWith("word/media/", StringComparison.Ordinal)), string.Join(", ", after.Keys.Except(before.Keys)));
        Assert.AreEqual(OutsideSignature(WordEdits.Part(approved, "word/document.xml")), OutsideSignature(WordEdits.Part(signed, "word/document.xml")));
    }

    private static string OutsideSignature(string xml)
    {
        var cut = PartRegions.Locate(xml).Where(r => r.Tag is "signatory.signature" or "signatory.date").OrderByDescending(r => r.Start);
        foreach (var region in cut)
        {
            xml = xml.Remove(region.Start, region.End - region.Start);
        }

        return xml;
    }

    private static async Task<(byte[] Docx, string ETag)> DocumentAsync(HttpClient client, string draftUrl)
    {
        var response = await client.GetAsync($"{draftUrl}/document");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadAsByteArrayAsync(), response.ETag());
    }

    private static async Task<HttpResponseMessage> DecideWithDocumentAsync(HttpClient client, string draftUrl, byte[] docx)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("approve"), "decision" },
        };
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new(Profiles.ProfilesApi.DocxContentType);
        form.Add(file, "document", "letter.docx");
        return await client.PostAsync($"{draftUrl}/decisions", form);
    }
}
