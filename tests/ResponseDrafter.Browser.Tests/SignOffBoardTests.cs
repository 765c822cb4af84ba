using System.Security.Cryptography;
using Microsoft.Playwright;
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
        var path = Path.Combine(Evidence.Folder(TestContext), "board-opened-version.docx");
        await download.SaveAsAsync(path);
        var sha256 = (await Drafts.WorkflowAsync(overdue))["versions"]![0]!["sha256"]!.GetValue<string>();
        Assert.AreEqual(sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))),
            "With approvers, the board opens the exact submitted version they decide on.");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
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
