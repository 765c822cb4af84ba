using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResponseDrafter.Browser.Tests;

/// <summary>The deadline board shows where each response is in sign-off and who holds it.</summary>
[TestClass]
public sealed class SignOffBoardTests : PaneTest
{
    [TestMethod]
    public async Task BoardShowsEachResponsesStageAndHolderWithAnOverdueOneInRed()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var withHeadOfPolicy = await Drafts.CompleteAsync("Board sign-off: with the head of policy", today.AddDays(-10));
        await Drafts.SubmitAsync(withHeadOfPolicy);
        var overdue = await Drafts.CompleteAsync("Board sign-off: overdue with the commissioner", today.AddDays(-70));
        await Drafts.SubmitAsync(overdue);
        await Drafts.DecideAsync("approver", overdue, "approve");
        var sentBack = await Drafts.CompleteAsync("Board sign-off: sent back", today.AddDays(-20));
        await Drafts.SubmitAsync(sentBack);
        await Drafts.DecideAsync("approver", sentBack, "request-changes", "Shorten the opening.");
        await Drafts.StartAsync("Board sign-off: drafting", today.AddDays(-5));

        var open = await Chromium.OpenAsync(Server, "/board.html", width: 1280);
        var page = open.Playwright;
        await open.SignInAsync("Avery Approver");

        await ExpectRowAsync(page, "Board sign-off: with the head of policy", "Head of policy", "Avery Approver");
        await ExpectRowAsync(page, "Board sign-off: overdue with the commissioner", "Commissioner", "Alex Mercer");
        await ExpectRowAsync(page, "Board sign-off: sent back", "Changes requested", "Dana Drafter");
        await ExpectRowAsync(page, "Board sign-off: drafting", "Drafting", "Dana Drafter");
        var overdueRow = Row(page, "Board sign-off: overdue with the commissioner");
        await Expect(overdueRow).ToHaveClassAsync("overdue");
        await Expect(overdueRow.Locator("td").Nth(1)).ToContainTextAsync("Overdue by");
        Assert.AreEqual("rgb(164, 38, 44)", await overdueRow.Locator("td").Nth(1).EvaluateAsync<string>("cell => getComputedStyle(cell).color"));
        await Expect(Row(page, "Board sign-off: with the head of policy")).Not.ToHaveClassAsync("overdue");
        await Evidence.ScreenshotAsync(TestContext, page, "board-4-sign-off-stages");

        await page.Locator("#filter-stage").SelectOptionAsync("Commissioner");
        await Expect(page.Locator("#board-rows tr")).ToHaveCountAsync(1);
        await Expect(overdueRow).ToBeVisibleAsync();
        await page.Locator("#filter-stage").SelectOptionAsync("Head of policy");
        await Expect(page.Locator("#board-rows tr")).ToHaveCountAsync(1);
        await Expect(Row(page, "Board sign-off: with the head of policy")).ToBeVisibleAsync();
        await Evidence.ScreenshotAsync(TestContext, page, "board-5-filtered-by-stage");

