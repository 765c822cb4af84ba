using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ResponseDrafter.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResponseDrafter.Browser.Tests;

/// <summary>The completeness view's list of empty letter-level parts, and the copy list's label in the letter settings, at Word's pane width.</summary>
[TestClass]
public sealed class LetterPartsPaneTests : PaneTest
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [TestMethod]
    public async Task TheCompletenessViewListsEmptyLetterPartsAndTheCopyListLabelReachesWordThroughTheOfficeJsStandIn()
    {
        var draftId = await Drafts.CompleteAsync("Letter parts: empty and copied", Today.AddDays(-5));
        using var drafter = await Server.ClientForAsync("drafter");
        var document = await drafter.GetByteArrayAsync($"/api/drafts/{draftId}/document");
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: 350, openDocument: document);
        await open.SignInAsync("Dana Drafter");
        var page = open.Playwright;
        await Expect(page.Locator("#draft-heading")).ToBeVisibleAsync();

        var completeness = page.Locator("#completeness");
        await Expect(completeness).ToContainTextAsync("Complete: every applicable recommendation has a response.");
        await Expect(page.Locator("#empty-parts-intro")).ToHaveTextAsync("Empty in the letter (3); these do not stop it:");
        await Expect(page.Locator("#empty-parts li")).ToHaveTextAsync(
        [
            "The opening (acknowledging the report) is empty: it will be left out of the letter",
            "The local context is empty: it will be left out of the letter",
            "How the commissioner will hold the chief constable to account is empty: it will be left out of the letter",
        ]);
        await completeness.ScrollIntoViewIfNeededAsync();
        await Evidence.ScreenshotAsync(TestContext, page, "letter-parts-1-empty-parts");
        await AccessibilityTests.AssertAccessibleAsync(TestContext, page, "letter-parts-1-empty-parts");

        await page.Locator("#letter-settings summary").ClickAsync();
        await Expect(page.Locator("#letter-copy-list-label")).ToHaveValueAsync("cc:");
        await page.Locator("#letter-copy-list-label").FillAsync("Copied to:");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the letter settings" }).ClickAsync();
        await Expect(page.Locator("#letter-settings-result")).ToHaveTextAsync("Letter settings saved.");

        var draft = (await drafter.GetFromJsonAsync<JsonObject>($"/api/drafts/{draftId}"))!;
        Assert.AreEqual("Copied to:", draft["letter"]!["copyListLabel"]!.GetValue<string>());
        var calls = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__wordCalls)"))!.AsArray().Select(n => n!.AsObject()).ToList();
        Assert.IsTrue(calls.Any(c => c["call"]!.GetValue<string>() == "contentControl.insertOoxml" && c["tag"]?.GetValue<string>() == "cc"
            && c["ooxml"]!.GetValue<string>().Contains("Copied to:", StringComparison.Ordinal)), "the copy list with its new label is brought into Word");
        await page.Locator("#letter-copy-list-label").ScrollIntoViewIfNeededAsync();
        await Evidence.ScreenshotAsync(TestContext, page, "letter-parts-2-copy-list-label");
        Assert.IsEmpty(open.Problems, string.Join("\n", open.Problems));

        // The refusal's 400 is the one console message expected from here on.
        await page.Locator("#letter-copy-list-label").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the letter settings" }).ClickAsync();
        await Expect(page.Locator("#letter-settings-body")).ToContainTextAsync("Is required.");
        await Evidence.ScreenshotAsync(TestContext, page, "letter-parts-3-copy-list-label-refused");
    }
}
