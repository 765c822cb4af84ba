using System.Net;
using System.Net.Http.Headers;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Tests.Workflow;

/// <summary>
/// POST …/review/document: the approver's pane sends the document open in Word and hears which paragraphs differ from the
/// version awaiting a decision, and what submitting them as a new version would do to the approvals already given.
/// </summary>
[TestClass]
public sealed class OpenDocumentReviewTests
{
    private const string Commentary = "responses/response:2/response.commentary";

    [TestMethod]
    public async Task TheSubmittedVersionAsSentHasNoEdits()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        using var approver = host.ClientFor(Caller.HeadOfPolicy);
        var v1 = await approver.GetByteArrayAsync((await rig.WorkflowAsync()).Versions[0].DocumentUrl);

        var open = await (await CompareAsync(approver, rig.DraftUrl, v1)).ReadAsync<OpenDocumentDto>();

        Assert.AreEqual(1, open.CurrentVersion);
        Assert.AreEqual(1, open.OpenVersion);
        Assert.AreEqual(0, open.Edits.Count);
        Assert.IsNull(open.IfSubmitted);
    }

    [TestMethod]
    public async Task AnEditedParagraphComesBackAsBeforeAndAfterWithTheApprovalsItWouldVoidAndWhereSignOffRestarts()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host, SignOffRig.Settings() with { RestartStageAfterApproverEdit = 1 });
        await rig.SubmittedAsync();
        await rig.DecidedAsync(Caller.HeadOfPolicy, "approve");
        using var commissioner = host.ClientFor(Caller.Commissioner);
        var v1 = await commissioner.GetByteArrayAsync((await rig.WorkflowAsync()).Versions[0].DocumentUrl);
        var edited = WordEdits.TypeParagraphAfter(
            WordEdits.RewriteRegion(v1, Commentary, "The commissioner's own words."), "context", "A paragraph the commissioner added.");

        var open = await (await CompareAsync(commissioner, rig.DraftUrl, edited)).ReadAsync<OpenDocumentDto>();

        Assert.IsNull(open.OpenVersion);
        var reworded = open.Edits.Single(e => e.After == "The commissioner's own words.");
        Assert.AreEqual("The commissioner is assured on 2.", reworded.Before);
        var added = open.Edits.Single(e => e.After == "A paragraph the commissioner added.");
        Assert.IsNull(added.Before);
        Assert.AreEqual(2, open.Edits.Count);
        Assert.IsNull(open.CannotSubmitBecause);
        var outcome = open.IfSubmitted!;
        Assert.AreEqual(2, outcome.NewVersion);
        Assert.AreEqual(Caller.HeadOfPolicy.Name, outcome.ApprovalsVoided.Single().By.Name);
        Assert.AreEqual("Head of policy", outcome.ApprovalsVoided.Single().StageName);
        Assert.AreEqual(1, outcome.RestartStage);
        Assert.AreEqual("Commissioner", outcome.RestartStageName);
        Assert.AreEqual(1, (await rig.WorkflowAsync()).Versions.Count, "Comparing saves nothing.");
    }

    [TestMethod]
    public async Task SomeoneWhoCannotSubmitEditsHearsWhyAlongsideTheEdits()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        using var commissioner = host.ClientFor(Caller.Commissioner);
        var v1 = await commissioner.GetByteArrayAsync((await rig.WorkflowAsync()).Versions[0].DocumentUrl);

        var open = await (await CompareAsync(commissioner, rig.DraftUrl, WordEdits.RewriteRegion(v1, Commentary, "Changed early.")))
            .ReadAsync<OpenDocumentDto>();

        Assert.AreEqual(1, open.Edits.Count);
        Assert.IsNull(open.IfSubmitted);
        Assert.AreEqual("You are not an approver at the current stage (Head of policy), nor anyone's deputy for it today.", open.CannotSubmitBecause);
    }

    [TestMethod]
    public async Task AnEarlierVersionOpenInWordIsNamedNotListedAsEdits()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        using var approver = host.ClientFor(Caller.HeadOfPolicy);
        var v1 = await approver.GetByteArrayAsync((await rig.WorkflowAsync()).Versions[0].DocumentUrl);
        await rig.EditAsync("Reworded by the drafter.");
        await rig.SubmittedAsync();

        var open = await (await CompareAsync(approver, rig.DraftUrl, v1)).ReadAsync<OpenDocumentDto>();

        Assert.AreEqual(2, open.CurrentVersion);
        Assert.AreEqual(1, open.OpenVersion);
        Assert.AreEqual(0, open.Edits.Count);
    }

    [TestMethod]
    public async Task AChangedForceAssuranceIsNamedAsTheReasonEditsCannotBeSubmitted()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var assured = await drafter.SendJsonAsync(HttpMethod.Put, $"{rig.DraftUrl}/responses/2/assurance",
            new AssuranceInput("The force has trained every officer.", "DCI Example", null, null), await rig.ETagAsync());
        Assert.AreEqual(HttpStatusCode.OK, assured.StatusCode, await assured.Content.ReadAsStringAsync());
        await rig.SubmittedAsync();
        using var approver = host.ClientFor(Caller.HeadOfPolicy);
        var v1 = await approver.GetByteArrayAsync((await rig.WorkflowAsync()).Versions[0].DocumentUrl);

        var open = await (await CompareAsync(approver, rig.DraftUrl, WordEdits.RewriteRegion(v1, "responses/response:2/response.assurance", "Most officers.")))
            .ReadAsync<OpenDocumentDto>();

        Assert.IsNull(open.IfSubmitted);
        StringAssert.StartsWith(open.CannotSubmitBecause, "The force's assurance was changed (Recommendation 2).");
    }

    [TestMethod]
    public async Task AFileThatIsNotAWordDocumentIsRefusedInPlainWords()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        using var approver = host.ClientFor(Caller.HeadOfPolicy);

        var response = await CompareAsync(approver, rig.DraftUrl, "Just some text, not a document."u8.ToArray());

        Assert.IsTrue((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
        var problem = await response.ProblemAsync(response.StatusCode);
        StringAssert.DoesNotMatch(problem.ToJsonString(), new System.Text.RegularExpressions.Regex("One or more validation errors"));
        Assert.IsFalse(string.IsNullOrWhiteSpace((string?)problem["detail"] ?? (string?)problem["title"]));
    }

    [TestMethod]
    public async Task AnotherDraftsDocumentIsRefusedWithAConflictSayingSo()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        using var approver = host.ClientFor(Caller.HeadOfPolicy);
        var v1 = await approver.GetByteArrayAsync((await rig.WorkflowAsync()).Versions[0].DocumentUrl);
        var other = await SignOffRig.CreateAsync(host);
        await other.SubmittedAsync();

        var problem = await (await CompareAsync(approver, other.DraftUrl, v1)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.AreEqual("This document belongs to another draft", (string?)problem["title"]);
    }

    [TestMethod]
    public async Task ADraftNeverSubmittedHasNoVersionToCompareWith()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var docx = await drafter.GetByteArrayAsync($"{rig.DraftUrl}/document");

        var problem = await (await CompareAsync(drafter, rig.DraftUrl, docx)).ProblemAsync(HttpStatusCode.Conflict);

        StringAssert.Contains((string?)problem["detail"], "Nothing has been submitted yet");
    }

    private static Task<HttpResponseMessage> CompareAsync(HttpClient client, string draftUrl, byte[] docx)
    {
        var body = new ByteArrayContent(docx);
        body.Headers.ContentType = new MediaTypeHeaderValue(Profiles.ProfilesApi.DocxContentType);
        return client.PostAsync($"{draftUrl}/review/document", body);
    }
}
