using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ResponseDrafter.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResponseDrafter.Browser.Tests;

/// <summary>After the commissioner approves, the drafter sends the signed PDF, downloads the package and records its publication from the pane.</summary>
[TestClass]
public sealed class DispatchAndPublicationTests : PaneTest
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>Sending and signing take the outbox a few seconds (LibreOffice makes the PDF).</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Outbox = new() { Timeout = 90_000 };

    [TestMethod]
    public async Task DrafterDispatchesTheSignedPdfAndRecordsThePublicationThroughTheOfficeJsStandIn()
    {
        var title = "Finish: dispatch and publication";
        var draftId = await ApprovedAsync(title);
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: 350);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        await Card(page, title).GetByRole(AriaRole.Button, new() { Name = "Continue the response" }).ClickAsync();

        var finish = page.Locator("#finish");
        await Expect(finish.GetByRole(AriaRole.Heading, new() { Name = "Dispatch the signed letter" })).ToBeVisibleAsync();
        var send = finish.GetByRole(AriaRole.Button, new() { Name = "Send the letter" });
        await Expect(send).ToBeVisibleAsync(Outbox);
        await Expect(page.Locator("#sign-off-state .sign-off-where")).ToHaveTextAsync("Version 1 is approved and signed; it can now be dispatched.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit for sign-off" })).ToBeHiddenAsync();
        var pdfName = (await Drafts.WorkflowAsync(draftId))["final"]!["pdfFileName"]!.GetValue<string>();
        Assert.AreEqual("finish-dispatch-and-publication-signed.pdf", pdfName);
        await Expect(finish.Locator(".dispatch-facts")).ToContainTextAsync("Home Office: section55responses@homeoffice.gov.uk");
        await Expect(finish.Locator(".dispatch-facts")).ToContainTextAsync("HM Chief Inspector of Constabulary: hmci@hmicfrs.example");
        await Expect(finish.Locator(".dispatch-facts")).ToContainTextAsync("chief.constable@wessex-police.example");
        await Expect(page.Locator("#dispatch-pdf")).ToHaveTextAsync(pdfName);
        await AssertNoSidewaysScrollAsync(page);
        await AssertAccessibleAsync(page, "finish-1-dispatch-ready-350");

        var download = await page.RunAndWaitForDownloadAsync(() => finish.GetByRole(AriaRole.Button, new() { Name = "Download the PDF" }).ClickAsync());
        Assert.AreEqual(pdfName, download.SuggestedFilename);
        var saved = Path.Combine(Evidence.Folder(TestContext), pdfName);
        await download.SaveAsAsync(saved);
        CollectionAssert.AreEqual("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync(saved))[..4]);

        await send.ClickAsync();
        await Expect(page.Locator("#finish-progress")).ToContainTextAsync("Sending the letter to the Home Office and HM Chief Inspector of Constabulary…");
        await Expect(page.Locator("#finish-progress fluent-progress-ring")).ToHaveCountAsync(1);
        await SectionShotAsync(page, "finish-1b-sending-350");
        var sent = page.Locator("#dispatch-result");
        await Expect(sent).ToBeVisibleAsync(Outbox);
        await Expect(sent).ToContainTextAsync(
            "Sent to the Home Office (section55responses@homeoffice.gov.uk) and HM Chief Inspector of Constabulary (hmci@hmicfrs.example), "
            + "copied to chief.constable@wessex-police.example, on ");
        await Expect(sent).ToBeFocusedAsync();
        await Expect(page.Locator("#finish-status")).ToContainTextAsync("Sent to the Home Office");
        await Expect(page.Locator("#sign-off-state .sign-off-where")).ToHaveTextAsync("The signed letter has been sent to the Home Office and HM Chief Inspector; record where it is published.");

        // The outbox sent it once: the workflow carries the message id and the audit trail the recipients.
        var workflow = await Drafts.WorkflowAsync(draftId);
        Assert.AreEqual("dispatched", workflow["state"]!.GetValue<string>());
        Assert.IsFalse(string.IsNullOrEmpty(workflow["dispatch"]!["messageId"]?.GetValue<string>()));
        Assert.IsNotNull(workflow["dispatch"]!["sentAt"]);
        using var drafter = await Server.ClientForAsync("drafter");
        var audit = (await drafter.GetFromJsonAsync<JsonObject>($"/api/drafts/{draftId}/audit"))!["entries"]!.AsArray();
        var dispatched = audit.Single(e => e!["action"]!.GetValue<string>() == "dispatched")!;
        StringAssert.Contains(dispatched["detail"]!.GetValue<string>(), "Sent to section55responses@homeoffice.gov.uk, hmci@hmicfrs.example, cc chief.constable@wessex-police.example");

        // The package to publish: the PDF and the web version, downloaded from the publication step.
        var webName = workflow["final"]!["webFileName"]!.GetValue<string>();
        Assert.AreEqual("finish-dispatch-and-publication-signed.html", webName);
        var web = await page.RunAndWaitForDownloadAsync(() => finish.GetByRole(AriaRole.Button, new() { Name = "Download the web version" }).ClickAsync());
        Assert.AreEqual(webName, web.SuggestedFilename);
        var savedWeb = Path.Combine(Evidence.Folder(TestContext), webName);
        await web.SaveAsAsync(savedWeb);
        Assert.AreEqual(workflow["final"]!["webSha256"]!.GetValue<string>(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(savedWeb))));
        TestContext.AddResultFile(savedWeb);

        // Refusals are shown beside the field concerned: first the pane's own check, then the server's.
        var letterUrl = page.GetByLabel("Web address of the published PDF");
        var webUrl = page.GetByLabel("Web address of the published web page");
        var commentsUrl = page.GetByLabel("Web address of the force's own copy (optional)");
        await letterUrl.FillAsync("http://opcc.example/letter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record publication" }).ClickAsync();
        await Expect(page.Locator("#publication-letterUrl-error")).ToHaveTextAsync("Give an https:// address (the public page, not a file or an http:// link).");
        await Expect(page.Locator("#publication-webUrl-error")).ToHaveTextAsync("Give the https:// address where it is published.");
        await Expect(page.Locator("#publication-chiefConstableCommentsUrl-error")).ToBeHiddenAsync();
        await Expect(letterUrl).ToBeFocusedAsync();
        await Expect(letterUrl).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#finish-status")).ToHaveTextAsync("Not recorded: 2 addresses need correcting.");
        await AssertNoSidewaysScrollAsync(page);
        await AssertAccessibleAsync(page, "finish-2-publication-refused-350");

        var tooLong = "https://opcc.example/" + new string('a', 2000);
        await letterUrl.FillAsync(tooLong);
        await webUrl.FillAsync("https://opcc.example/hmicfrs/finish-response");
        await commentsUrl.FillAsync("https://opcc.example/chief-constable-comments");
        await commentsUrl.PressAsync("Enter");
        await Expect(page.Locator("#publication-letterUrl-error")).ToHaveTextAsync("Must be a public https:// address.");
        await Expect(page.Locator("#publication-webUrl-error")).ToBeHiddenAsync();
        await Expect(letterUrl).ToBeFocusedAsync();
        await Expect(letterUrl).ToHaveValueAsync(tooLong);
        Assert.AreEqual("dispatched", (await Drafts.WorkflowAsync(draftId))["state"]!.GetValue<string>());

        await letterUrl.FillAsync("https://opcc.example/hmicfrs/finish-response.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record publication" }).ClickAsync();
        var published = page.Locator("#published-result");
        await Expect(published).ToContainTextAsync("The publication was recorded on ");
        await Expect(published).ToBeFocusedAsync();
        await Expect(page.Locator("#sign-off-state .sign-off-where")).ToHaveTextAsync("The response has been published.");
        await Expect(finish.GetByRole(AriaRole.Link, new() { Name = "https://opcc.example/hmicfrs/finish-response.pdf" })).ToBeVisibleAsync();
        await Expect(finish.GetByRole(AriaRole.Link, new() { Name = "https://opcc.example/hmicfrs/finish-response", Exact = true })).ToBeVisibleAsync();
        await Expect(finish.GetByRole(AriaRole.Link, new() { Name = "https://opcc.example/chief-constable-comments" })).ToBeVisibleAsync();
        var final = workflow["final"]!;
        workflow = await Drafts.WorkflowAsync(draftId);
        Assert.AreEqual("published", workflow["state"]!.GetValue<string>());
        Assert.AreEqual("https://opcc.example/hmicfrs/finish-response.pdf", workflow["publication"]!["letterUrl"]!.GetValue<string>());
        Assert.AreEqual("https://opcc.example/hmicfrs/finish-response", workflow["publication"]!["webUrl"]!.GetValue<string>());
        Assert.AreEqual(final["pdfSha256"]!.GetValue<string>(), workflow["publication"]!["pdfSha256"]!.GetValue<string>());
        Assert.AreEqual(final["webSha256"]!.GetValue<string>(), workflow["publication"]!["webSha256"]!.GetValue<string>());
        await AssertNoSidewaysScrollAsync(page);
        await AssertAccessibleAsync(page, "finish-3-published-350");
        // The one 400 is the server's refusal of the over-long address, which the browser logs as a failed load.
        Assert.AreEqual(1, open.Problems.Count, string.Join("\n", open.Problems));
        StringAssert.Contains(open.Problems.Single(), "status of 400");
    }

    [TestMethod]
    public async Task OnlyDraftersAreOfferedDispatchOthersSeeTheState()
    {
        var title = "Finish: read by an approver";
        var draftId = await ApprovedAsync(title);
        await WaitForPdfAsync(draftId);
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", width: 350);
        var page = open.Playwright;
        await open.SignInAsync("Avery Approver");
        await Card(page, title).GetByRole(AriaRole.Button, new() { Name = "Read the response" }).ClickAsync();

        var finish = page.Locator("#finish");
        await Expect(finish.Locator("#dispatch-pdf")).ToHaveTextAsync("finish-read-by-an-approver-signed.pdf");
        await Expect(finish).ToContainTextAsync("A drafter sends the letter.");
        await Expect(finish.GetByRole(AriaRole.Button, new() { Name = "Send the letter" })).ToHaveCountAsync(0);
        await Expect(finish.GetByRole(AriaRole.Button, new() { Name = "Download the PDF" })).ToBeVisibleAsync();
        await Evidence.ScreenshotAsync(TestContext, page, "finish-4-read-only-350");
        await SectionShotAsync(page, "finish-4-read-only-350");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task DrafterDispatchesAndRecordsThePublicationByKeyboardAlone()
    {
        var title = "Finish: by keyboard";
        var draftId = await ApprovedAsync(title);
        await WaitForPdfAsync(draftId);
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: 350);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        await Card(page, title).GetByRole(AriaRole.Button, new() { Name = "Continue the response" }).ClickAsync();

        var send = page.Locator("#dispatch-send");
        Assert.IsTrue(await KeyboardFocus.TabUntilAsync(page, send), "The focused Send button shows where focus is.");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#dispatch-result")).ToBeFocusedAsync(new() { Timeout = 90_000 });

        // From the confirmation, Tab reaches the two downloads, then the addresses.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Download the PDF" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Download the web version" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Web address of the published PDF")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("https://opcc.example/keyboard-letter.pdf");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Web address of the published web page")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("https://opcc.example/keyboard-letter");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#published-result")).ToBeFocusedAsync();
        Assert.AreEqual("published", (await Drafts.WorkflowAsync(draftId))["state"]!.GetValue<string>());
        await SectionShotAsync(page, "finish-5-keyboard-published-350");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    /// <summary>A complete draft approved by the head of policy and the commissioner, as ApproverTests take it there.</summary>
    private static async Task<string> ApprovedAsync(string title)
    {
        var draftId = await Drafts.CompleteAsync(title, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20));
        await Drafts.SubmitAsync(draftId);
        await Drafts.DecideAsync("approver", draftId, "approve");
        await Drafts.DecideAsync("commissioner", draftId, "approve");
        Assert.AreEqual("approved", (await Drafts.WorkflowAsync(draftId))["state"]!.GetValue<string>());
        return draftId;
    }

    private static async Task WaitForPdfAsync(string draftId)
    {
        for (var waited = 0; waited < 90; waited++)
        {
            if ((await Drafts.WorkflowAsync(draftId))["final"]?["pdfSha256"] is not null)
            {
                return;
            }

            await Task.Delay(1000);
        }

        Assert.Fail("The signed letter's PDF was not produced within 90 s.");
    }

    internal static async Task AssertNoSidewaysScrollAsync(IPage page, string? container = null)
    {
        var widths = await page.EvaluateAsync<int[]>(
            "selector => { const e = selector ? document.querySelector(selector) : document.documentElement; return [e.scrollWidth, e.clientWidth]; }", container);
        Assert.IsTrue(widths[0] <= widths[1], $"{container ?? "The page"} scrolls sideways: scrollWidth {widths[0]} > clientWidth {widths[1]}.");
    }

    private static ILocator Card(IPage page, string title) =>
        page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });

    /// <summary>The whole pane is several screens tall; the step itself is saved beside it, as Word's pane shows it.</summary>
    private async Task SectionShotAsync(IPage page, string name)
    {
        var path = Path.Combine(Evidence.Folder(TestContext), $"{name}-section.png");
        await page.Locator("#finish").ScreenshotAsync(new() { Path = path });
        TestContext.AddResultFile(path);
    }

    private async Task AssertAccessibleAsync(IPage page, string name)
    {
        await Evidence.ScreenshotAsync(TestContext, page, name);
        await SectionShotAsync(page, name);
        var violations = await Evidence.AxeAsync(TestContext, page, name);
        var blocking = violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.AreEqual(0, blocking.Count, string.Join("\n", blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes)})")));
    }
}
