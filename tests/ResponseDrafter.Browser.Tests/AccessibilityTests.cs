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
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: 350);
        var page = open.Playwright;
        await AssertAccessibleAsync(page, "axe-drafter-sign-in");
        await open.SignInAsync("Dana Drafter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a report" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "axe-drafter-reports");
        await Card(page, "Accessibility report").GetByRole(AriaRole.Button, new() { Name = "Continue the response" }).ClickAsync();
        await Expect(page.Locator("#completeness")).ToContainTextAsync("Still missing");
        await AssertAccessibleAsync(page, "axe-drafter-navigator");

        await DrafterFlowTests.ChooseAsync(page, "2");
        await page.Locator("#item-2-status").GetByRole(AriaRole.Radio, new() { Name = "No action will be taken" }).CheckAsync();
        await Expect(page.Locator("#item-2-result")).ToHaveTextAsync("Response to Recommendation 2 saved.");
        await page.Locator("#item-panel summary", new() { HasText = "The force's assurance" }).ClickAsync();
        await AssertAccessibleAsync(page, "axe-drafter-item-panel");

        await page.Locator("#selection-panel summary").ClickAsync();
        await page.Locator("#letter-settings summary").ClickAsync();
        await AssertAccessibleAsync(page, "axe-drafter-selection-and-letter-settings");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the force's Word document" }).ClickAsync();
        await AssertAccessibleAsync(page, "axe-drafter-import-assurance");
    }

    [TestMethod]
    public async Task HintsReachScreenReadersAndIdsBuiltFromRefsAreSafe()
    {
        var admin = await Server.ClientForAsync("admin");
        var peel = new JsonObject
        {
            ["title"] = "PEEL: areas for improvement",
            ["publishedOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["kind"] = "peel",
            ["recommendations"] = new JsonArray(
                Area("AFI 1", "The force should improve how it answers emergency calls."),
                Area("AFI 2", "The force should make sure victims are told about the Victims' Code."),
                Area("AFI 10", "The force should improve how it records crime.")),
        };
        var created = await admin.PostAsJsonAsync("/api/reports", peel);
        Assert.IsTrue(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var reportId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var drafter = await Server.ClientForAsync("drafter");
        (await drafter.PostAsJsonAsync("/api/drafts", new { reportId })).EnsureSuccessStatusCode();

        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: 350);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        await Card(page, "PEEL: areas for improvement").GetByRole(AriaRole.Button, new() { Name = "Continue the response" }).ClickAsync();
        await page.Locator("#nav-AFI_201").ClickAsync();
        await Expect(page.Locator("#item-AFI_201-heading")).ToHaveTextAsync("Area for improvement AFI 1");
        await page.Locator("#item-AFI_201-status").GetByRole(AriaRole.Radio, new() { Name = "No action will be taken" }).CheckAsync();
        await page.Locator("#item-panel summary", new() { HasText = "The force's assurance" }).ClickAsync();

        // Hints are the native controls' descriptions: no description points across a Fluent control's shadow root.
        await Expect(page.Locator("#item-AFI_201-reason")).ToHaveAccessibleDescriptionAsync("The law asks why, when no action will be taken. Say it in a sentence or two.");
        await Expect(page.Locator("#item-AFI_201-assurance")).ToHaveAccessibleDescriptionAsync("Paste the chief constable's text for this item, word for word.");
        Assert.AreEqual(0, await page.EvaluateAsync<int>(
            "() => document.querySelectorAll('#draft fluent-text-area[aria-describedby], #draft fluent-text-field[aria-describedby], #choose-report fluent-button[aria-describedby]').length"));

        var ids = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify([...document.querySelectorAll('[id]')].map(e => e.id))"))!.AsArray()
            .Select(n => n!.GetValue<string>()).ToList();
        CollectionAssert.AreEqual(new List<string>(), ids.Where(id => id.Any(char.IsWhiteSpace)).ToList(), "ids contain white space");
        CollectionAssert.AllItemsAreUnique(ids);
        CollectionAssert.Contains(ids, "nav-AFI_2010");
        await AssertAccessibleAsync(page, "axe-drafter-peel-items");
    }

    private static JsonObject Area(string number, string text) => new()
    {
        ["number"] = number,
        ["kind"] = "area-for-improvement",
        ["addressees"] = new JsonArray("chief constables"),
        ["text"] = text,
        ["subItems"] = new JsonArray(),
    };

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
    public async Task DrafterCompletesALetterByKeyboardAlone()
    {
        await Drafts.StartAsync("Keyboard letter", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3));
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: 350);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        var button = Card(page, "Keyboard letter").Locator("fluent-button", new() { HasText = "Continue the response" });
        await Expect(button).ToBeVisibleAsync();

        await KeyboardFocus.TabUntilAsync(page, button);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#draft-heading")).ToBeFocusedAsync();
        await page.Locator("#selection-panel summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var focusShown = await KeyboardFocus.TabUntilAsync(page, page.Locator("fluent-checkbox[data-ref='2']"));
        Assert.IsTrue(focusShown, "The focused checkbox shows where focus is.");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("fluent-checkbox[data-ref='2']")).Not.ToBeCheckedAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Selection saved.");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("fluent-checkbox[data-ref='2']")).ToBeCheckedAsync();
        await Expect(page.Locator("#navigator-list li.nav-row")).ToHaveCountAsync(4);

        await page.Locator("#draft-heading").FocusAsync();
        foreach (var itemRef in new[] { "2", "3", "4", "6c" })
        {
            Assert.IsTrue(await KeyboardFocus.TabUntilAsync(page, page.Locator($"#nav-{itemRef}")), $"focus shows on item {itemRef}");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator($"#item-{itemRef}-heading")).ToBeFocusedAsync();
            await KeyboardFocus.TabUntilAsync(page, page.Locator($"#item-{itemRef}-commentary"));
            await page.Keyboard.TypeAsync($"Typed without a mouse for {itemRef}.");
            await KeyboardFocus.TabUntilAsync(page, page.Locator($"#item-{itemRef}-status input").First);
            await page.Keyboard.PressAsync("Space");
            await Expect(page.Locator($"#item-{itemRef}-status").GetByRole(AriaRole.Radio, new() { Name = "Action taken" })).ToBeCheckedAsync();
            await Expect(page.Locator($"#item-{itemRef}-result")).ToHaveTextAsync($"Response to Recommendation {itemRef} saved.");
            await Expect(page.Locator($"#nav-{itemRef}")).ToContainTextAsync("Complete");
        }

        await Expect(page.Locator("#completeness")).ToContainTextAsync("Complete: every applicable recommendation has a response.");
        await KeyboardFocus.TabUntilAsync(page, page.Locator("#build"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#build-result")).ToContainTextAsync("The letter was built in this document");
        await Expect(page.Locator("#build")).ToBeFocusedAsync();
        await Evidence.ScreenshotAsync(TestContext, page, "drafter-keyboard");
    }

    private static ILocator Card(IPage page, string title) =>
        page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });

    private Task AssertAccessibleAsync(IPage page, string name) => AssertAccessibleAsync(TestContext, page, name);

    /// <summary>A screenshot and an axe-core scan: no serious or critical issue.</summary>
    internal static async Task AssertAccessibleAsync(TestContext context, IPage page, string name)
    {
        await Evidence.ScreenshotAsync(context, page, name);
        var violations = await Evidence.AxeAsync(context, page, name);
        var blocking = violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.AreEqual(0, blocking.Count, string.Join("\n", blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes)})")));
    }
}
