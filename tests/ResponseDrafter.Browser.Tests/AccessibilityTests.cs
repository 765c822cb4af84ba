using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ResponseDrafter.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResponseDrafter.Browser.Tests;

/// <summary>axe-core scans of each screen (no serious or critical issue) and the drafter flow by keyboard alone.</summary>
[TestClass]
public sealed class AccessibilityTests : PaneTest
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [ClassInitialize]
    public static async Task StartDraftAsync(TestContext _)
    {
        var admin = await Server.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/reports", ApiServer.HiddenVictimsReport("Accessibility report", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3)));
        created.EnsureSuccessStatusCode();
        var reportId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var drafter = await Server.ClientForAsync("drafter");
        (await drafter.PostAsJsonAsync("/api/drafts", new { reportId })).EnsureSuccessStatusCode();
    }

    [TestMethod]
    public async Task DrafterScreenHasNoSeriousAccessibilityIssues()
    {
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true);
        var page = open.Playwright;
        await AssertAccessibleAsync(page, "axe-drafter-sign-in");
        await open.SignInAsync("Dana Drafter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a report" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "axe-drafter-reports");
        await Card(page, "Accessibility report").GetByRole(AriaRole.Button, new() { Name = "Continue the response" }).ClickAsync();
        await Expect(page.Locator("#completeness")).ToContainTextAsync("Still missing");
        await AssertAccessibleAsync(page, "axe-drafter-draft");
    }

    [TestMethod]
    public async Task BoardScreenHasNoSeriousAccessibilityIssues()
    {
        var open = await Chromium.OpenAsync(Server, "/board.html", width: 1280);
        await open.SignInAsync("Avery Approver");
        await Expect(open.Playwright.Locator("#board-rows tr").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(open.Playwright, "axe-board");
    }

    [TestMethod]
    public async Task DevelopmentLandingPageHasNoSeriousAccessibilityIssues()
    {
        var open = await Chromium.OpenAsync(Server, "/index.html", width: 1024);
        await Expect(open.Playwright.GetByRole(AriaRole.Heading, new() { Name = "Local development sign-in" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(open.Playwright, "axe-index");
    }

    [TestMethod]
    public async Task DrafterCanChooseAReportAndAnswerByKeyboardAlone()
    {
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        var button = Card(page, "Accessibility report").Locator("fluent-button", new() { HasText = "Continue the response" });
        await Expect(button).ToBeVisibleAsync();

        await KeyboardFocus.TabUntilAsync(page, button);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#draft-heading")).ToBeFocusedAsync();
        var focusShown = await KeyboardFocus.TabUntilAsync(page, page.Locator("fluent-checkbox[data-ref='2']"));
        Assert.IsTrue(focusShown, "The focused checkbox shows where focus is.");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("fluent-checkbox[data-ref='2']")).Not.ToBeCheckedAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Selection saved.");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("fluent-checkbox[data-ref='2']")).ToBeCheckedAsync();

        await KeyboardFocus.TabUntilAsync(page, page.Locator("#item-2-commentary"));
        await page.Keyboard.TypeAsync("Typed without a mouse.");
        await KeyboardFocus.TabUntilAsync(page, page.Locator("#item-2-status input").First);
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#item-2-status").GetByRole(AriaRole.Radio, new() { Name = "Action taken" })).ToBeCheckedAsync();
        await KeyboardFocus.TabUntilAsync(page, page.Locator("section.item").Filter(new() { Has = page.Locator("#item-2-commentary") })
            .Locator("fluent-button", new() { HasText = "Save response" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#item-2-result")).ToHaveTextAsync("Response to Recommendation 2 saved.");
        await Evidence.ScreenshotAsync(TestContext, page, "drafter-keyboard");
    }

    private static ILocator Card(IPage page, string title) =>
        page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });

    private async Task AssertAccessibleAsync(IPage page, string name)
    {
        await Evidence.ScreenshotAsync(TestContext, page, name);
        var violations = await Evidence.AxeAsync(TestContext, page, name);
        var blocking = violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.AreEqual(0, blocking.Count, string.Join("\n", blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes)})")));
    }
}
