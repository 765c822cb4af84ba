using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Publication;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace ResponseDrafter.Api.Tests.Workflow;

/// <summary>
/// The accessibility check before sign-off: the pane reads the findings for the document Word last saved, submission
/// is refused while they include an error (and nothing saved is lost), advice does not block, and the signed letter passes.
/// </summary>
[TestClass]
public sealed class LetterAccessibilityTests
{
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [TestMethod]
    public async Task SubmissionIsRefusedWhileTheSavedDocumentHasAnAccessibilityErrorAndNothingSavedIsLost()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var (docx, etag) = await DocumentAsync(drafter, rig.DraftUrl);
        var fromWord = Edit(docx, (_, body) => Salutation(body).Append(Run(" (urgent)", new Color { Val = "FF0000" })));
        var saved = await drafter.SaveAsync(rig.DraftUrl, fromWord, etag);
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());

        var check = await (await drafter.GetAsync($"{rig.DraftUrl}/document/accessibility")).ReadAsync<AccessibilityDto>();
        var problem = await (await rig.SubmitAsync()).ProblemAsync(HttpStatusCode.Conflict);

        Assert.IsFalse(check.Passes);
        var finding = check.Findings.Single();
        Assert.AreEqual(AccessibilityCheck.ColourOnly, finding.Code);
        Assert.AreEqual("error", finding.Severity);
        Assert.AreEqual("Letter body", finding.Where, "typed after the salutation's control, so in no region");
        StringAssert.EndsWith(finding.Excerpt, "(urgent)");
        StringAssert.Contains(finding.Message, "(urgent)");
        Assert.AreEqual("The letter is not accessible yet", problem["title"]!.GetValue<string>());
        var refused = problem["accessibility"]!.AsArray().Single()!;
        Assert.AreEqual(AccessibilityCheck.ColourOnly, refused["code"]!.GetValue<string>());
        StringAssert.Contains(refused["fix"]!.GetValue<string>(), "In Word");
        Assert.IsEmpty((await rig.WorkflowAsync()).Versions, "nothing was submitted");
        Assert.AreEqual(DraftState.Drafting, (await rig.WorkflowAsync()).State);
        CollectionAssert.AreEqual(fromWord, await drafter.GetByteArrayAsync($"{rig.DraftUrl}/document"), "what Word saved is kept as it was");
    }

    [TestMethod]
    public async Task AdviceAloneDoesNotBlockSubmission()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);
        var (docx, etag) = await DocumentAsync(drafter, rig.DraftUrl);
        var fromWord = Edit(docx, (main, body) =>
        {
            var link = main.AddHyperlinkRelationship(new Uri("https://www.example.org/report"), isExternal: true);
            Salutation(body).Append(new Hyperlink(Run("https://www.example.org/report", new RunStyle { Val = "Hyperlink" }))
            {
                Id = link.Id,
                Tooltip = "The inspection report",
            });
        });
        Assert.AreEqual(HttpStatusCode.OK, (await drafter.SaveAsync(rig.DraftUrl, fromWord, etag)).StatusCode);

        var check = await (await drafter.GetAsync($"{rig.DraftUrl}/document/accessibility")).ReadAsync<AccessibilityDto>();
        var submitted = await rig.SubmittedAsync();

        Assert.IsTrue(check.Passes);
        Assert.AreEqual("advice", check.Findings.Single().Severity);
        Assert.AreEqual(AccessibilityCheck.LinkTextIsAddress, check.Findings.Single().Code);
        Assert.HasCount(1, submitted.Versions);
    }

    [TestMethod]
    public async Task ALetterAsAssembledPassesAndItsSignedLetterPassesWithTheSignaturesAltText()
    {
        using var host = await ApiHost.StartAsync();
        var settings = SignOffRig.Settings() with { Signature = new LogoInput("image/png", OnePixelPng, "  Signature of Alex Mercer ") };
        var rig = await SignOffRig.CreateAsync(host, settings);
        using var drafter = host.ClientFor(Caller.Drafter);

        var check = await (await drafter.GetAsync($"{rig.DraftUrl}/document/accessibility")).ReadAsync<AccessibilityDto>();
        await rig.SubmittedAsync();
        await rig.DecidedAsync(Caller.HeadOfPolicy, "approve");
        await rig.DecidedAsync(Caller.Commissioner, "approve");
        var signed = await drafter.GetByteArrayAsync($"{rig.DraftUrl}/final/document");

        Assert.IsTrue(check.Passes);
        Assert.IsEmpty(check.Findings);
        Assert.IsEmpty(AccessibilityCheck.Check(signed), string.Join("\n", AccessibilityCheck.Check(signed)));
        using var document = WordprocessingDocument.Open(new MemoryStream(signed), isEditable: false);
        CollectionAssert.Contains(document.MainDocumentPart!.Document!.Descendants<Wp.DocProperties>().Select(p => p.Description?.Value).ToList(),
            "Signature of Alex Mercer");
    }

    [TestMethod]
    public async Task AnApproversEditsThatLoseTheTitleAreRefusedAndTheVersionStands()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        using var approver = host.ClientFor(Caller.HeadOfPolicy);
        var v1 = await approver.GetByteArrayAsync((await rig.WorkflowAsync()).Versions[0].DocumentUrl);
        var edited = Edit(v1, (_, body) => Salutation(body).Append(Run(" Added in Word.")), title: string.Empty);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{rig.DraftUrl}/versions") { Content = WordEdits.AsBody(edited) };
        var problem = await (await approver.SendAsync(request)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.AreEqual(AccessibilityCheck.TitleMissing, problem["accessibility"]!.AsArray().Single()!["code"]!.GetValue<string>());
        var workflow = await rig.WorkflowAsync();
        Assert.HasCount(1, workflow.Versions, "no new version");
        Assert.AreEqual(DraftState.InReview, workflow.State);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("  ")]
    public async Task ASignaturePictureWithoutAltTextIsRefusedNamingTheField(string? altText)
    {
        using var host = await ApiHost.StartAsync();
        await SignOffRig.CreateAsync(host);
        using var admin = host.ClientFor(Caller.Admin);
        var before = await (await admin.GetAsync("/api/profile/sign-off")).Content.ReadAsStringAsync();
        var settings = SignOffRig.Settings() with { Signature = new LogoInput("image/png", OnePixelPng, altText) };

        var problem = await (await admin.SendJsonAsync(HttpMethod.Put, "/api/profile/sign-off", settings, (await admin.GetAsync("/api/profile")).ETag()))
            .ProblemAsync(HttpStatusCode.BadRequest);

        StringAssert.StartsWith(problem.ErrorsFor("signature.altText").Single(), "Is required: the words a screen reader reads in place of the signature");
        Assert.AreEqual(before, await (await admin.GetAsync("/api/profile/sign-off")).Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task TheCheckIsForReadersOfTheDraftAndNamesAnUnknownDraft()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        using var approver = host.ClientFor(Caller.HeadOfPolicy);

        var read = await approver.GetAsync($"{rig.DraftUrl}/document/accessibility");
        var missing = await approver.GetAsync($"/api/drafts/{Guid.NewGuid()}/document/accessibility");

        Assert.AreEqual(HttpStatusCode.OK, read.StatusCode, await read.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.IsNotNull(JsonNode.Parse(await read.Content.ReadAsStringAsync())!["findings"]);
    }

    private static async Task<(byte[] Docx, string ETag)> DocumentAsync(HttpClient client, string draftUrl)
    {
        var response = await client.GetAsync($"{draftUrl}/document");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadAsByteArrayAsync(), response.ETag());
    }

    private static byte[] Edit(byte[] docx, Action<MainDocumentPart, Body> edit, string? title = null)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            edit(document.MainDocumentPart!, document.MainDocumentPart!.Document!.Body!);
            if (title is not null)
            {
                document.PackageProperties.Title = title;
            }
        }

        return stream.ToArray();
    }

    private static Paragraph Salutation(Body body) =>
        body.Descendants<SdtElement>().First(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value == "salutation").Ancestors<Paragraph>().First();

    private static Run Run(string text, params OpenXmlElement[] properties) =>
        new(new RunProperties(properties), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
}
