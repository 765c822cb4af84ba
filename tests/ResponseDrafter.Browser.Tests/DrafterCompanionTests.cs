using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using ResponseDrafter.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResponseDrafter.Browser.Tests;

/// <summary>
/// The drafter's pane as Word's companion at Word's pane width: the item navigator, saving Word's document by itself
/// (and what happens when that fails or conflicts), refusals beside their control, and the cost of saving an approved letter.
/// </summary>
[TestClass]
public sealed class DrafterCompanionTests : PaneTest
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [TestMethod]
    public async Task TheNavigatorListsTheItemsWithChipsFiltersThemAndChoosingOneSelectsItsRegionThroughTheOfficeJsStandIn()
    {
        var draftId = await Drafts.StartAsync("Companion: navigator", Today.AddDays(-5));
        var page = await OpenInWordAsync(draftId);

        var list = page.Locator("#navigator-list");
        await Expect(list.Locator("li.nav-row")).ToHaveCountAsync(4);
        await Expect(page.Locator("#navigator-count")).ToHaveTextAsync("4 items answered");
        await Expect(page.Locator("#nav-2")).ToContainTextAsync("Not started");
        await Expect(page.Locator("#nav-2 .nav-number")).ToHaveTextAsync("2");

        await page.Locator("#item-filter").FillAsync("6c");
        await Expect(list.Locator("li.nav-row")).ToHaveCountAsync(1);
        await Expect(page.Locator("#navigator-count")).ToHaveTextAsync("1 of 4 items match \"6c\"");
        await page.Locator("#item-filter").FillAsync("");
        await Expect(list.Locator("li.nav-row")).ToHaveCountAsync(4);

        await page.Locator("#nav-3").ClickAsync();
        await Expect(page.Locator("#item-3-heading")).ToBeFocusedAsync();
        await Expect(page.Locator("#nav-3")).ToHaveAttributeAsync("aria-expanded", "true");
        var selected = await WordCallsAsync(page, "contentControl.select");
        Assert.AreEqual(1, selected.Count);
        Assert.AreEqual("response.commentary", selected[0]["tag"]!.GetValue<string>());
        Assert.AreEqual("response:3", selected[0]["within"]!.GetValue<string>(), "the commentary of recommendation 3's region is selected");
        Assert.AreEqual("Start", selected[0]["selectionMode"]!.GetValue<string>());
        await Expect(page.Locator("#item-panel")).ToContainTextAsync("Write the commissioner's response in the document");
        await Expect(page.Locator("#item-3-commentary")).ToHaveCountAsync(0);

        await page.Locator("#item-3-status").GetByRole(AriaRole.Radio, new() { Name = "No action will be taken" }).CheckAsync();
        await Expect(page.Locator("#item-3-result")).ToHaveTextAsync("Response to Recommendation 3 saved.");
        await Expect(page.Locator("#nav-3")).ToContainTextAsync("Gap");
        await Expect(page.Locator("#completeness")).ToContainTextAsync("Recommendation 3");
        await AccessibilityTests.AssertAccessibleAsync(TestContext, page, "companion-1-navigator-item-panel");

        await page.Locator("#letter-settings summary").ClickAsync();
        await page.Locator("#letter-salutation").FillAsync("Dear Home Secretary and Chief Inspector");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the letter settings" }).ClickAsync();
        await Expect(page.Locator("#letter-settings-result")).ToHaveTextAsync("Letter settings saved.");
        using var drafter = await Server.ClientForAsync("drafter");
        var draft = (await drafter.GetFromJsonAsync<JsonObject>($"/api/drafts/{draftId}"))!;
        Assert.AreEqual("Dear Home Secretary and Chief Inspector", draft["letter"]!["salutation"]!.GetValue<string>());
        await Evidence.ScreenshotAsync(TestContext, page, "companion-2-letter-settings");
    }

    [TestMethod]
    public async Task ASaveCutOffMidwayKeepsWordsTextAndRetrySavesItThroughTheOfficeJsStandIn()
    {
        var draftId = await Drafts.StartAsync("Companion: network fails", Today.AddDays(-5));
        var page = await OpenInWordAsync(draftId);
        await Expect(page.Locator("#save-state")).ToContainTextAsync("No unsaved changes.");

        var failures = 0;
        await page.RouteAsync("**/api/drafts/*/document", async route =>
        {
            if (route.Request.Method == "PUT" && failures++ == 0)
            {
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.ContinueAsync();
        });

        await TypeInWordAsync(page, draftId, "Typed in Word while the network dropped.");
        var state = page.Locator("#save-state");
        await Expect(state).ToContainTextAsync("Not saved: the ResponseDrafter server could not be reached");
        await Expect(state).ToContainTextAsync("Your text in Word is kept as it is");
        await AccessibilityTests.AssertAccessibleAsync(TestContext, page, "companion-3-not-saved");

        await state.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Expect(state).ToContainTextAsync("Saved ");
        await Expect(state.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToBeHiddenAsync();
        Assert.AreEqual(2, failures, "one save was cut off, the retry went through");
        StringAssert.Contains(await StoredTextAsync(draftId), "Typed in Word while the network dropped.");
        var written = (await WordCallsAsync(page)).Select(c => c["call"]!.GetValue<string>()).Where(c => c.StartsWith("body.", StringComparison.Ordinal) || c.StartsWith("contentControl.insert", StringComparison.Ordinal));
        Assert.AreEqual(0, written.Count(), "the pane never wrote over what was typed in Word");
    }

    [TestMethod]
    public async Task WordsParagraphEventSavesTheDocumentWithoutWaitingForThePollThroughTheOfficeJsStandIn()
    {
        var draftId = await Drafts.StartAsync("Companion: paragraph events", Today.AddDays(-5));
        using var drafter = await Server.ClientForAsync("drafter");
        var document = await drafter.GetByteArrayAsync($"/api/drafts/{draftId}/document");
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: 350, openDocument: document);
        var page = open.Playwright;
        // This Word has WordApi 1.6's paragraph events, and the pane's slower look at the text never comes round
        // (its timer is switched off), so only Word's event can start the save.
        await page.EvaluateAsync("() => { window.__officeRequirements.WordApi = '1.6'; window.setInterval = () => 0; }");
        await open.SignInAsync("Dana Drafter");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("No unsaved changes.");
        await page.WaitForFunctionAsync(
            "() => ['ParagraphChanged', 'ParagraphAdded', 'ParagraphDeleted'].every(type => window.__wordEvents.handlers[type].length === 1)");

        await TypeInWordAsync(page, draftId, "Typed in Word, and Word says a paragraph changed.");
        await page.EvaluateAsync("() => { window.__wordCalls.length = 0; return window.__wordEvents.raise('ParagraphChanged'); }");

        await Expect(page.Locator("#save-state")).ToContainTextAsync("Saved ");
        StringAssert.Contains(await StoredTextAsync(draftId), "Typed in Word, and Word says a paragraph changed.");
        Assert.AreEqual(1, (await WordCallsAsync(page, "document.getFileAsync")).Count, "one save, from the event");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task ASaveRefusedBecauseSomeoneElseSavedLoadsTheirChangesAndRetryKeepsWordsTextThroughTheOfficeJsStandIn()
    {
        var draftId = await Drafts.StartAsync("Companion: conflict", Today.AddDays(-5));
        var page = await OpenInWordAsync(draftId);
        await Drafts.EditAsync(draftId, "Saved meanwhile by a colleague.");

        await TypeInWordAsync(page, draftId, "Typed in Word before the colleague's save arrived.");
        var state = page.Locator("#save-state");
        await Expect(state).ToContainTextAsync("Not saved: someone else saved this draft meanwhile");
        await Expect(page.Locator("#nav-2")).ToContainTextAsync("Complete");
        await AccessibilityTests.AssertAccessibleAsync(TestContext, page, "companion-4-conflict");

        await state.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Expect(state).ToContainTextAsync("Saved ");
        StringAssert.Contains(await StoredTextAsync(draftId), "Typed in Word before the colleague's save arrived.");
    }

    [TestMethod]
    public async Task ARefusalIsShownBesideTheControlThatCausedItFocusedAndInPlainWords()
    {
        var draftId = await Drafts.StartAsync("Companion: refusals", Today.AddDays(-5));
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: 350);
        var page = open.Playwright;
        var sent = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "PUT" && request.Url.EndsWith("/responses/2", StringComparison.Ordinal)) sent.Add(request.PostData ?? "");
        };
        await open.SignInAsync("Dana Drafter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue the response: Companion: refusals" }).ClickAsync();

        await DrafterFlowTests.ChooseAsync(page, "2");
        var commentary = page.Locator("#item-2-commentary");
        await commentary.FillAsync("Words with <b>a tag</b> the letter cannot take.");
        await page.Locator("#item-2-status").GetByRole(AriaRole.Radio, new() { Name = "Action taken" }).CheckAsync();
        var beside = page.Locator("#item-2-commentary + .field-error");
        await Expect(beside).ToContainTextAsync("HTML tags ('<b>') are not supported");
        await Expect(beside).ToHaveAttributeAsync("role", "alert");
        await Expect(commentary).ToBeFocusedAsync();
        await Expect(commentary).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(commentary).ToHaveValueAsync("Words with <b>a tag</b> the letter cannot take.");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("One or more validation errors occurred");

        // Leaving the box sent the commentary once and it was refused; the status click sends the status alone, which
        // is saved, while the refused text stays beside its box, unsent until it is changed.
        await Expect(page.Locator("#item-2-result")).ToHaveTextAsync(
            "Recommendation 2: the rest is saved; the commentary marked above is not, and is kept here until you change it.");
        Assert.AreEqual(1, sent.Count(body => body.Contains("a tag", StringComparison.Ordinal)), string.Join("\n", sent));
        using (var drafter = await Server.ClientForAsync("drafter"))
        {
            var response = (await drafter.GetFromJsonAsync<JsonObject>($"/api/drafts/{draftId}"))!["responses"]!.AsArray().Single(r => r!["ref"]!.GetValue<string>() == "2")!;
            Assert.AreEqual("action-taken", response["status"]!.GetValue<string>());
            Assert.IsNull(response["commentary"]);
        }
        await Expect(beside).ToBeVisibleAsync();
        await Expect(commentary).ToHaveAttributeAsync("aria-invalid", "true");
        await AccessibilityTests.AssertAccessibleAsync(TestContext, page, "companion-5-field-refusal");

        await page.RouteAsync("**/api/drafts/*/document", route => route.Request.Method == "GET"
            ? route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = "{\"title\":\"Service Unavailable\",\"status\":503}" })
            : route.ContinueAsync());
        var build = page.Locator("#build");
        await build.ClickAsync();
        await Expect(page.Locator("#build + .field-error")).ToContainTextAsync("The ResponseDrafter server had a problem. Wait a minute and try again");
        await Expect(build).ToBeFocusedAsync();
        await Expect(build).ToHaveAttributeAsync("aria-busy", "false");
        await Evidence.ScreenshotAsync(TestContext, page, "companion-6-button-refusal");
        // The refused requests are logged by the browser; nothing else may be.
        var problems = open.Problems.Where(p => !p.Contains("Failed to load resource", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
    }

    [TestMethod]
    public async Task SavingAnApprovedLetterFirstSaysWhichApprovalsItVoidsAndCancelKeepsTheTextUnsavedThroughTheOfficeJsStandIn()
    {
        var draftId = await Drafts.CompleteAsync("Companion: approved letter", Today.AddDays(-5));
        await Drafts.SubmitAsync(draftId);
        await Drafts.DecideAsync("approver", draftId, "approve");
        await Drafts.DecideAsync("commissioner", draftId, "approve");
        Assert.AreEqual("approved", (await Drafts.WorkflowAsync(draftId))["state"]!.GetValue<string>());
        var page = await OpenInWordAsync(draftId);

        await TypeInWordAsync(page, draftId, "A late change to an approved letter.");
        var confirm = page.Locator("#confirm-cost");
        await Expect(confirm).ToContainTextAsync("This voids 2 approvals (Head of policy, Commissioner). Save anyway?");
        await Expect(confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await AccessibilityTests.AssertAccessibleAsync(TestContext, page, "companion-7-voids-approvals");

        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        var state = page.Locator("#save-state");
        await Expect(state).ToContainTextAsync("Not saved: You kept the approvals: your text stays in Word, not saved.");
        Assert.AreEqual("approved", (await Drafts.WorkflowAsync(draftId))["state"]!.GetValue<string>());
        Assert.IsFalse((await StoredTextAsync(draftId)).Contains("A late change to an approved letter.", StringComparison.Ordinal));

        await state.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Save anyway" }).ClickAsync();
        await Expect(state).ToContainTextAsync("Saved ");
        Assert.AreEqual("drafting", (await Drafts.WorkflowAsync(draftId))["state"]!.GetValue<string>());
        StringAssert.Contains(await StoredTextAsync(draftId), "A late change to an approved letter.");
    }

    /// <summary>The pane in Word on the draft's own document (as the drafter reopening it), signed in as the drafter.</summary>
    private static async Task<IPage> OpenInWordAsync(string draftId)
    {
        using var drafter = await Server.ClientForAsync("drafter");
        var document = await drafter.GetByteArrayAsync($"/api/drafts/{draftId}/document");
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: 350, openDocument: document);
        await open.SignInAsync("Dana Drafter");
        await Expect(open.Playwright.Locator("#draft-heading")).ToBeVisibleAsync();
        await Expect(open.Playwright.Locator("#navigator-list li").First).ToBeVisibleAsync();
        return open.Playwright;
    }

    /// <summary>The drafter types a paragraph in Word: the stand-in's document becomes the server's copy with it added.</summary>
    private static async Task TypeInWordAsync(IPage page, string draftId, string text)
    {
        using var drafter = await Server.ClientForAsync("drafter");
        var current = await drafter.GetByteArrayAsync($"/api/drafts/{draftId}/document");
        var typed = WordDocuments.WithParagraphTyped(current, text);
        await page.EvaluateAsync("([file, text]) => { window.__wordDocument.file = file; window.__wordDocument.text = text; }",
            new object[] { Convert.ToBase64String(typed), $"The letter, and {text}" });
    }

    private static async Task<string> StoredTextAsync(string draftId)
    {
        using var drafter = await Server.ClientForAsync("drafter");
        var stored = await drafter.GetByteArrayAsync($"/api/drafts/{draftId}/document");
        using var document = WordprocessingDocument.Open(new MemoryStream(stored), isEditable: false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    private static async Task<List<JsonObject>> WordCallsAsync(IPage page, string? call = null) =>
        JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__wordCalls)"))!.AsArray().Select(n => n!.AsObject())
            .Where(c => call is null || c["call"]!.GetValue<string>() == call).ToList();
}
