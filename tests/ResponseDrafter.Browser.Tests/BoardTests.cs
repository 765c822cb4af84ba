using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ResponseDrafter.Browser.Tests.Infrastructure;
using ResponseDrafter.Documents.Rules;
using static Microsoft.Playwright.Assertions;

namespace ResponseDrafter.Browser.Tests;

[TestClass]
public sealed class BoardTests : PaneTest
{
    [TestMethod]
    public async Task BoardShowsDeadlinesStagesAndHoldersWithOverdueResponsesInRed()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var inTime = await CreateAsync("Board: vetting and misconduct", today.AddDays(-10), startDraft: true);
        var overdue = await CreateAsync("Board: violence against women and girls", today.AddDays(-70), startDraft: true);
        var notStarted = await CreateAsync("Board: custody inspection", today.AddDays(-30), startDraft: false);

        var open = await Chromium.OpenAsync(Server, "/board.html", width: 1280);
        var page = open.Playwright;
        await open.SignInAsync("Avery Approver");

        var inTimeRow = Row(page, inTime.Title);
        await Expect(inTimeRow.Locator("td").Nth(0)).ToHaveTextAsync(LongDate(inTime.LastDay));
        await Expect(inTimeRow.Locator("td").Nth(1)).ToHaveTextAsync($"{inTime.DaysLeft} days left");
        await Expect(inTimeRow.Locator("td").Nth(2)).ToHaveTextAsync("Drafting");
        await Expect(inTimeRow.Locator("td").Nth(3)).ToHaveTextAsync("Dana Drafter");
        await Expect(inTimeRow).Not.ToHaveClassAsync("overdue");

        var overdueRow = Row(page, overdue.Title);
        await Expect(overdueRow.Locator("td").Nth(1)).ToHaveTextAsync($"Overdue by {-overdue.DaysLeft} days");
        await Expect(overdueRow).ToHaveClassAsync("overdue");
        Assert.AreEqual("rgb(164, 38, 44)", await overdueRow.Locator("td").Nth(1).EvaluateAsync<string>("cell => getComputedStyle(cell).color"));
        Assert.AreNotEqual("rgb(164, 38, 44)", await inTimeRow.Locator("td").Nth(1).EvaluateAsync<string>("cell => getComputedStyle(cell).color"));

        var notStartedRow = Row(page, notStarted.Title);
        await Expect(notStartedRow.Locator("td").Nth(2)).ToHaveTextAsync("Not started");
        await Expect(notStartedRow.Locator("td").Nth(3)).ToHaveTextAsync("–");
        await Expect(overdueRow.GetByRole(AriaRole.Button, new() { Name = "Open in Word" })).ToBeVisibleAsync();

        var titles = (await page.Locator("#board-rows th").AllTextContentsAsync()).ToList();
        Assert.IsTrue(titles.IndexOf(overdue.Title) < titles.IndexOf(notStarted.Title) && titles.IndexOf(notStarted.Title) < titles.IndexOf(inTime.Title),
            "Rows are in deadline order, soonest first.");
        await Evidence.ScreenshotAsync(TestContext, page, "board-1-all");

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Overdue only" }).ClickAsync();
        await Expect(Row(page, overdue.Title)).ToBeVisibleAsync();
        await Expect(Row(page, inTime.Title)).ToHaveCountAsync(0);
        await Evidence.ScreenshotAsync(TestContext, page, "board-2-overdue-only");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Overdue only" }).ClickAsync();

        await page.Locator("#filter-stage").SelectOptionAsync("Not started");
        await Expect(Row(page, notStarted.Title)).ToBeVisibleAsync();
        await Expect(Row(page, overdue.Title)).ToHaveCountAsync(0);
        await page.Locator("#filter-stage").SelectOptionAsync(string.Empty);

        await page.Locator("#filter-text").GetByRole(AriaRole.Searchbox).FillAsync("vetting");
        await Expect(page.Locator("#board-rows tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#board-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Showing 1 of \\d+ responses\\.$"));

