using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using ResponseDrafter.Api.Tests.Imports;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Tests.Workflow;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Api.Tests.Security;

/// <summary>
/// The rest of the hostile-file corpus (<see cref="HostileWordFileTests"/> has the XML and size attacks): files that lie
/// about what they are, zips that lie about themselves, an encrypted document and a macro-enabled one, each on every
/// endpoint that takes a Word file. Each is refused with 4xx, ProblemDetails and a stable code; nothing is stored; and
/// the server answers an ordinary request afterwards.
/// </summary>
[TestClass]
public sealed class HostileFileCorpusTests
{
    private static readonly byte[] Plain = new WordFile().Paragraph("A paragraph.").Build();

    /// <summary>Generous limits, so that a run of refusals is never answered 429 instead.</summary>
    private static readonly Dictionary<string, string?> NoRateLimits = new()
    {
        ["RateLimiting:Uploads:PermitLimit"] = "100000",
        ["RateLimiting:Imports:PermitLimit"] = "100000",
        ["RateLimiting:Decisions:PermitLimit"] = "100000",
    };

    /// <summary>Each hostile file, the name it is sent under, and the code it must be refused with.</summary>
    private static readonly (string Name, string FileName, byte[] Bytes, string Code)[] Hostile =
    [
        ("a PDF named .docx", "report.docx", HostileWordFiles.Pdf(), "not-word"),
        ("a plain zip named .docx", "report.docx", HostileWordFiles.PlainZip(), "malformed"),
        ("a password-protected (OLE compound) document", "report.docx", HostileWordFiles.Encrypted(), "encrypted-or-legacy-word"),
        ("a macro-enabled .docm", "report.docm", HostileWordFiles.MacroEnabled(Plain), "macro-enabled"),
        ("a macro-enabled document named .docx", "report.docx", HostileWordFiles.MacroEnabled(Plain), "macro-enabled"),
        ("two entries of the same name", "report.docx", HostileWordFiles.DuplicateEntries(Plain), "malformed"),
        ("an entry named ../../../tmp/…", "report.docx", HostileWordFiles.TraversalEntry(Plain), "malformed"),
        ("a central directory understating a bomb", "report.docx", HostileWordFiles.CentralDirectoryLies(HostileWordFiles.ZipBomb(Plain), 1000), "malformed"),
        ("a central directory overstating a part (4 GiB)", "report.docx", HostileWordFiles.CentralDirectoryLies(Plain, uint.MaxValue - 1), "expands-too-much"),
        ("a zip64 entry declaring 1 TiB", "report.docx", HostileWordFiles.Zip64SizeLie(Plain), "expands-too-much"),
    ];

    [TestMethod]
    public async Task TheRecommendationImportRefusesEveryFileThatLiesAboutWhatItIs()
    {
        using var host = await ApiHost.StartAsync(extra: NoRateLimits);
        using var client = host.ClientFor(Caller.Drafter);
        const string url = "/api/imports/recommendations/preview";

        // The report import reads PDFs too: a PDF named .docx is read as the PDF it is, and one with no pages is damaged.
        await EachRefusedAsync(client, (name, bytes) => client.SendFormAsync(HttpMethod.Post, url, HttpCalls.FileForm(name, bytes, ImportFiles.DocxType)),
            pdfCode: "malformed");
        await RefusedAsWrongMediaTypeAsync(client, client.PostAsync(url, WithType(Plain, "text/plain")));
        await RefusedAsWrongMediaTypeAsync(client, client.PostAsync(url, WordEdits.AsBody(Plain)));
    }