        await page.Locator("#filter-stage").SelectOptionAsync("Commissioner");
        var download = await page.RunAndWaitForDownloadAsync(() => overdueRow.GetByRole(AriaRole.Button, new() { Name = "Open in Word" }).ClickAsync());
        StringAssert.EndsWith(download.SuggestedFilename, " - response version 1.docx");
        await Expect(overdueRow.Locator(".open-result")).ToHaveTextAsync("Version 1 of the letter was downloaded: open it from your Downloads folder in Word.");
        var path = Path.Combine(Evidence.Folder(TestContext), "board-opened-version.docx");
        await download.SaveAsAsync(path);
        var sha256 = (await Drafts.WorkflowAsync(overdue))["versions"]![0]!["sha256"]!.GetValue<string>();
        Assert.AreEqual(sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))),
            "With approvers, the board opens the exact submitted version they decide on.");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task BoardAtAPanesWidthShowsEachResponsesNextStepAsCardsWithNoSidewaysScroll()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var published = await ApprovedAsync("Next step: published", today.AddDays(-40));
        var dispatched = await ApprovedAsync("Next step: dispatched", today.AddDays(-39));
        var approved = await ApprovedAsync("Next step: approved", today.AddDays(-38));
        var withCommissioner = await Drafts.CompleteAsync("Next step: with the commissioner", today.AddDays(-37));
        await Drafts.SubmitAsync(withCommissioner);
        await Drafts.DecideAsync("approver", withCommissioner, "approve");
        var withHeadOfPolicy = await Drafts.CompleteAsync("Next step: with the head of policy", today.AddDays(-36));
        await Drafts.SubmitAsync(withHeadOfPolicy);
        var sentBack = await Drafts.CompleteAsync("Next step: sent back", today.AddDays(-35));
        await Drafts.SubmitAsync(sentBack);
        await Drafts.DecideAsync("approver", sentBack, "request-changes", "Name the training dates.");
        await Drafts.StartAsync("Next step: drafting", today.AddDays(-34));
        using (var admin = await Server.ClientForAsync("admin"))
        {
            (await admin.PostAsJsonAsync("/api/reports", ApiServer.HiddenVictimsReport("Next step: not started", today.AddDays(-33)))).EnsureSuccessStatusCode();
        }

        await DispatchAsync(dispatched);
        await DispatchAsync(published);
        using (var drafter = await Server.ClientForAsync("drafter"))
        {
            var recorded = await drafter.PostAsJsonAsync($"/api/drafts/{published}/publication",
                new { letterUrl = "https://opcc.example/letter.pdf", webUrl = "https://opcc.example/letter" });
            Assert.IsTrue(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
        }

        var open = await Chromium.OpenAsync(Server, "/board.html", width: 350);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        var expected = new Dictionary<string, string>
        {
            ["Next step: published"] = "Done",
            ["Next step: dispatched"] = "Record publication",
            ["Next step: approved"] = "Dispatch",
            ["Next step: with the commissioner"] = "Approve (Commissioner)",
            ["Next step: with the head of policy"] = "Approve (Head of policy)",
            ["Next step: sent back"] = "Make the changes, then submit again",
            ["Next step: drafting"] = "Submit for sign-off",
            ["Next step: not started"] = "Start the response",
        };
        foreach (var (title, next) in expected)
        {
            await Expect(Row(page, title).Locator("td.next-step")).ToHaveTextAsync(next);
        }

        Assert.AreEqual("block", await Row(page, "Next step: approved").EvaluateAsync<string>("row => getComputedStyle(row).display"),
            "At 350 px each response is a card, not a table row.");
        await DispatchAndPublicationTests.AssertNoSidewaysScrollAsync(page);
        await DispatchAndPublicationTests.AssertNoSidewaysScrollAsync(page, "#board-container");
        var cardRight = await Row(page, "Next step: approved").EvaluateAsync<double>("row => row.getBoundingClientRect().right");
        Assert.IsTrue(cardRight <= 350, $"The card ends at {cardRight} px, past the pane's 350 px.");
        var openInWord = Row(page, "Next step: approved").GetByRole(AriaRole.Button, new() { Name = "Open in Word" });
        await openInWord.ScrollIntoViewIfNeededAsync();
        await Expect(openInWord).ToBeInViewportAsync(new() { Ratio = 1 });
        await Evidence.ScreenshotAsync(TestContext, page, "board-6-next-steps-350");
        await ViewportShotAsync(page, "board-6-next-steps-350-first-screen");
        var violations = await Evidence.AxeAsync(TestContext, page, "board-6-next-steps-350");
        var blocking = violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.AreEqual(0, blocking.Count, string.Join("\n", blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes)})")));

        // Without Microsoft 365 there is no stored web address: the document is downloaded, and the card says so.
        var approvedRow = Row(page, "Next step: approved");
        var download = await page.RunAndWaitForDownloadAsync(() => approvedRow.GetByRole(AriaRole.Button, new() { Name = "Open in Word" }).ClickAsync());
        StringAssert.EndsWith(download.SuggestedFilename, " approved - signed response.docx");
        await Expect(approvedRow.Locator(".open-result")).ToHaveTextAsync("The signed letter was downloaded: open it from your Downloads folder in Word.");
        await Expect(page.Locator("#status")).ToHaveTextAsync("The signed letter was downloaded: open it from your Downloads folder in Word.");
        var draftingRow = Row(page, "Next step: drafting");
        await page.RunAndWaitForDownloadAsync(() => draftingRow.GetByRole(AriaRole.Button, new() { Name = "Open in Word" }).ClickAsync());
        await Expect(draftingRow.Locator(".open-result")).ToHaveTextAsync("The letter was downloaded: open it from your Downloads folder in Word.");
        await DispatchAndPublicationTests.AssertNoSidewaysScrollAsync(page);
        await approvedRow.ScrollIntoViewIfNeededAsync();
        await ViewportShotAsync(page, "board-7-downloaded-350-screen");

        await page.SetViewportSizeAsync(1280, 900);
        Assert.AreEqual("table-row", await Row(page, "Next step: approved").EvaluateAsync<string>("row => getComputedStyle(row).display"));
        await DispatchAndPublicationTests.AssertNoSidewaysScrollAsync(page);
        await DispatchAndPublicationTests.AssertNoSidewaysScrollAsync(page, "#board-container");
        await Evidence.ScreenshotAsync(TestContext, page, "board-8-next-steps-1280");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task BoardOpensTheStoredVersionInWordWithAnOfficeLinkWhenTheStoreGivesAWebAddress()
    {
        var title = "Open in Word: stored in SharePoint";
        var draftId = await Drafts.CompleteAsync(title, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-12));
        await Drafts.SubmitAsync(draftId);
        var webUrl = "https://contoso.sharepoint.com/sites/opcc/Shared%20Documents/ResponseDrafter/open-in-word-v1.docx";
        await StoredAtAsync(draftId, webUrl);
        var viewerTitle = "Open in Word: a Word-on-the-web address";
        var viewerDraft = await Drafts.CompleteAsync(viewerTitle, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-11));
        await Drafts.SubmitAsync(viewerDraft);
        var viewerUrl = "https://contoso.sharepoint.com/sites/opcc/_layouts/15/Doc.aspx?sourcedoc=%7B0d9a%7D&file=open-in-word-v1.docx&action=default";
        await StoredAtAsync(viewerDraft, viewerUrl);

        var open = await Chromium.OpenAsync(Server, "/board.html", width: 350);
        var page = open.Playwright;
        await open.SignInAsync("Avery Approver");
        var row = Row(page, title);
        var word = row.GetByRole(AriaRole.Link, new() { Name = "Open in Word", Exact = true });
        await Expect(word).ToHaveAttributeAsync("href", $"ms-word:ofe|u|{webUrl}");
        var browser = row.GetByRole(AriaRole.Link, new() { Name = "Open in the browser" });
        await Expect(browser).ToHaveAttributeAsync("href", webUrl);
        await Expect(browser).ToHaveAttributeAsync("target", "_blank");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Open in Word" })).ToHaveCountAsync(0);
        await Expect(row.Locator("td.next-step")).ToHaveTextAsync("Approve (Head of policy)");

        // Word's Office link needs the file's own address: a Word-on-the-web address is offered as what it is.
        var viewerRow = Row(page, viewerTitle);
        await Expect(viewerRow.GetByRole(AriaRole.Link, new() { Name = "Open in Word on the web" })).ToHaveAttributeAsync("href", viewerUrl);
        await Expect(viewerRow.GetByRole(AriaRole.Link, new() { Name = "Open in Word", Exact = true })).ToHaveCountAsync(0);
        await DispatchAndPublicationTests.AssertNoSidewaysScrollAsync(page);
        await DispatchAndPublicationTests.AssertNoSidewaysScrollAsync(page, "#board-container");
        await row.ScrollIntoViewIfNeededAsync();
        await ViewportShotAsync(page, "board-9-open-in-word-m365-350");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    /// <summary>
    /// The version as Microsoft 365's store records it (a SharePoint address), written where the outbox's store-version step
    /// writes its web address, once that step has run: this server runs the embedded store, whose addresses are app paths.
    /// </summary>
    private static async Task StoredAtAsync(string draftId, string webUrl)
    {
        for (var waited = 0; (await Drafts.WorkflowAsync(draftId))["versions"]![0]!["webUrl"] is null; waited++)
        {
            Assert.IsLessThan(60, waited, "The outbox did not store version 1 within 60 s.");
            await Task.Delay(1000);
        }

        using var scope = Server.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().ActFor("00000000-0000-0000-0000-00000000c0de");
        var db = scope.ServiceProvider.GetRequiredService<DraftingDb>();
        var version = await db.DraftVersions.SingleAsync(v => v.DraftId == Guid.Parse(draftId));
        version.WebUrl = webUrl;
        await db.SaveChangesAsync();
    }

    /// <summary>What the pane shows at once (a full-page shot of a long board is too tall to read).</summary>
    private async Task ViewportShotAsync(IPage page, string name)
    {
        var path = Path.Combine(Evidence.Folder(TestContext), $"{name}.png");
        await page.ScreenshotAsync(new() { Path = path });
        TestContext.AddResultFile(path);
    }

    private static async Task<string> ApprovedAsync(string title, DateOnly publishedOn)
    {
        var draftId = await Drafts.CompleteAsync(title, publishedOn);
        await Drafts.SubmitAsync(draftId);
        await Drafts.DecideAsync("approver", draftId, "approve");
        await Drafts.DecideAsync("commissioner", draftId, "approve");
        return draftId;
    }

    /// <summary>Asks for dispatch and waits for the outbox to send it (the PDF is made first).</summary>
    private static async Task DispatchAsync(string draftId)
    {
        using var drafter = await Server.ClientForAsync("drafter");
        var requested = await drafter.PostAsync($"/api/drafts/{draftId}/dispatch", null);
        Assert.IsTrue(requested.IsSuccessStatusCode, await requested.Content.ReadAsStringAsync());
        for (var waited = 0; waited < 120; waited++)
        {
            if ((await Drafts.WorkflowAsync(draftId))["state"]!.GetValue<string>() == "dispatched")
            {
                return;
            }

            await Task.Delay(1000);
        }

        Assert.Fail("The outbox did not send the letter within 120 s.");
    }

    private static async Task ExpectRowAsync(IPage page, string title, string stage, string holder)
    {
        var row = Row(page, title);
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(stage);
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(holder);
    }

    private static ILocator Row(IPage page, string title) =>
        page.Locator("#board-rows tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = title, Exact = true }) });
}
