using System.Net;
using System.Security.Cryptography;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Tests.Imports;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Tests.Workflow;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Api.Tests.Security;

/// <summary>
/// Every endpoint that reads a Word file refuses each hostile file with 422, its stable code and a message naming the
/// cause, never a 500; and nothing is stored. The files are small: what matters here is that each endpoint goes through
/// the one inspection (the limits themselves are tested in the Documents tests).
/// </summary>
[TestClass]
public sealed class HostileWordFileTests
{
    private static readonly byte[] Plain = new WordFile().Paragraph("A paragraph.").Build();

    /// <summary>Each hostile file with the code it must be refused with.</summary>
    private static readonly (string Name, byte[] Bytes, string Code)[] Hostile =
    [
        ("external entity (XXE)", HostileWordFiles.ExternalEntity(Plain), "dtd"),
        ("billion laughs", HostileWordFiles.BillionLaughs(Plain), "dtd"),
        ("malformed XML", HostileWordFiles.MalformedXml(Plain), "malformed-xml"),
        ("missing main part", HostileWordFiles.MissingMainPart(Plain), "missing-main-part"),
        ("zip bomb", HostileWordFiles.ZipBomb(Plain), "expands-too-much"),
    ];

    [TestMethod]
    public async Task TheRecommendationImportRefusesEveryHostileFile()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);

        await EachRefusedAsync(bytes => client.SendFormAsync(HttpMethod.Post, "/api/imports/recommendations/preview",
            HttpCalls.FileForm("report.docx", bytes, ImportFiles.DocxType)));
    }

    [TestMethod]
    public async Task TheAssuranceImportRefusesEveryHostileFileAtPreviewAndConfirmation()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        await EachRefusedAsync(bytes => client.PreviewAssuranceAsync(scenario, bytes, "force.docx"));
        await EachRefusedAsync(bytes => client.ConfirmAssuranceAsync(scenario, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)),
            new Dictionary<string, string[]> { ["2"] = ["s1"] }, scenario.DraftETag, "force.docx"));

        var draft = await client.GetAsync(scenario.DraftUrl);
        Assert.AreEqual(scenario.DraftETag, draft.ETag(), "the draft is unchanged");
    }

    [TestMethod]
    public async Task SavingTheDocumentRefusesEveryHostileFile()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        await EachRefusedAsync(bytes => client.SaveAsync(scenario.DraftUrl, bytes, scenario.DraftETag));

        Assert.AreEqual(scenario.DraftETag, (await client.GetAsync(scenario.DraftUrl)).ETag(), "the draft is unchanged");
    }

    [TestMethod]
    public async Task ADecisionWithTheOpenDocumentRefusesEveryHostileFile()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        using var approver = host.ClientFor(Caller.HeadOfPolicy);

        await EachRefusedAsync(bytes => DecideAsync(approver, rig.DraftUrl, bytes));

        Assert.IsEmpty((await rig.WorkflowAsync()).Decisions, "no decision was recorded");
    }

    [TestMethod]
    public async Task ADecisionUploadIsNotReadForADraftThatDoesNotExistOrForSomeoneWhoMayNotDecide()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        using var approver = host.ClientFor(Caller.HeadOfPolicy);
        using var drafter = host.ClientFor(Caller.Drafter);
        var bomb = HostileWordFiles.ZipBomb(Plain);

        var unknown = await DecideAsync(approver, $"/api/drafts/{Guid.NewGuid()}", bomb);
        var notAnApprover = await DecideAsync(drafter, rig.DraftUrl, bomb);

        Assert.AreEqual(HttpStatusCode.NotFound, unknown.StatusCode, "the draft is looked up before the upload is read");
        Assert.AreEqual(HttpStatusCode.Forbidden, notAnApprover.StatusCode, "the right to decide is checked before the upload is read");
    }

    [TestMethod]
    public async Task AnApproversEditsAndTheOpenDocumentReviewRefuseEveryHostileFile()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        using var approver = host.ClientFor(Caller.HeadOfPolicy);

        await EachRefusedAsync(bytes => approver.PostAsync($"{rig.DraftUrl}/versions", WordEdits.AsBody(bytes)));
        await EachRefusedAsync(bytes => approver.PostAsync($"{rig.DraftUrl}/review/document", WordEdits.AsBody(bytes)));

        Assert.HasCount(1, (await rig.WorkflowAsync()).Versions, "no version was added");
    }

    [TestMethod]
    public async Task TheTemplateUploadRefusesEveryHostileFile()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var admin = host.ClientFor(Caller.Admin);

        await EachRefusedAsync(bytes => admin.SendFormAsync(HttpMethod.Put, "/api/profile/template",
            HttpCalls.FileForm("letterhead.docx", bytes, ImportFiles.DocxType), scenario.ProfileETag));

        Assert.AreEqual(scenario.ProfileETag, (await admin.GetAsync("/api/profile")).ETag(), "the profile is unchanged");
    }

    [TestMethod]
    public async Task ATemplateThatLinksOutsideItselfOrCarriesMacrosIsRefusedNamingEachThing()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var admin = host.ClientFor(Caller.Admin);
        var template = HostileWordFiles.LinkedAndMacroEnabled(LetterTemplate.Default.Docx);

        var response = await admin.SendFormAsync(HttpMethod.Put, "/api/profile/template",
            HttpCalls.FileForm("letterhead.docx", template, ImportFiles.DocxType), scenario.ProfileETag);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.AreEqual("macro-enabled", (string?)problem["code"]);
        var said = string.Join("\n", problem.ErrorsFor("template"));
        StringAssert.Contains(said, "macros (word/vbaProject.bin)");
        StringAssert.Contains(said, "an attached template at http://127.0.0.1:9/letterhead.dotm");
        StringAssert.Contains(said, "a picture linked from elsewhere at http://127.0.0.1:9/crest.png");
        Assert.AreEqual("built-in", (await (await admin.GetAsync("/api/profile")).ReadAsync<ProfileDto>()).Template.Source);
    }

    private static async Task EachRefusedAsync(Func<byte[], Task<HttpResponseMessage>> send)
    {
        foreach (var (name, bytes, code) in Hostile)
        {
            var response = await send(bytes);
            var body = await response.Content.ReadAsStringAsync();
            Assert.AreEqual(HttpStatusCode.UnprocessableEntity, response.StatusCode, $"{name}: {body}");
            var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.AreEqual(code, (string?)problem["code"], $"{name}: {body}");
            Assert.IsFalse(string.IsNullOrWhiteSpace((string?)problem["detail"]), name);
        }
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient client, string draftUrl, byte[] docx)
    {
        using var form = new MultipartFormDataContent { { new StringContent("approve"), "decision" } };
        form.Add(WordEdits.AsBody(docx), "document", "letter.docx");
        return await client.PostAsync($"{draftUrl}/decisions", form);
    }
}
