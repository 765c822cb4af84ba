using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;
using ResponseDrafter.Browser.Tests.Infrastructure;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Rules;
using static Microsoft.Playwright.Assertions;

namespace ResponseDrafter.Browser.Tests;

[TestClass]
public sealed class DrafterFlowTests : PaneTest
{
    [TestMethod]
    public async Task DrafterBuildsAValidLetterInWordThroughTheOfficeJsStandIn()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var title = "Hidden victims (drafter flow)";
        var publishedOn = today.AddDays(-14);
        await CreateReportAsync(title, publishedOn);
        var lastDay = StatutoryDeadline.For(publishedOn);
        var daysLeft = $"{StatutoryDeadline.DaysLeft(publishedOn, today)} days left";
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: 350);
        var page = open.Playwright;

        await open.SignInAsync("Dana Drafter");
        var card = page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });
        await Expect(card).ToContainTextAsync($"Last day to publish: {LongDate(lastDay)}");
        await Expect(card).ToContainTextAsync(daysLeft);
        await card.GetByRole(AriaRole.Button, new() { Name = "Start the response" }).ClickAsync();

        var deadline = page.Locator("#deadline");
        await Expect(deadline).ToContainTextAsync(title);
        await Expect(deadline).ToContainTextAsync(daysLeft);
        await Expect(page.Locator("#items")).ToContainTextAsync("To: chief constables");
        await Expect(page.Locator("#nav-2")).ToContainTextAsync("Not started");

        var refs = await SelectedRefsAsync(page);
        CollectionAssert.Contains(refs, "2", "Recommendation 2 is addressed to chief constables, so it starts ticked.");
        await Expect(page.Locator("#completeness")).ToContainTextAsync("Still missing (");
        await Expect(page.Locator("#completeness")).ToContainTextAsync("Recommendation 2 has no status");
        await Evidence.ScreenshotAsync(TestContext, page, "drafter-1-recommendations");

        await ChooseAsync(page, "2");
        await page.Locator("#item-panel summary", new() { HasText = "The force's assurance" }).ClickAsync();
        await page.Locator("#item-2-assurance").FillAsync("The force has trained 1,200 officers in modern slavery awareness since June.");
        await page.Locator("#item-2-suppliedBy").FillAsync("Detective Superintendent A. Example");
        await page.Locator("#item-2-save-assurance").ClickAsync();
        await Expect(page.Locator("#item-2-result")).ToHaveTextAsync("Assurance for Recommendation 2 saved.");
        await Expect(page.Locator("#nav-2")).ToContainTextAsync("Force text locked");
        foreach (var itemRef in refs)
        {
            await AnswerAsync(page, itemRef, $"The commissioner will review progress on {itemRef} at the March accountability board.");
        }

        await Expect(page.Locator("#completeness")).ToContainTextAsync("Complete: every applicable recommendation has a response.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit for sign-off" })).ToBeEnabledAsync();
        await Expect(page.Locator("#sign-off-state")).ToHaveTextAsync("Not submitted yet.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Build the letter in this document" }).ClickAsync();
        await Expect(page.Locator("#build-result")).ToContainTextAsync("The letter was built in this document");
        await Evidence.ScreenshotAsync(TestContext, page, "drafter-2-letter-built");

        var calls = await WordCallsAsync(page);
        var inserted = calls.Single(c => c["call"]!.GetValue<string>() == "body.insertFileFromBase64");
        Assert.AreEqual("Replace", inserted["location"]!.GetValue<string>());
        var docx = Convert.FromBase64String(inserted["base64"]!.GetValue<string>());
        var path = Path.Combine(Evidence.Folder(TestContext), "drafter-inserted-letter.docx");
        await File.WriteAllBytesAsync(path, docx);
        TestContext.AddResultFile(path);

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        StringAssert.Contains(text, "The force has trained 1,200 officers in modern slavery awareness since June.");
        StringAssert.Contains(text, "The commissioner will review progress on 2 at the March accountability board.");
        var identity = DraftIdentityPart.Read(document)!;
        Assert.AreEqual(await DraftIdForAsync(title), identity.DraftId);
        Assert.IsTrue(document.MainDocumentPart.Document.Body.Descendants<SdtBlock>().Any(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val == "responses"),
            "The inserted letter keeps its tagged content controls.");

        var identityAdded = calls.Single(c => c["call"]!.GetValue<string>() == "customXmlParts.add")["xml"]!.GetValue<string>();
        StringAssert.Contains(identityAdded, identity.DraftId);
        Assert.IsTrue(calls.Any(c => c["call"]!.GetValue<string>() == "settings.set"
            && c["name"]!.GetValue<string>() == "Office.AutoShowTaskpaneWithDocument" && c["value"]!.GetValue<bool>()),
            "The document is told to reopen the pane.");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task AChangeReachesWordInTheRegionsTheServerPatchedAndNowhereElseThroughTheOfficeJsStandIn()
    {
        var title = "Hidden victims (rebuild)";
        var reportId = await CreateReportAsync(title, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20));
        var drafter = await Server.ClientForAsync("drafter");
        var created = await drafter.PostAsJsonAsync("/api/drafts", new { reportId });
        created.EnsureSuccessStatusCode();

        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        var card = page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });
        await card.GetByRole(AriaRole.Button, new() { Name = "Continue the response" }).ClickAsync();
        await AnswerAsync(page, "2", "First words on recommendation 2.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Build the letter in this document" }).ClickAsync();
        await Expect(page.Locator("#build-result")).ToContainTextAsync("The letter was built in this document");

        // Once the letter is in the document, the button updates it and says what an update touches.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Build the letter in this document" })).ToHaveCountAsync(0);
        await Expect(page.Locator("#build")).ToHaveTextAsync("Update the letter in this document");
        await Expect(page.Locator("#build-hint")).ToHaveTextAsync(
            "Updating brings in only the parts the draft changed since the letter was built (statuses, the force's text, letter settings). Your writing in the document stays as it is.");

        var first = Convert.FromBase64String((await WordCallsAsync(page)).Single(c => c["call"]!.GetValue<string>() == "body.insertFileFromBase64")["base64"]!.GetValue<string>());
        var tags = TopLevelTags(first);
        await page.EvaluateAsync("tags => { window.__wordDocument.tags = tags; window.__wordCalls.length = 0; }", tags);

        // After the build the commentary is written in Word; a status set in the pane reaches Word's "responses" region.
        await ChooseAsync(page, "2");
        await page.Locator("#item-2-status").GetByRole(AriaRole.Radio, new() { Name = "Action proposed" }).CheckAsync();
        await Expect(page.Locator("#item-2-result")).ToHaveTextAsync("Response to Recommendation 2 saved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Update the letter in this document" }).ClickAsync();
        await Expect(page.Locator("#build-result")).ToContainTextAsync("The letter is up to date with the draft");
        await Evidence.ScreenshotAsync(TestContext, page, "drafter-3-letter-updated");

        var calls = await WordCallsAsync(page);
        var names = calls.Select(c => c["call"]!.GetValue<string>()).ToList();
        CollectionAssert.DoesNotContain(names, "body.insertFileFromBase64", "A change must not replace the whole document.");
        CollectionAssert.DoesNotContain(names, "body.insertOoxml");
        CollectionAssert.DoesNotContain(names, "body.clear");
        var replaced = calls.Where(c => c["call"]!.GetValue<string>() == "contentControl.insertOoxml").ToList();
        CollectionAssert.AreEqual(new[] { "responses" }, replaced.Select(c => c["tag"]!.GetValue<string>()).Distinct().ToList(),
            "only the region the server patched is brought into Word");
        Assert.IsTrue(replaced.All(c => c["location"]!.GetValue<string>() == "Replace"));

        foreach (var region in replaced)
        {
            using var fragment = WordprocessingDocument.FromFlatOpcString(region["ooxml"]!.GetValue<string>());
            var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(fragment).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.AreEqual(0, errors.Count, $"{region["tag"]}: {string.Join("\n", errors)}");
        }

        var responses = replaced.Single(c => c["tag"]!.GetValue<string>() == "responses")["ooxml"]!.GetValue<string>();
        StringAssert.Contains(responses, "Action proposed");
        StringAssert.Contains(responses, "First words on recommendation 2.");
        var identity = calls.First(c => c["call"]!.GetValue<string>() == "customXmlPart.setXml")["xml"]!.GetValue<string>();
        StringAssert.Contains(identity, await DraftIdForAsync(title));
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task WritingInAnItemsRegionInWordIsSavedByItselfAndTurnsTheItemDraftedThroughTheOfficeJsStandIn()
    {
        var title = "Hidden victims (written in Word)";
        var reportId = await CreateReportAsync(title, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20));
        var drafter = await Server.ClientForAsync("drafter");
        var created = await drafter.PostAsJsonAsync("/api/drafts", new { reportId });
        created.EnsureSuccessStatusCode();
        var draftId = await DraftIdForAsync(title);

        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: 350);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        var card = page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });
        await card.GetByRole(AriaRole.Button, new() { Name = "Continue the response" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Build the letter in this document" }).ClickAsync();
        await Expect(page.Locator("#build-result")).ToContainTextAsync("The letter was built in this document");
        await Expect(page.Locator("#nav-2")).ToContainTextAsync("Not started");

        // The drafter writes the commentary in recommendation 2's region, and a paragraph of their own, in Word.
        var inserted = Convert.FromBase64String((await WordCallsAsync(page)).Single(c => c["call"]!.GetValue<string>() == "body.insertFileFromBase64")["base64"]!.GetValue<string>());
        var written = WordDocuments.WithRegionWritten(
            WordDocuments.WithParagraphTyped(inserted, "A paragraph typed in Word by the drafter."), "response:2", "response.commentary", "Written in Word, in the region for recommendation 2.");
        await page.EvaluateAsync("file => { window.__wordDocument.file = file; window.__wordDocument.text = 'The letter, written in'; }", Convert.ToBase64String(written));

        await Expect(page.Locator("#save-state")).ToContainTextAsync("Saved ");
        await Expect(page.Locator("#nav-2")).ToContainTextAsync("Drafted");
        await Evidence.ScreenshotAsync(TestContext, page, "drafter-4-drafted-in-word");

        var draft = (await drafter.GetFromJsonAsync<JsonObject>($"/api/drafts/{draftId}"))!;
        var two = draft["responses"]!.AsArray().Single(r => r!["ref"]!.GetValue<string>() == "2")!;
        StringAssert.Contains(two["commentary"]!.GetValue<string>(), "Written in Word, in the region for recommendation 2.");
        var stored = await drafter.GetByteArrayAsync($"/api/drafts/{draftId}/document");
        using var document = WordprocessingDocument.Open(new MemoryStream(stored), isEditable: false);
        StringAssert.Contains(document.MainDocumentPart!.Document!.Body!.InnerText, "A paragraph typed in Word by the drafter.");
        var saves = (await WordCallsAsync(page)).Count(c => c["call"]!.GetValue<string>() == "document.getFileAsync");
        Assert.AreEqual(1, saves, "Word's document was read once, when its text changed");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task OutsideWordThePaneRunsWithTheRealOfficeJsAndDownloadsTheLetter()
    {
        var title = "Hidden victims (plain browser)";
        await CreateReportAsync(title, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        var open = await Chromium.OpenAsync(Server, "/taskpane.html");
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        await page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) })
            .GetByRole(AriaRole.Button, new() { Name = "Start the response" }).ClickAsync();
        Assert.AreEqual("browser", await page.EvaluateAsync<string>("() => document.documentElement.dataset.host"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the letter (.docx)" }).ClickAsync());
        var path = Path.Combine(Evidence.Folder(TestContext), "browser-downloaded-letter.docx");
        await download.SaveAsAsync(path);
        using var document = WordprocessingDocument.Open(path, isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        await Expect(page.Locator("#build-result")).ToHaveTextAsync("The letter was downloaded. Open it in Word.");

        // office.js tries to frame its telemetry proxy three seconds after loading; the pane's policy must refuse it.
        var waited = Stopwatch.StartNew();
        while (!open.BlockedTelemetry.Any(m => m.StartsWith("Framing", StringComparison.Ordinal)) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        Assert.IsTrue(open.BlockedTelemetry.Any(m => m.StartsWith("Framing", StringComparison.Ordinal)), "office.js's telemetry frame was expected and must be refused by the CSP.");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task WithoutTheDrafterRoleAResponseCanBeReadButNothingThatWouldChangeItIsOffered()
    {
        var started = "Read-only: response started";
        var notStarted = "Read-only: response not started";
        var reportId = await CreateReportAsync(started, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2));
        await CreateReportAsync(notStarted, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2));
        var drafter = await Server.ClientForAsync("drafter");
        (await drafter.PostAsJsonAsync("/api/drafts", new { reportId })).EnsureSuccessStatusCode();

        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true);
        var page = open.Playwright;
        await open.SignInAsync("Avery Approver");
        ILocator Of(string title) => page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });
        await Expect(Of(notStarted)).ToContainTextAsync("No response started yet.");
        await Expect(Of(notStarted).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add a report from its PDF, Word file or text" })).ToBeHiddenAsync();

        await Of(started).GetByRole(AriaRole.Button, new() { Name = "Read the response" }).ClickAsync();
        await Expect(page.Locator("#read-only-note")).ToHaveTextAsync("You can read this response, but only drafters can change it.");
        await ChooseAsync(page, "2");
        await Expect(page.Locator("#item-2-commentary")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save response" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import the force's Word document" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit for sign-off" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Build the letter in this document" })).ToBeVisibleAsync();
        await Expect(page.Locator("#item-2-commentary")).Not.ToBeEditableAsync();
        await Expect(page.Locator("#item-2-status").GetByRole(AriaRole.Radio).First).ToBeDisabledAsync();
        await Expect(page.Locator("#item-2-file")).ToBeDisabledAsync();

        await page.Locator("#selection-panel summary").ClickAsync();
        var box = page.Locator("fluent-checkbox[data-ref='2']");
        await Expect(box).ToBeCheckedAsync();
        await box.ClickAsync();
        await Expect(box).ToBeCheckedAsync();
        await Evidence.ScreenshotAsync(TestContext, page, "drafter-read-only");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    /// <summary>Opens an item's panel from the navigator (if it is not open already).</summary>
    internal static async Task ChooseAsync(IPage page, string itemRef)
    {
        if (!await page.Locator($"#item-{itemRef}-heading").IsVisibleAsync())
        {
            await page.Locator($"#nav-{itemRef}").ClickAsync();
        }

        await Expect(page.Locator($"#item-{itemRef}-heading")).ToBeVisibleAsync();
    }

    /// <summary>Answers an item in its panel (before the letter is built in Word): commentary and "Action taken", saved as they are made.</summary>
    internal static async Task AnswerAsync(IPage page, string itemRef, string commentary)
    {
        await ChooseAsync(page, itemRef);
        var text = page.Locator($"#item-{itemRef}-commentary");
        await text.FillAsync(commentary);
        var taken = page.Locator($"#item-{itemRef}-status").GetByRole(AriaRole.Radio, new() { Name = "Action taken" });
        if (await taken.IsCheckedAsync())
        {
            await text.BlurAsync();
        }
        else
        {
            await taken.CheckAsync();
        }

        await Expect(page.Locator($"#item-{itemRef}-result")).ToHaveTextAsync($"Response to Recommendation {itemRef} saved.");
    }

    private static async Task<List<string>> SelectedRefsAsync(IPage page) =>
        [.. JsonNode.Parse(await page.EvaluateAsync<string>(
            "() => JSON.stringify([...document.querySelectorAll('fluent-checkbox[data-ref]')].filter(b => b.checked).map(b => b.dataset.ref))"))!
            .AsArray().Select(n => n!.GetValue<string>())];

    private static async Task<List<JsonObject>> WordCallsAsync(IPage page) =>
        JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__wordCalls)"))!.AsArray().Select(n => n!.AsObject()).ToList();

    private static List<string> TopLevelTags(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return document.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>()
            .Where(s => !s.Ancestors<SdtElement>().Any())
            .Select(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value)
            .OfType<string>()
            .ToList();
    }

    private static async Task<Guid> CreateReportAsync(string title, DateOnly publishedOn)
    {
        var admin = await Server.ClientForAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/reports", ApiServer.HiddenVictimsReport(title, publishedOn));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static async Task<string> DraftIdForAsync(string title)
    {
        var drafter = await Server.ClientForAsync("drafter");
        var drafts = await drafter.GetFromJsonAsync<JsonArray>("/api/drafts");
        return drafts!.Single(d => d!["reportTitle"]!.GetValue<string>() == title)!["id"]!.GetValue<string>();
    }

    private static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
