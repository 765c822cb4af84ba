using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ResponseDrafter.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResponseDrafter.Browser.Tests;

/// <summary>
/// A national report's recommendations to "the police" or to nobody: the import screen asks who answers each, the choice
/// is saved with the report, and the report's card shows it and lets the drafter change it.
/// </summary>
[TestClass]
public sealed class AddresseeDecisionScreenTests : PaneTest
{
    private const string National = """
        Recommendation 1: To chief constables
        Review how referrals are recorded.

        Recommendation 2
        The police should publish their referral data each year.

        Recommendation 3
        Improve the way referrals are shared.
        """;

    private const string ToThePolice = "Recommendation 2 is addressed to \"The police\", which is not a body the letter speaks for. Who answers it in your letter?";
    private const string ToNobody = "Recommendation 3 names no addressee. Who answers it in your letter?";
    private static readonly string[] Blocking = ["serious", "critical"];

    [TestMethod]
    public async Task TheDrafterSaysWhoAnswersOnTheImportScreenAndChangesItFromTheReportsCard()
    {
        var title = $"Referrals: a national inspection {Guid.NewGuid():N}"[..48];
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: 350);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a report from its PDF, Word file or text" }).ClickAsync();
        await page.Locator("#import-text").GetByRole(AriaRole.Textbox).FillAsync(National);
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the recommendations" }).ClickAsync();

        var rows = page.Locator("table.import-table tbody tr");
        await Expect(rows.Nth(1).Locator("td").First).ToHaveTextAsync("Only \"The police\": choose below");
        await Expect(rows.Nth(2).Locator("td").First).ToHaveTextAsync("No one: choose below");
        var questions = page.Locator("section.addressee-questions");
        await Expect(questions.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Who answers these in your letter?");
        await Expect(questions.Locator("legend")).ToHaveTextAsync([ToThePolice, ToNobody]);
        var two = questions.GetByRole(AriaRole.Group, new() { Name = ToThePolice });
        await Expect(two.GetByRole(AriaRole.Radio)).ToHaveCountAsync(4);
        await Expect(questions.GetByRole(AriaRole.Radio, new() { Checked = true })).ToHaveCountAsync(0);
        await two.GetByRole(AriaRole.Radio, new() { Name = "The force: the chief constable answers it" }).CheckAsync();
        await questions.GetByRole(AriaRole.Group, new() { Name = ToNobody }).GetByRole(AriaRole.Radio, new() { Name = "Noted only: not answered in the letter" }).CheckAsync();
        await questions.ScrollIntoViewIfNeededAsync();
        await AssertAccessibleAsync(page, "addressee-questions-import");
        await questions.ScreenshotAsync(new() { Path = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "addressee-questions-import-section.png") });

        await page.Locator("#import-title").GetByRole(AriaRole.Textbox).FillAsync(title);
        await page.Locator("#import-published").FillAsync("2026-11-02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the report" }).ClickAsync();
        await Expect(page.Locator("#import-report-result")).ToContainTextAsync($"The report \"{title}\" was saved with 3 recommendations.");

        var saved = await SavedReportAsync(title);
        CollectionAssert.AreEqual(new[] { null, "force", "noted" }, Decisions(saved));

        var card = page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });
        await Expect(card).ToContainTextAsync("You have said who answers the 2 recommendations that name no addressee or only a general one.");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Choose who answers: {title}" }).ClickAsync();
        var onCard = card.GetByRole(AriaRole.Group, new() { Name = ToNobody });
        await Expect(card.GetByRole(AriaRole.Group, new() { Name = ToThePolice }).GetByRole(AriaRole.Radio, new() { Name = "The force: the chief constable answers it" })).ToBeCheckedAsync();
        await Expect(onCard.GetByRole(AriaRole.Radio, new() { Name = "Noted only: not answered in the letter" })).ToBeCheckedAsync();
        await onCard.GetByRole(AriaRole.Radio, new() { Name = "The commissioner answers it" }).CheckAsync();
        await card.ScrollIntoViewIfNeededAsync();
        await AssertAccessibleAsync(page, "addressee-questions-card");
        await card.ScreenshotAsync(new() { Path = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "addressee-questions-card-only.png") });
        await card.GetByRole(AriaRole.Button, new() { Name = "Save who answers" }).ClickAsync();

        await Expect(card.GetByRole(AriaRole.Button, new() { Name = $"Choose who answers: {title}" })).ToBeFocusedAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Saved.");
        CollectionAssert.AreEqual(new[] { null, "force", "commissioner" }, Decisions(await SavedReportAsync(title)));
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    private static string?[] Decisions(JsonObject report) =>
        [.. report["recommendations"]!.AsArray().Select(r => (string?)r!["decidedAddressee"])];

    private static async Task<JsonObject> SavedReportAsync(string title)
    {
        var drafter = await Server.ClientForAsync("drafter");
        var reports = await drafter.GetFromJsonAsync<JsonArray>("/api/reports");
        var id = reports!.Single(r => r!["title"]!.GetValue<string>() == title)!["id"]!.GetValue<string>();
        return (await drafter.GetFromJsonAsync<JsonObject>($"/api/reports/{id}"))!;
    }

    private async Task AssertAccessibleAsync(IPage page, string name)
    {
        await Evidence.ScreenshotAsync(TestContext, page, name);
        var violations = await Evidence.AxeAsync(TestContext, page, name);
        var blocking = violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.AreEqual(0, blocking.Count, string.Join("\n", blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes)})")));
    }
}