        var downloading = page.WaitForDownloadAsync(new() { Timeout = 15_000 });
        await Row(page, inTime.Title).GetByRole(AriaRole.Button, new() { Name = "Open in Word" }).ClickAsync();
        var alert = page.Locator("#alert").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 15_000 });
        Assert.AreSame(downloading, await Task.WhenAny(downloading, alert), await page.Locator("#alert").TextContentAsync() + string.Join("\n", open.Log));
        IDownload download;
        try
        {
            download = await downloading;
        }
        catch (TimeoutException)
        {
            Assert.Fail("No download. " + await page.Locator("#alert").TextContentAsync() + string.Join("\n", open.Log));
            throw;
        }

        StringAssert.EndsWith(download.SuggestedFilename, ".docx");
        await Expect(Row(page, inTime.Title).Locator(".open-result")).ToHaveTextAsync("The letter was downloaded: open it from your Downloads folder in Word.");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task BoardOpensAsATeamsTabThroughTheTeamsJsStandIn()
    {
        var open = await Chromium.OpenAsync(Server, "/board.html?host=teams", width: 1024, inTeams: true);
        await open.SignInAsync("Avery Approver");
        await Expect(open.Playwright.Locator("#board-rows tr").First).ToBeVisibleAsync();
        Assert.AreEqual("teams", await open.Playwright.EvaluateAsync<string>("() => document.documentElement.dataset.host"));
        Assert.IsTrue(await open.Playwright.EvaluateAsync<bool>("() => window.__teamsInitialized === true"));
        await Evidence.ScreenshotAsync(TestContext, open.Playwright, "board-3-teams-tab");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task BoardCanBeFilteredAndADraftOpenedByKeyboardAlone()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var overdue = await CreateAsync("Board keyboard: overdue response", today.AddDays(-80), startDraft: true);
        var inTime = await CreateAsync("Board keyboard: response in time", today.AddDays(-5), startDraft: true);
        var open = await Chromium.OpenAsync(Server, "/board.html", width: 1280);
        var page = open.Playwright;
        await open.SignInAsync("Avery Approver");
        await Expect(Row(page, inTime.Title)).ToBeVisibleAsync();

        var focusShown = await KeyboardFocus.TabUntilAsync(page, page.Locator("#filter-overdue"));
        Assert.IsTrue(focusShown, "The focused checkbox shows where focus is.");
        await page.Keyboard.PressAsync("Space");
        await Expect(Row(page, overdue.Title)).ToBeVisibleAsync();
        await Expect(Row(page, inTime.Title)).ToHaveCountAsync(0);

        var downloading = page.WaitForDownloadAsync(new() { Timeout = 15_000 });
        await KeyboardFocus.TabUntilAsync(page, Row(page, overdue.Title).Locator("fluent-button", new() { HasText = "Open in Word" }));
        await page.Keyboard.PressAsync("Enter");
        StringAssert.EndsWith((await downloading).SuggestedFilename, ".docx");
        await Expect(page.Locator("#status")).ToHaveTextAsync("The letter was downloaded: open it from your Downloads folder in Word.");
        await Evidence.ScreenshotAsync(TestContext, page, "board-keyboard");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    private static ILocator Row(IPage page, string title) =>
        page.Locator("#board-rows tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = title, Exact = true }) });

    private static async Task<(string Title, DateOnly LastDay, int DaysLeft)> CreateAsync(string title, DateOnly publishedOn, bool startDraft)
    {
        var admin = await Server.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/reports", ApiServer.HiddenVictimsReport(title, publishedOn));
        created.EnsureSuccessStatusCode();
        if (startDraft)
        {
            var reportId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
            var drafter = await Server.ClientForAsync("drafter");
            (await drafter.PostAsJsonAsync("/api/drafts", new { reportId })).EnsureSuccessStatusCode();
        }

        return (title, StatutoryDeadline.For(publishedOn), StatutoryDeadline.DaysLeft(publishedOn, DateOnly.FromDateTime(DateTime.UtcNow)));
    }

    private static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
