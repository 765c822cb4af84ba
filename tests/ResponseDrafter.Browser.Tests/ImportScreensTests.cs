using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ResponseDrafter.Api.Tests.Imports;
using ResponseDrafter.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResponseDrafter.Browser.Tests;

/// <summary>
/// The import screens in the task pane: a report's recommendations from pasted text, previewed, corrected and saved;
/// the force's Word document mapped to the recommendations and filled in; a refused upload in plain words.
/// </summary>
[TestClass]
public sealed class ImportScreensTests : PaneTest
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [TestMethod]
    public async Task APastedAppendixIsPreviewedCorrectedAndSavedAsAReport()
    {
        var title = "The hidden victims (pasted)";
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a report from its PDF, Word file or text" }).ClickAsync();
        // Nothing to read yet: said beside the button, which keeps focus.
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the recommendations" }).ClickAsync();
        await Expect(page.Locator("#import-read + .field-error")).ToHaveTextAsync(
            "Paste the recommendations, or choose the report's PDF or Word document, then read them.");
        await Expect(page.Locator("#import-read")).ToBeFocusedAsync();
        await Expect(page.Locator("#alert")).ToBeHiddenAsync();
        await page.Locator("#import-text").GetByRole(AriaRole.Textbox).FillAsync(ImportFiles.EssexLetter);
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the recommendations" }).ClickAsync();

        var table = page.Locator("table.import-table");
        await Expect(table.Locator("caption")).ToHaveTextAsync("4 recommendations, as read");
        await Expect(table.Locator("tbody tr").Nth(3)).ToContainTextAsync("Recommendation 5 is missing between 4 and 6");
        await Expect(table.Locator("tbody tr").Nth(0)).ToContainTextAsync("a, b, c, d, e, f, g");
        await Expect(table.Locator("tbody tr").Nth(3)).ToContainTextAsync("Named by each sub-item");
        Assert.AreEqual("understand how to advise victims what support is available them;", await ValueAsync(page, "import-rec-0-sub-4-text"));
        await Expect(page.Locator("ul.unplaced")).ToContainTextAsync("Dear Home Secretary,");
        await AssertAccessibleAsync(page, "import-report-preview");

        await page.Locator("#import-title").GetByRole(AriaRole.Textbox).FillAsync(title);
        await page.Locator("#import-published").FillAsync("2021-05-26");
        await page.Locator("#import-kind").SelectOptionAsync("super-complaint");
        await page.Locator("#import-rec-3-include").UncheckAsync();
        await page.Locator("#import-rec-2-addressees").GetByRole(AriaRole.Textbox).FillAsync("chief constables; police and crime commissioners; Home Office");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the report" }).ClickAsync();

        await Expect(page.Locator("#import-report-result")).ToHaveTextAsync($"The report \"{title}\" was saved with 3 recommendations. Start the response from its card.");
        var card = page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Start the response" })).ToBeVisibleAsync();
        await Evidence.ScreenshotAsync(TestContext, page, "import-report-saved");

        var report = await SavedReportAsync(title);
        var recommendations = report["recommendations"]!.AsArray();
        CollectionAssert.AreEqual(new[] { "2", "3", "4" }, recommendations.Select(r => r!["number"]!.GetValue<string>()).ToArray());
        Assert.AreEqual("understand how to advise victims what support is available them;", recommendations[0]!["subItems"]![4]!["text"]!.GetValue<string>());
        Assert.AreEqual("Home Office", recommendations[2]!["addressees"]![2]!.GetValue<string>());
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task AReportPdfIsReadWithItsTitleDatePagesAndJoinedWordsTheDrafterCanUndo()
    {
        var docx = new ResponseDrafter.TestSupport.WordFile()
            .Heading(1, "Hidden victims: the police response to modern slavery")
            .Paragraph("Published 26 May 2021")
            .Raw(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(
                new DocumentFormat.OpenXml.Wordprocessing.Break { Type = DocumentFormat.OpenXml.Wordprocessing.BreakValues.Page })))
            .Paragraph("Recommendation 1: To chief constables")
            .Paragraph("Make sure every investigation of modern slavery is allocated to a skilled team.")
            .Build();
        var pdf = ResponseDrafter.TestSupport.PdfTools.ToPdf(new Dictionary<string, byte[]> { ["report"] = docx })["report"];
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a report from its PDF, Word file or text" }).ClickAsync();

        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "hidden victims.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the recommendations" }).ClickAsync();

        await Expect(page.Locator("table.import-table tbody tr").Nth(0)).ToContainTextAsync("Recommendation 1 (page 2)");
        Assert.AreEqual("Hidden victims: the police response to modern slavery", await ValueAsync(page, "import-title"));
        await Expect(page.Locator("#import-published")).ToHaveValueAsync("2021-05-26");
        await Evidence.ScreenshotAsync(TestContext, page, "import-report-from-pdf");

        // Pasted text broken by a PDF's line ends: the import joins the word and offers the printed form back.
        await page.Locator("#import-file").SetInputFilesAsync(Array.Empty<FilePayload>());
        await page.Locator("#import-text").GetByRole(AriaRole.Textbox).FillAsync(
            "Recommendation 1: To chief constables\nMake sure every investi-\ngation of modern slavery is allocated to a co-\nordinated team.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the recommendations" }).ClickAsync();
        await Expect(page.Locator("ul.import-joins li")).ToHaveTextAsync(["Line 2: \"investigation\" Keep \"investi-gation\""]);
        Assert.AreEqual("Make sure every investigation of modern slavery is allocated to a co-ordinated team.", await ValueAsync(page, "import-rec-0-text"));
        await AssertAccessibleAsync(page, "import-report-joins");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep \"investi-gation\"" }).ClickAsync();

        Assert.AreEqual("Make sure every investi-gation of modern slavery is allocated to a co-ordinated team.", await ValueAsync(page, "import-rec-0-text"));
        await Expect(page.Locator("ul.import-joins [role=status]")).ToHaveTextAsync("Kept as \"investi-gation\".");
        await Evidence.ScreenshotAsync(TestContext, page, "import-report-joins");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task TheForcesDocumentIsMappedChangedByTheDrafterAndFilledIn()
    {
        var title = "The hidden victims (force document)";
        await StartDraftAsync(title);
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        await ContinueAsync(page, title);

        await UploadAsync(page, "briefing note.docx", ImportFiles.BriefingNote());
        var two = page.Locator("#map-2");
        await Expect(two.GetByRole(AriaRole.Checkbox, new() { Name = "Staff Training, Access to materials and Victim Support Arrangements: (medium confidence)" }))
            .ToBeCheckedAsync();
        await Expect(two).ToContainTextAsync("first section after the force's reproduction of recommendations 2, 3 and 4");
        var four = page.Locator("#map-4");
        await Expect(four.GetByRole(AriaRole.Checkbox, new() { Name = "Staff Training, Access to materials and Victim Support Arrangements: (low confidence: check it)" }))
            .ToBeCheckedAsync();
        await Expect(page.Locator("ul.unmapped")).ToContainTextAsync("Conclusion: — \"Conclusion:\" is a general section, not the answer to one recommendation.");
        await AssertAccessibleAsync(page, "import-assurance-mapping");

        await four.GetByRole(AriaRole.Checkbox, new() { Name = "Staff Training, Access to materials and Victim Support Arrangements: (low confidence: check it)" }).UncheckAsync();
        await four.Locator("summary", new() { HasText = "Other sections" }).ClickAsync();
        await four.GetByRole(AriaRole.Checkbox, new() { Name = "Conclusion:" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fill in the assurance" }).ClickAsync();

        await Expect(page.Locator("#import-assurance-result")).ToHaveTextAsync(
            "The assurance from briefing note.docx was filled in for Recommendation 2, Recommendation 3, Recommendation 4.");
        await Expect(page.Locator("#import-assurance-result")).ToBeFocusedAsync();
        foreach (var (itemRef, start) in new[] { ("4", "**Conclusion:**"), ("3", "**Resource and Crime Allocation - Modern Slavery:**"), ("2", "**Staff Training, Access to materials and Victim Support Arrangements:**") })
        {
            await Expect(page.Locator($"#nav-{itemRef}")).ToContainTextAsync("Force text locked");
            await DrafterFlowTests.ChooseAsync(page, itemRef);
            StringAssert.StartsWith(await ValueAsync(page, $"item-{itemRef}-assurance"), start);
        }

        await Expect(page.Locator("#item-panel .provenance"))
            .ToContainTextAsync("supplied by Det Chief Supt Eamonn Bridger, Suffolk Constabulary");
        await Evidence.ScreenshotAsync(TestContext, page, "import-assurance-filled-in");

        var revised = ImportFiles.BriefingNote(text => text.Replace("In May 2021 a seminar was delivered", "In June 2021 a second seminar was delivered", StringComparison.Ordinal));
        await UploadAsync(page, "briefing note v2.docx", revised);
        await Expect(two.Locator(".changes")).ToContainTextAsync("Changed from briefing note.docx, received");
        await Expect(two.Locator(".change-added")).ToContainTextAsync("Added: In June 2021 a second seminar was delivered");
        await Expect(two.Locator(".change-removed")).ToContainTextAsync("Removed: In May 2021 a seminar was delivered");
        await Expect(page.Locator("#map-3 .changes")).ToContainTextAsync("Unchanged from briefing note.docx");
        await AssertAccessibleAsync(page, "import-assurance-revised");

        // The comparison follows the drafter's ticks: 4 back on the Conclusion it was given before, 3 with nothing ticked.
        await Expect(four.Locator(".changes")).ToContainTextAsync("Changed from briefing note.docx");
        await four.GetByRole(AriaRole.Checkbox, new() { Name = "Staff Training, Access to materials and Victim Support Arrangements: (low confidence: check it)" }).UncheckAsync();
        await four.Locator("summary", new() { HasText = "Other sections" }).ClickAsync();
        await four.GetByRole(AriaRole.Checkbox, new() { Name = "Conclusion:" }).CheckAsync();
        await Expect(four.Locator(".changes")).ToHaveTextAsync("Unchanged from briefing note.docx, received " + LongDate(DateOnly.FromDateTime(DateTime.UtcNow)) + ".");
        await page.Locator("#map-3").GetByRole(AriaRole.Checkbox).First.UncheckAsync();
        await Expect(page.Locator("#map-3 .changes")).ToContainTextAsync("Nothing ticked, so the assurance from briefing note.docx");
        await Expect(two.Locator(".change-added")).ToContainTextAsync("Added: In June 2021 a second seminar was delivered");
        await Evidence.ScreenshotAsync(TestContext, page, "import-assurance-compared-with-choice");
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task ARefusedUploadShowsItsPlainMessageAndSavesNothing()
    {
        var title = "The hidden victims (macro file)";
        var draftId = await StartDraftAsync(title);
        var drafter = await Server.ClientForAsync("drafter");
        var before = (await drafter.GetAsync($"/api/drafts/{draftId}")).Headers.ETag!.Tag;
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        await ContinueAsync(page, title);

        await page.GetByRole(AriaRole.Button, new() { Name = "Import the force's Word document" }).ClickAsync();
        await page.Locator("#assurance-file").SetInputFilesAsync(new FilePayload { Name = "force.docx", MimeType = ImportFiles.DocxType, Buffer = ImportFiles.MacroEnabled() });
        await page.Locator("#assurance-supplied-by").GetByRole(AriaRole.Textbox).FillAsync("DCI Example");
        var read = page.GetByRole(AriaRole.Button, new() { Name = "Read the document" });
        await read.ClickAsync();

        // The refusal is beside the button that was pressed, focused and announced; nothing at the top of the page.
        var refusal = page.Locator("#assurance-read + .field-error");
        await Expect(refusal).ToHaveTextAsync(
            "\"force.docx\" contains macros. Save it in Word as a Word Document (.docx), which removes them, and upload that copy.");
        await Expect(refusal).ToHaveAttributeAsync("role", "alert");
        await Expect(page.Locator("#assurance-read")).ToBeFocusedAsync();
        await Expect(page.Locator("#alert")).ToBeHiddenAsync();
        await Expect(page.Locator("#assurance-mapping")).ToBeHiddenAsync();
        Assert.AreEqual("DCI Example", await ValueAsync(page, "assurance-supplied-by"), "What was typed is kept.");
        await Evidence.ScreenshotAsync(TestContext, page, "import-assurance-refused");
        Assert.AreEqual(before, (await drafter.GetAsync($"/api/drafts/{draftId}")).Headers.ETag!.Tag);
        Assert.IsTrue(open.Problems.All(p => p.Contains("Failed to load resource", StringComparison.Ordinal)), string.Join("\n", open.Problems));
    }

    private static async Task UploadAsync(IPage page, string name, byte[] docx)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the force's Word document" }).ClickAsync();
        await page.Locator("#assurance-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = ImportFiles.DocxType, Buffer = docx });
        await page.Locator("#assurance-supplied-by").GetByRole(AriaRole.Textbox).FillAsync("Det Chief Supt Eamonn Bridger, Suffolk Constabulary");
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the document" }).ClickAsync();
        await Expect(page.Locator("#assurance-mapping-heading")).ToHaveTextAsync($"Match the sections of {name}");
    }

    private static async Task ContinueAsync(IPage page, string title) =>
        await page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) })
            .GetByRole(AriaRole.Button, new() { Name = "Continue the response" }).ClickAsync();

    private static async Task<string> StartDraftAsync(string title)
    {
        var admin = await Server.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/reports", ApiServer.HiddenVictimsReport(title, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7)));
        created.EnsureSuccessStatusCode();
        var reportId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var drafter = await Server.ClientForAsync("drafter");
        var draft = await drafter.PostAsJsonAsync("/api/drafts", new { reportId });
        draft.EnsureSuccessStatusCode();
        return (await draft.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static async Task<JsonObject> SavedReportAsync(string title)
    {
        var drafter = await Server.ClientForAsync("drafter");
        var reports = await drafter.GetFromJsonAsync<JsonArray>("/api/reports");
        var id = reports!.Single(r => r!["title"]!.GetValue<string>() == title)!["id"]!.GetValue<string>();
        return (await drafter.GetFromJsonAsync<JsonObject>($"/api/reports/{id}"))!;
    }

    private static async Task<string> ValueAsync(IPage page, string id) =>
        await page.EvaluateAsync<string>("id => document.getElementById(id).value", id);

    private async Task AssertAccessibleAsync(IPage page, string name)
    {
        await Evidence.ScreenshotAsync(TestContext, page, name);
        var violations = await Evidence.AxeAsync(TestContext, page, name);
        var blocking = violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.AreEqual(0, blocking.Count, string.Join("\n", blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes)})")));
    }

    private static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
