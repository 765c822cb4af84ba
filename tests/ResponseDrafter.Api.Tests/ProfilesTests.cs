using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Api.Tests;

[TestClass]
public sealed class ProfilesTests
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [TestMethod]
    public async Task AnAdminCreatesTheProfileThenChangesItWithItsETag()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Admin);

        var created = await client.SendJsonAsync(HttpMethod.Put, "/api/profile", Scenario.Profile());
        var changed = await client.SendJsonAsync(HttpMethod.Put, "/api/profile", Scenario.Profile("Office of the Police, Fire and Crime Commissioner for Wessex"), created.ETag());
        var read = await client.GetAsync("/api/profile");

        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, changed.StatusCode);
        Assert.AreEqual("Office of the Police, Fire and Crime Commissioner for Wessex", (await read.ReadAsync<ProfileDto>()).Name);
        Assert.AreEqual(changed.ETag(), read.ETag());
        Assert.AreEqual("built-in", (await read.ReadAsync<ProfileDto>()).Template.Source);
    }

    [TestMethod]
    public async Task ATemplateWithMissingTagsReturnsEveryProblemAndStoresNothing()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Admin);
        using var form = HttpCalls.FileForm("letterhead.docx", Docx.WithoutTags(), DocxType);

        var response = await client.SendFormAsync(HttpMethod.Put, "/api/profile/template", form, scenario.ProfileETag);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.IsTrue(problem["errors"]!.AsObject().Count >= 2, problem.ToJsonString());
        var profile = await client.GetAsync("/api/profile");
        Assert.AreEqual(scenario.ProfileETag, profile.ETag());
        Assert.AreEqual("built-in", (await profile.ReadAsync<ProfileDto>()).Template.Source);
    }

    [TestMethod]
    public async Task AnUploadedTemplateIsServedUntilItIsRemoved()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Admin);
        var template = LetterTemplate.Default.Docx;
        using var form = HttpCalls.FileForm("wessex.docx", template, DocxType);

        var uploaded = await client.SendFormAsync(HttpMethod.Put, "/api/profile/template", form, scenario.ProfileETag);
        var served = await client.GetAsync("/api/profile/template");
        var removed = await client.SendJsonAsync(HttpMethod.Delete, "/api/profile/template", null, uploaded.ETag());
        var afterwards = await client.GetAsync("/api/profile/template");

        Assert.AreEqual("custom", (await uploaded.ReadAsync<ProfileDto>()).Template.Source);
        Assert.AreEqual("custom", served.Headers.GetValues("X-Template-Source").Single());
        CollectionAssert.AreEqual(template, await served.Content.ReadAsByteArrayAsync());
        Assert.AreEqual("built-in", (await removed.ReadAsync<ProfileDto>()).Template.Source);
        Assert.AreEqual("built-in", afterwards.Headers.GetValues("X-Template-Source").Single());
    }

    [TestMethod]
    public async Task EachNewDraftStartsFromTheTemplateUploadedMostRecentlyAndKeepsItsOwnDocument()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var admin = host.ClientFor(Caller.Admin);
        using var drafter = host.ClientFor(Caller.Drafter);
        using var first = HttpCalls.FileForm("first.docx", TemplateMarked("Template mark: first"), DocxType);
        using var second = HttpCalls.FileForm("second.docx", TemplateMarked("Template mark: second"), DocxType);

        var uploaded = await admin.SendFormAsync(HttpMethod.Put, "/api/profile/template", first, scenario.ProfileETag);
        var firstDraft = await (await drafter.SendJsonAsync(HttpMethod.Post, "/api/drafts", new NewDraftInput(scenario.ReportId))).ReadAsync<DraftDto>();
        await admin.SendFormAsync(HttpMethod.Put, "/api/profile/template", second, uploaded.ETag());
        var secondDraft = await (await drafter.SendJsonAsync(HttpMethod.Post, "/api/drafts", new NewDraftInput(scenario.ReportId))).ReadAsync<DraftDto>();

        var firstText = Docx.Text(await drafter.GetByteArrayAsync($"/api/drafts/{firstDraft.Id}/document"));
        var secondText = Docx.Text(await drafter.GetByteArrayAsync($"/api/drafts/{secondDraft.Id}/document"));
        StringAssert.Contains(firstText, "Template mark: first");
        Assert.IsFalse(firstText.Contains("Template mark: second", StringComparison.Ordinal), "a template change does not rewrite a draft's document");
        StringAssert.Contains(secondText, "Template mark: second");
    }

    /// <summary>The built-in template with a paragraph of its own before everything else, as an OPCC might add.</summary>
    private static byte[] TemplateMarked(string mark)
    {
        using var stream = new MemoryStream();
        stream.Write(LetterTemplate.Default.Docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            document.MainDocumentPart!.Document!.Body!.PrependChild(new Paragraph(new Run(new Text(mark))));
        }

        return stream.ToArray();
    }

    [TestMethod]
    public async Task AFileThatIsNotAWordDocumentIsRefusedAsATemplate()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Admin);
        using var form = HttpCalls.FileForm("letterhead.docx", "not a zip"u8.ToArray(), DocxType);

        var response = await client.SendFormAsync(HttpMethod.Put, "/api/profile/template", form, scenario.ProfileETag);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [TestMethod]
    public async Task ProfileValidationNamesEveryMissingField()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Admin);

        var response = await client.SendRawAsync(HttpMethod.Put, "/api/profile", "{}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "commissionerName", "commissionerTitle", "statutoryCitation", "salutation", "recipients", "copyListLabel" })
        {
            Assert.AreNotEqual(0, problem.ErrorsFor(field).Count, field);
        }
    }
}