    [TestMethod]
    public async Task TheAssuranceImportRefusesEveryFileThatLiesAboutWhatItIsAndTheDraftStays()
    {
        using var host = await ApiHost.StartAsync(extra: NoRateLimits);
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        await EachRefusedAsync(client, (name, bytes) => client.PreviewAssuranceAsync(scenario, bytes, name));
        await EachRefusedAsync(client, (name, bytes) => client.ConfirmAssuranceAsync(scenario, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)),
            new Dictionary<string, string[]> { ["2"] = ["s1"] }, scenario.DraftETag, name));
        await RefusedAsWrongMediaTypeAsync(client, client.PostAsync($"{scenario.DraftUrl}/assurance-import/preview", WordEdits.AsBody(Plain)));

        Assert.AreEqual(scenario.DraftETag, (await client.GetAsync(scenario.DraftUrl)).ETag(), "the draft is unchanged");
    }

    [TestMethod]
    public async Task SavingTheDocumentRefusesEveryFileThatLiesAboutWhatItIsAndTheDraftStays()
    {
        using var host = await ApiHost.StartAsync(extra: NoRateLimits);
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        await EachRefusedAsync(client, (_, bytes) => client.SaveAsync(scenario.DraftUrl, bytes, scenario.DraftETag));
        await RefusedAsWrongMediaTypeAsync(client, SendAsync(client, HttpMethod.Put, $"{scenario.DraftUrl}/document", WithType(Plain, "text/plain"), scenario.DraftETag));
        await RefusedAsWrongMediaTypeAsync(client, SendAsync(client, HttpMethod.Put, $"{scenario.DraftUrl}/document", WithType(Plain, "application/json"), scenario.DraftETag));

        Assert.AreEqual(scenario.DraftETag, (await client.GetAsync(scenario.DraftUrl)).ETag(), "the draft is unchanged");
    }

    [TestMethod]
    public async Task AnApproversDecisionsEditsAndReviewsRefuseEveryFileThatLiesAboutWhatItIs()
    {
        using var host = await ApiHost.StartAsync(extra: NoRateLimits);
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        using var approver = host.ClientFor(Caller.HeadOfPolicy);
        var etag = (await approver.GetAsync(rig.DraftUrl)).ETag();

        await EachRefusedAsync(approver, (name, bytes) => DecideAsync(approver, rig.DraftUrl, bytes, name));
        await EachRefusedAsync(approver, (_, bytes) => approver.PostAsync($"{rig.DraftUrl}/versions", WordEdits.AsBody(bytes)));
        await EachRefusedAsync(approver, (_, bytes) => approver.PostAsync($"{rig.DraftUrl}/review/document", WordEdits.AsBody(bytes)));
        await RefusedAsWrongMediaTypeAsync(approver, approver.PostAsync($"{rig.DraftUrl}/versions", WithType(Plain, "text/plain")));
        await RefusedAsWrongMediaTypeAsync(approver, approver.PostAsync($"{rig.DraftUrl}/review/document", WithType(Plain, "image/png")));
        await RefusedAsWrongMediaTypeAsync(approver, approver.PostAsync($"{rig.DraftUrl}/decisions", WithType(Plain, "text/plain")));

        var workflow = await rig.WorkflowAsync();
        Assert.IsEmpty(workflow.Decisions, "no decision was recorded");
        Assert.HasCount(1, workflow.Versions, "no version was added");
        Assert.AreEqual(etag, (await approver.GetAsync(rig.DraftUrl)).ETag(), "the draft is unchanged");
    }

    [TestMethod]
    public async Task TheTemplateUploadRefusesEveryFileThatLiesAboutWhatItIsAndTheProfileStays()
    {
        using var host = await ApiHost.StartAsync(extra: NoRateLimits);
        var scenario = await Scenario.CreateAsync(host);
        using var admin = host.ClientFor(Caller.Admin);

        await EachRefusedAsync(admin, (name, bytes) => admin.SendFormAsync(HttpMethod.Put, "/api/profile/template",
            HttpCalls.FileForm(name, bytes, ImportFiles.DocxType), scenario.ProfileETag));
        await RefusedAsWrongMediaTypeAsync(admin, SendAsync(admin, HttpMethod.Put, "/api/profile/template", WordEdits.AsBody(Plain), scenario.ProfileETag));

        Assert.AreEqual(scenario.ProfileETag, (await admin.GetAsync("/api/profile")).ETag(), "the profile is unchanged");
    }

    private static async Task EachRefusedAsync(HttpClient client, Func<string, byte[], Task<HttpResponseMessage>> send, string pdfCode = "not-word")
    {
        foreach (var (name, fileName, bytes, wordCode) in Hostile)
        {
            var code = ReferenceEquals(name, Hostile[0].Name) ? pdfCode : wordCode;
            var response = await send(fileName, bytes);
            var body = await response.Content.ReadAsStringAsync();
            Assert.AreEqual(HttpStatusCode.UnprocessableEntity, response.StatusCode, $"{name}: {body}");
            var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.AreEqual(code, (string?)problem["code"], $"{name}: {body}");
            Assert.IsFalse(string.IsNullOrWhiteSpace((string?)problem["detail"]), name);
            await StillServingAsync(client);
        }
    }

    private static async Task RefusedAsWrongMediaTypeAsync(HttpClient client, Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, response.StatusCode, body);
        var problem = await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.IsFalse(string.IsNullOrWhiteSpace((string?)problem["detail"] ?? (string?)problem["title"]), body);
        await StillServingAsync(client);
    }

    private static async Task StillServingAsync(HttpClient client) =>
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/api/drafts")).StatusCode, "the server keeps serving");

    private static ByteArrayContent WithType(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent content, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient client, string draftUrl, byte[] docx, string fileName)
    {
        using var form = new MultipartFormDataContent { { new StringContent("approve"), "decision" } };
        form.Add(WordEdits.AsBody(docx), "document", fileName);
        return await client.PostAsync($"{draftUrl}/decisions", form);
    }
}
