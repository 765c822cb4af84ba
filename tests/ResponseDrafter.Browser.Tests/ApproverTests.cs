using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResponseDrafter.Browser.Tests;

/// <summary>
/// Approving in Word: the submitted version open in the Office.js stand-in (its real bytes, fetched from the API), the
/// review in the pane, and decisions that send the open document for the server to check and bind to the version's hash.
/// </summary>
[TestClass]
public sealed class ApproverTests : PaneTest
{
    private const string ScriptTag = "<script>window.__pwned=1</script>";
    private const string ImageTag = "<img src=x onerror=\"window.__pwned=1\">";
    private static readonly string[] Blocking = ["serious", "critical"];

    [TestMethod]
    public async Task ApproversApproveTheOpenDocumentStageByStageAndEachDecisionRecordsItsHash()
    {
        var title = "Approver: approves";
        var draftId = await SubmittedAsync(title);
        var document = await Drafts.VersionDocumentAsync(draftId, 1);
        var open = await OpenAsync("Avery Approver", document);
        var page = open.Playwright;

        var summary = page.Locator("#review-summary");
        await Expect(summary).ToContainTextAsync(title);
        await Expect(summary).ToContainTextAsync("Stage: Head of policy (In review)");
        await Expect(summary).ToContainTextAsync("Version 1, submitted by Dana Drafter on");
        await Expect(summary).ToContainTextAsync("Version 1 is with Avery Approver (Head of policy), due");
        await Expect(page.Locator("#review-changes")).ToHaveTextAsync("This is the first version submitted: there is no earlier version to compare it with.");
        await Expect(page.Locator("#review-decisions")).ToHaveTextAsync("No decisions yet.");
        await Expect(page.Locator("#review-heading")).ToBeFocusedAsync();
        await Evidence.ScreenshotAsync(TestContext, page, "approver-1-review");

        await Expect(page.Locator("#open-document-state")).ToHaveTextAsync("None: the document is version 1 as it was submitted.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit my changes as a new version" })).ToBeHiddenAsync();

        // Small slices, so the pane must put the file together from several; only the decision's reading is counted.
        await page.EvaluateAsync("() => { window.__wordDocument.sliceSize = 8192; window.__wordCalls.length = 0; }");
        // The comment's hint is its description for screen readers: a native text area, nothing across a shadow root.
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Comment" }))
            .ToHaveAccessibleDescriptionAsync("Needed when you request changes: say what must change. Optional when you approve.");
        Assert.AreEqual(0, await page.EvaluateAsync<int>(
            "() => document.querySelectorAll('#review fluent-text-area[aria-describedby], #review fluent-button[aria-describedby], #draft fluent-button[aria-describedby]').length"));

        // While the decision is recorded, the button says so beside it and the sentence is announced.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/drafts/*/decisions", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        var approve = page.GetByRole(AriaRole.Button, new() { Name = "Approve this version" });
        await approve.ClickAsync();
        await Expect(page.Locator("#approve + .progress")).ToHaveTextAsync("Recording your approval…");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Recording your approval…");
        await Expect(approve).ToHaveAttributeAsync("aria-busy", "true");
        release.SetResult();

        await Expect(page.Locator("#decision-result")).ToContainTextAsync("You approved version 1. Version 1 is with Alex Mercer (Commissioner), due");
        await Expect(page.Locator("#cannot-decide")).ToHaveTextAsync("You are not an approver at the current stage (Commissioner), nor anyone's deputy for it today.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve this version" })).ToBeHiddenAsync();
        await Expect(page.Locator("#review-decisions")).ToContainTextAsync("Approved by Avery Approver (Head of policy) on version 1");
        await Evidence.ScreenshotAsync(TestContext, page, "approver-2-approved");

        var workflow = await Drafts.WorkflowAsync(draftId);
        Assert.AreEqual("awaiting-approval", workflow["state"]!.GetValue<string>());
        var decision = workflow["decisions"]!.AsArray().Single()!;
        Assert.AreEqual("approved", decision["kind"]!.GetValue<string>());
        Assert.AreEqual(Sha256(document), decision["documentSha256"]!.GetValue<string>(), "The decision records the hash of the document sent from Word.");
        Assert.AreEqual(workflow["versions"]![0]!["sha256"]!.GetValue<string>(), decision["versionSha256"]!.GetValue<string>());

        var calls = await WordCallsAsync(page);
        var fileCall = calls.Single(c => c["call"]!.GetValue<string>() == "document.getFileAsync");
        Assert.AreEqual("compressed", fileCall["fileType"]!.GetValue<string>());
        Assert.AreEqual((document.Length + 8191) / 8192, calls.Count(c => c["call"]!.GetValue<string>() == "file.getSliceAsync"));
        Assert.AreEqual(1, calls.Count(c => c["call"]!.GetValue<string>() == "file.closeAsync"), "The file is closed after reading.");

        var commissioner = await OpenAsync("Alex Mercer", document);
        await Expect(commissioner.Playwright.Locator("#review-summary")).ToContainTextAsync("Stage: Commissioner (Awaiting approval)");
        await commissioner.Playwright.GetByRole(AriaRole.Button, new() { Name = "Approve this version" }).ClickAsync();
        await Expect(commissioner.Playwright.Locator("#decision-result"))
            .ToHaveTextAsync("You approved version 1. Version 1 is approved and signed; it can now be dispatched.");
        Assert.AreEqual("approved", (await Drafts.WorkflowAsync(draftId))["state"]!.GetValue<string>());
        Assert.AreEqual(0, open.Problems.Count + commissioner.Problems.Count, string.Join("\n", open.Problems.Concat(commissioner.Problems)));
    }

    [TestMethod]
    public async Task RequestingChangesNeedsACommentAndTheDrafterSeesIt()
    {
        var title = "Approver: requests changes";
        var draftId = await SubmittedAsync(title);
        var open = await OpenAsync("Avery Approver", await Drafts.VersionDocumentAsync(draftId, 1));
        var page = open.Playwright;
        var requestChanges = page.GetByRole(AriaRole.Button, new() { Name = "Request changes" });

        await requestChanges.ClickAsync();
        var refusal = page.Locator("#decide-error");
        await Expect(refusal).ToHaveTextAsync("Comment: Is required when requesting changes: say what needs to change.");
        await Expect(refusal).ToBeFocusedAsync();
        await Expect(page.Locator("#alert")).ToBeHiddenAsync();
        Assert.IsTrue(await refusal.EvaluateAsync<bool>("box => box.previousElementSibling.id === 'submit-edits-block'"),
            "The refusal sits under the decision buttons, not at the top of the page.");
        Assert.AreEqual(0, (await Drafts.WorkflowAsync(draftId))["decisions"]!.AsArray().Count);

        await page.Locator("#review-comment").FillAsync("Recommendation 2 needs the force's dates for the training.");
        await requestChanges.ClickAsync();

        await Expect(page.Locator("#decision-result"))
            .ToHaveTextAsync("You asked for changes to version 1. Changes were requested to version 1: it is back with Dana Drafter. Edit the draft, then submit it again.");
        await Expect(refusal).ToBeHiddenAsync();
        await Expect(page.Locator("#review-decisions")).ToContainTextAsync("Changes requested by Avery Approver (Head of policy) on version 1");
        await Expect(page.Locator("#review-decisions blockquote")).ToHaveTextAsync("Recommendation 2 needs the force's dates for the training.");
        await Expect(page.Locator("#review-decide")).ToBeHiddenAsync();
        await Expect(page.Locator("#cannot-decide")).ToHaveTextAsync("This draft is not awaiting a decision: it has not been submitted since it last changed.");
        await Evidence.ScreenshotAsync(TestContext, page, "approver-3-changes-requested");

        var workflow = await Drafts.WorkflowAsync(draftId);
        Assert.AreEqual("changes-requested", workflow["state"]!.GetValue<string>());
        Assert.AreEqual("Recommendation 2 needs the force's dates for the training.", workflow["decisions"]![0]!["comment"]!.GetValue<string>());

        var drafter = await Chromium.OpenAsync(Server, "/taskpane.html");
        await drafter.SignInAsync("Dana Drafter");
        await drafter.Playwright.Locator("fluent-card").Filter(new() { Has = drafter.Playwright.GetByRole(AriaRole.Heading, new() { Name = title }) })
            .GetByRole(AriaRole.Button, new() { Name = "Continue the response" }).ClickAsync();
        var signOff = drafter.Playwright.Locator("#sign-off-state");
        await Expect(signOff).ToContainTextAsync("Changes were requested to version 1: it is back with Dana Drafter.");
        await Expect(signOff.Locator("blockquote")).ToHaveTextAsync("Recommendation 2 needs the force's dates for the training.");
        await Expect(drafter.Playwright.GetByRole(AriaRole.Button, new() { Name = "Submit for sign-off" })).ToBeEnabledAsync();
        await Evidence.ScreenshotAsync(TestContext, drafter.Playwright, "sign-off-3-drafter-sees-changes-requested");
    }

    [TestMethod]
    public async Task AStaleVersionIsRefusedWithWhichVersionIsCurrentAndTheCommentIsKept()
    {
        var draftId = await SubmittedAsync("Approver: stale version");
        var open = await OpenAsync("Avery Approver", await Drafts.VersionDocumentAsync(draftId, 1));
        var page = open.Playwright;
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve this version" })).ToBeVisibleAsync();

        await Drafts.EditAsync(draftId, "Reworded while the approver was reading version 1.");
        await Drafts.SubmitAsync(draftId);
        await page.Locator("#review-comment").FillAsync("Content with this.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve this version" }).ClickAsync();

        var alert = page.Locator("#decide-error");
        await Expect(alert).ToBeFocusedAsync();
        await Expect(alert).ToContainTextAsync("This is not the version awaiting a decision: Version 2, submitted by Dana Drafter on");
        await Expect(alert).ToContainTextAsync("Open that version and decide again; nothing was recorded.");
        await Expect(page.Locator("#review-comment")).ToHaveValueAsync("Content with this.");
        await Expect(page.Locator("#decision-result")).ToHaveTextAsync(string.Empty);
        await Evidence.ScreenshotAsync(TestContext, page, "approver-4-stale-version");
        Assert.AreEqual(0, (await Drafts.WorkflowAsync(draftId))["decisions"]!.AsArray().Count);
    }

    [TestMethod]
    public async Task ADocumentEditedInWordIsNotApprovedAsTheSubmittedVersion()
    {
        var draftId = await SubmittedAsync("Approver: edited in Word");
        var edited = WordDocuments.WithParagraphTyped(await Drafts.VersionDocumentAsync(draftId, 1), "A sentence the approver typed.");
        var open = await OpenAsync("Avery Approver", edited);

        await open.Playwright.GetByRole(AriaRole.Button, new() { Name = "Approve this version" }).ClickAsync();

        await Expect(open.Playwright.Locator("#decide-error"))
            .ToContainTextAsync("The document differs from the version submitted: The text in Word is not the text of version 1");
        Assert.AreEqual(0, (await Drafts.WorkflowAsync(draftId))["decisions"]!.AsArray().Count);
    }

    [TestMethod]
    public async Task AnApproverSubmitsTheirOwnEditsInWordAsTheNextVersion()
    {
        var draftId = await SubmittedAsync("Approver: own edits");
        var edited = WordDocuments.WithParagraphTyped(await Drafts.VersionDocumentAsync(draftId, 1), "A sentence the approver typed.");
        var open = await OpenAsync("Avery Approver", edited);

        await open.Playwright.GetByRole(AriaRole.Button, new() { Name = "Submit my changes as a new version" }).ClickAsync();

        await Expect(open.Playwright.Locator("#decision-result")).ToContainTextAsync("Your changes are version 2; the decisions on version 1 are void.");
        await Evidence.ScreenshotAsync(TestContext, open.Playwright, "approver-5-own-edits-submitted");
        var workflow = await Drafts.WorkflowAsync(draftId);
        var versions = workflow["versions"]!.AsArray();
        Assert.AreEqual(2, versions.Count);
        Assert.AreEqual("Avery Approver", versions[1]!["submittedBy"]!["name"]!.GetValue<string>());
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task AnApproverOfAnotherStageIsToldWhyTheyCannotDecide()
    {
        var draftId = await SubmittedAsync("Approver: not this stage");
        var open = await OpenAsync("Alex Mercer", await Drafts.VersionDocumentAsync(draftId, 1));

        await Expect(open.Playwright.Locator("#cannot-decide")).ToHaveTextAsync("You are not an approver at the current stage (Head of policy), nor anyone's deputy for it today.");
        await Expect(open.Playwright.GetByRole(AriaRole.Button, new() { Name = "Approve this version" })).ToBeHiddenAsync();
        await Expect(open.Playwright.GetByRole(AriaRole.Button, new() { Name = "Request changes" })).ToBeHiddenAsync();
    }

    [TestMethod]
    public async Task ADeputyWhoseDelegationEndsIsRefusedWithTheServersReason()
    {
        var draftId = await SubmittedAsync("Approver: delegation ended");
        using var admin = await Server.ClientForAsync("admin");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var delegated = await admin.PostAsJsonAsync("/api/profile/delegations", new
        {
            approverId = LocalTokenIssuer.ObjectIdFor("approver"),
            deputy = new { id = LocalTokenIssuer.ObjectIdFor("commissioner"), name = "Alex Mercer", email = "commissioner@wessex-pcc.example" },
            from = today.AddDays(-1),
            until = today.AddDays(7),
        });
        Assert.IsTrue(delegated.IsSuccessStatusCode, await delegated.Content.ReadAsStringAsync());
        var delegationId = (await delegated.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var open = await OpenAsync("Alex Mercer", await Drafts.VersionDocumentAsync(draftId, 1));
        await Expect(open.Playwright.Locator("#acting-for")).ToHaveTextAsync("You are deciding for Avery Approver, as their deputy.");

        (await admin.DeleteAsync($"/api/profile/delegations/{delegationId}")).EnsureSuccessStatusCode();
        await open.Playwright.GetByRole(AriaRole.Button, new() { Name = "Approve this version" }).ClickAsync();

        await Expect(open.Playwright.Locator("#decide-error"))
            .ToHaveTextAsync("You are not an approver at the current stage (Head of policy), nor anyone's deputy for it today.");
        Assert.AreEqual(0, (await Drafts.WorkflowAsync(draftId))["decisions"]!.AsArray().Count);
    }

    [TestMethod]
    public async Task MarkupInCommentsAndChangesShowsAsTextAndNeverRuns()
    {
        var title = $"Approver: hostile {ImageTag}";
        var draftId = await SubmittedAsync(title);
        await Drafts.DecideAsync("approver", draftId, "request-changes", $"Fix this {ScriptTag}");
        // The letter's markup refuses raw tags, so the drafter escapes them: the letter then holds the tag as text.
        await Drafts.EditAsync(draftId, $"Reworded {ImageTag.Replace("<", "\\<", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)} as asked.");
        await Drafts.SubmitAsync(draftId);
        var open = await OpenAsync("Avery Approver", await Drafts.VersionDocumentAsync(draftId, 2), bypassCsp: true);
        var page = open.Playwright;

        await Expect(page.Locator("#review-summary .report-title")).ToHaveTextAsync(title);
        var added = page.Locator("#review-changes li.added");
        await Expect(added.Filter(new() { HasText = "as asked." }).Locator(".change-kind")).ToHaveTextAsync("Added:");
        await Expect(added.Filter(new() { HasText = "as asked." }).Locator("ins")).ToContainTextAsync($"Reworded {ImageTag} as asked.");
        await Expect(page.Locator("#review-decisions blockquote")).ToHaveTextAsync($"Fix this {ScriptTag}");

        await page.Locator("#review-comment").FillAsync($"Still not right {ImageTag}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Request changes" }).ClickAsync();
        await Expect(page.Locator("#review-decisions blockquote").Last).ToHaveTextAsync($"Still not right {ImageTag}");
        await Evidence.ScreenshotAsync(TestContext, page, "hostile-text-approver");

        Assert.IsTrue(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"), "Injected markup ran.");
        Assert.AreEqual(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('main img, main svg, main script').length"),
            "Injected markup became elements.");
    }

    [TestMethod]
    public async Task ApproverScreenHasNoSeriousAccessibilityIssues()
    {
        var draftId = await SubmittedAsync("Approver: accessibility");
        await Drafts.DecideAsync("approver", draftId, "request-changes", "Add the force's dates.");
        await Drafts.EditAsync(draftId, "Training finishes in March 2027.");
        await Drafts.SubmitAsync(draftId);
        var open = await OpenAsync("Avery Approver", await Drafts.VersionDocumentAsync(draftId, 2));
        var page = open.Playwright;
        await Expect(page.Locator("#review-changes li.removed").First).ToBeVisibleAsync();
        await Expect(page.Locator("#review-changes li.added").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "axe-approver-review");

        await page.GetByRole(AriaRole.Button, new() { Name = "Approve this version" }).ClickAsync();
        await Expect(page.Locator("#cannot-decide")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "axe-approver-decided");
    }

    [TestMethod]
    public async Task ApproverCanCommentAndDecideByKeyboardAlone()
    {
        var draftId = await SubmittedAsync("Approver: keyboard");
        var open = await OpenAsync("Avery Approver", await Drafts.VersionDocumentAsync(draftId, 1));
        var page = open.Playwright;
        await Expect(page.Locator("#review-heading")).ToBeFocusedAsync();

        await KeyboardFocus.TabUntilAsync(page, page.Locator("#review-comment"));
        await page.Keyboard.TypeAsync("Typed without a mouse: name the training dates.");
        var focusShown = await KeyboardFocus.TabUntilAsync(page, page.Locator("#request-changes"));
        Assert.IsTrue(focusShown, "The focused button shows where focus is.");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#review-decisions blockquote").Last).ToHaveTextAsync("Typed without a mouse: name the training dates.");
        await Evidence.ScreenshotAsync(TestContext, page, "approver-keyboard");

        var workflow = await Drafts.WorkflowAsync(draftId);
        Assert.AreEqual("changes-requested", workflow["state"]!.GetValue<string>());
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task ThePaneNoticesEditsMadeInWordListsThemAndSaysWhatSubmittingThemDoesToTheApprovalsThroughTheOfficeJsStandIn()
    {
        var draftId = await SubmittedAsync("Approver: notices edits");
        await Drafts.DecideAsync("approver", draftId, "approve");
        var v1 = await Drafts.VersionDocumentAsync(draftId, 1);
        var open = await OpenAsync("Alex Mercer", v1, width: 350);
        var page = open.Playwright;
        var submitEdits = page.GetByRole(AriaRole.Button, new() { Name = "Submit my changes as a new version" });
        await Expect(page.Locator("#open-document-state")).ToHaveTextAsync("None: the document is version 1 as it was submitted.");
        await Expect(submitEdits).ToBeHiddenAsync();
        await Expect(page.Locator("#approve")).ToHaveAttributeAsync("appearance", "accent");

        // The commissioner rewords a paragraph and adds one (with markup, which must stay text) in Word.
        var edited = WordDocuments.WithParagraphTyped(
            WordDocuments.WithParagraphRetyped(v1, "The commissioner is assured on recommendation 2.", "The commissioner is fully assured on recommendation 2."),
            $"A line the commissioner added {ImageTag}");
        await page.EvaluateAsync(WordDocuments.TypingScript(edited, "The letter, as the commissioner edited it"));

        await Expect(page.Locator("#open-document-state")).ToHaveTextAsync("You have changed 2 paragraphs of version 1 in this document:", new() { Timeout = 10_000 });
        var reworded = page.Locator("#open-document-edits li.reworded");
        await Expect(reworded.Locator("del")).ToHaveTextAsync("The commissioner is assured on recommendation 2.");
        await Expect(reworded.Locator("ins")).ToHaveTextAsync("The commissioner is fully assured on recommendation 2.");
        await Expect(reworded).ToContainTextAsync("Was: ");
        await Expect(reworded).ToContainTextAsync("Now: ");
        await Expect(page.Locator("#open-document-edits li.added ins")).ToHaveTextAsync($"A line the commissioner added {ImageTag}");
        await Expect(submitEdits).ToBeVisibleAsync();
        await Expect(page.Locator("#submit-edits-hint")).ToHaveTextAsync(
            "This makes version 2 from your edits; the approval given by Avery Approver (Head of policy) no longer stands, and sign-off restarts at Head of policy.");
        await Expect(page.Locator("#approve-hint")).ToContainTextAsync("Approving covers version 1 as it was sent");
        await Expect(page.Locator("#submit-edits")).ToHaveAttributeAsync("appearance", "accent");
        await Expect(page.Locator("#approve")).ToHaveAttributeAsync("appearance", "neutral");
        Assert.AreEqual(1, await page.Locator("#review [appearance=accent]:visible").CountAsync(), "One primary button in the view.");
        Assert.AreEqual(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('main img').length"), "Typed markup stayed text.");
        Assert.IsTrue(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "Nothing overflows the 350 px pane.");
        await Evidence.ScreenshotAsync(TestContext, page, "approver-6-edits-noticed");

        await submitEdits.ClickAsync();

        await Expect(page.Locator("#decision-result")).ToContainTextAsync("Your changes are version 2; the decisions on version 1 are void.");
        await Expect(page.Locator("#decision-result")).ToBeFocusedAsync();
        await Expect(page.Locator("#open-document-state")).ToHaveTextAsync("None: the document is version 2 as it was submitted.");
        await Expect(submitEdits).ToBeHiddenAsync();
        await Evidence.ScreenshotAsync(TestContext, page, "approver-8-edits-submitted");
        var workflow = await Drafts.WorkflowAsync(draftId);
        Assert.AreEqual("Head of policy", workflow["stageName"]!.GetValue<string>());
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task EditsAnApproverMayNotSubmitAreListedWithTheReasonThroughTheOfficeJsStandIn()
    {
        var draftId = await SubmittedAsync("Approver: edits at the wrong stage");
        var edited = WordDocuments.WithParagraphTyped(await Drafts.VersionDocumentAsync(draftId, 1), "Typed too early.");
        var open = await OpenAsync("Alex Mercer", edited, width: 350);
        var page = open.Playwright;

        await Expect(page.Locator("#open-document-state")).ToHaveTextAsync("You have changed 1 paragraph of version 1 in this document:");
        await Expect(page.Locator("#open-document-edits li.added")).ToHaveTextAsync("Added: Typed too early.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit my changes as a new version" })).ToBeHiddenAsync();
        await Evidence.ScreenshotAsync(TestContext, page, "approver-9-edits-not-this-stage");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    private static async Task<string> SubmittedAsync(string title)
    {
        var draftId = await Drafts.CompleteAsync(title, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10));
        await Drafts.SubmitAsync(draftId);
        return draftId;
    }

    /// <summary>The task pane in Word with <paramref name="document"/> open, signed in as <paramref name="user"/>: the review.</summary>
    private static async Task<OpenPage> OpenAsync(string user, byte[] document, bool bypassCsp = false, int width = 350)
    {
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: width, bypassCsp: bypassCsp, openDocument: document);
        await open.SignInAsync(user);
        await Expect(open.Playwright.Locator("#review")).ToBeVisibleAsync();
        return open;
    }

    private async Task AssertAccessibleAsync(IPage page, string name)
    {
        await Evidence.ScreenshotAsync(TestContext, page, name);
        var violations = await Evidence.AxeAsync(TestContext, page, name);
        var blocking = violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.AreEqual(0, blocking.Count, string.Join("\n", blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes)})")));
    }

    private static async Task<List<JsonObject>> WordCallsAsync(IPage page) =>
        JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__wordCalls)"))!.AsArray().Select(n => n!.AsObject()).ToList();

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
