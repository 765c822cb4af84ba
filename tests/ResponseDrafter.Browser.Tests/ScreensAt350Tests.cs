using Microsoft.Playwright;
using ResponseDrafter.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResponseDrafter.Browser.Tests;

/// <summary>
/// Word's task pane is 350 px wide: every screen fits it without scrolling sideways, and each is saved as a screenshot to
/// look at (Evidence.ScreenshotAsync asserts the width at 350 px; the screens other tests reach are shot there).
/// </summary>
[TestClass]
public sealed class ScreensAt350Tests : PaneTest
{
    private const string SampleReport = "Sample: a fictional inspection of how forces answer calls about stalking";

    [TestMethod]
    public async Task EveryScreenAt350PixelsHasNoSidewaysScroll()
    {
        var index = await Chromium.OpenAsync(Server, "/index.html");
        await Expect(index.Playwright.GetByRole(AriaRole.Heading, new() { Name = "ResponseDrafter", Level = 1 })).ToBeVisibleAsync();
        await Expect(index.Playwright.Locator("#local-sign-in, #signed-in").First).ToBeAttachedAsync();
        await Shot(index.Playwright, "350-01-index");

        await Drafts.StartAsync("Screens at 350 px: a draft", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5));
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true);
        var page = open.Playwright;
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in as Dana Drafter" })).ToBeVisibleAsync();
        await Shot(page, "350-02-sign-in");

        // The newcomer's first list: the sample report published three weeks ago counts down, it is not overdue.
        await open.SignInAsync("Dana Drafter");
        var sample = Card(page, SampleReport);
        await Expect(sample.Locator(".days-left")).ToContainTextAsync("days left");
        await Expect(sample.Locator(".days-left")).Not.ToContainTextAsync("Overdue");
        await Shot(page, "350-03-reports");

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue the response: Screens at 350 px: a draft" }).ClickAsync();
        await Expect(page.Locator("#navigator-list li.nav-row").First).ToBeVisibleAsync();
        await Shot(page, "350-04-navigator");

        await DrafterFlowTests.ChooseAsync(page, "2");
        await Expect(page.Locator("#item-panel")).ToBeVisibleAsync();
        await page.Locator("#item-panel summary", new() { HasText = "The force's assurance" }).ClickAsync();
        await Shot(page, "350-05-item-panel");

        await page.Locator("#selection-panel summary").ClickAsync();
        await Expect(page.Locator("#items")).ToBeVisibleAsync();
        await Shot(page, "350-06-selection");

        await page.Locator("#letter-settings summary").ClickAsync();
        await Expect(page.Locator("#letter-salutation")).ToBeVisibleAsync();
        await Shot(page, "350-07-letter-settings");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import the force's Word document" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Read the document" })).ToBeVisibleAsync();
        await Shot(page, "350-08-import-assurance");

        var reports = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true);
        await reports.SignInAsync("Dana Drafter");
        await reports.Playwright.GetByRole(AriaRole.Button, new() { Name = "Add a report from its PDF, Word file or text" }).ClickAsync();
        await Expect(reports.Playwright.GetByRole(AriaRole.Button, new() { Name = "Read the recommendations" })).ToBeVisibleAsync();
        await Shot(reports.Playwright, "350-09-import-recommendations");

        var board = await Chromium.OpenAsync(Server, "/board.html");
        await board.SignInAsync("Avery Approver");
        await Expect(board.Playwright.Locator("#board-rows tr").First).ToBeVisibleAsync();
        await Shot(board.Playwright, "350-10-board");

        var problems = new[] { index, open, reports, board }.SelectMany(o => o.Problems).ToList();
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
    }

    private Task<string> Shot(IPage page, string name) => Evidence.ScreenshotAsync(TestContext, page, name);

    private static ILocator Card(IPage page, string title) =>
        page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });
}
