using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;
using ResponseDrafter.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResponseDrafter.Browser.Tests;

/// <summary>The submit screen shows what Word's Accessibility Checker would find in the saved document, and submitting is refused while there is an error.</summary>
[TestClass]
public sealed class AccessibilityCheckOnSubmitTests : PaneTest
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [TestMethod]
    public async Task TheSubmitScreenListsEachFindingWithWhereToFixItAndSubmittingIsRefusedThroughTheOfficeJsStandIn()
    {
        var title = "Sign-off: words in red";
        var draftId = await Drafts.CompleteAsync(title, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10));
        await SaveFromWordAsync(draftId, " (urgent, see the table below)");

        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: 350);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        await page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) })
            .GetByRole(AriaRole.Button, new() { Name = "Continue the response" }).ClickAsync();

        var check = page.GetByRole(AriaRole.Region, new() { Name = "Accessibility check" });
        await Expect(check).ToContainTextAsync("Accessibility: 1 thing to fix in Word before this can be submitted.");
        var finding = check.Locator("li");
        await Expect(finding).ToHaveCountAsync(1);
        await Expect(finding.Locator(".a11y-where")).ToHaveTextAsync("Must fix · Letter body, “Dear Home Secretary (urgent, see the table below)”");
        await Expect(finding).ToContainTextAsync("are set apart only by colour, which a reader who cannot see colour misses.");
        await Expect(finding).ToContainTextAsync("In Word: say in words why they stand out, or make them bold as well");
        await Evidence.ScreenshotAsync(TestContext, page, "sign-off-accessibility-1-findings");

        var submit = page.GetByRole(AriaRole.Button, new() { Name = "Submit for sign-off" });
        await submit.ClickAsync();

        var refusal = page.Locator("#submit + .field-error");
        await Expect(refusal).ToContainTextAsync("The letter is not accessible yet: Word's Accessibility Checker would find 1 error in the document.");
        await Expect(refusal.Locator("li")).ToHaveTextAsync(new[]
        {
            "Letter body: Some words, “(urgent, see the table below)”, are set apart only by colour, which a reader who cannot see colour misses.",
        });
        await Expect(refusal).Not.ToContainTextAsync("colour-only");
        await Expect(submit).ToBeFocusedAsync();
        await Expect(check.Locator("li")).ToHaveCountAsync(1);
        await Evidence.ScreenshotAsync(TestContext, page, "sign-off-accessibility-2-refused");
        await AccessibilityTests.AssertAccessibleAsync(TestContext, page, "axe-sign-off-accessibility");

        var workflow = await Drafts.WorkflowAsync(draftId);
        Assert.AreEqual("drafting", workflow["state"]!.GetValue<string>());
        Assert.AreEqual(0, workflow["versions"]!.AsArray().Count, "Nothing was submitted.");
        // The browser logs the refused submission (409) itself; nothing else went wrong.
        var problems = open.Problems.Where(p => !p.Contains("the server responded with a status of 409", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(1, open.Problems.Count - problems.Count, string.Join("\n", open.Problems));
        Assert.IsEmpty(problems, string.Join("\n", problems));
    }

    [TestMethod]
    public async Task ACleanLetterSaysThereIsNothingToFixAndGoesForSignOffThroughTheOfficeJsStandIn()
    {
        var title = "Sign-off: accessible";
        await Drafts.CompleteAsync(title, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10));

        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: 350);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        await page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) })
            .GetByRole(AriaRole.Button, new() { Name = "Continue the response" }).ClickAsync();

        var check = page.GetByRole(AriaRole.Region, new() { Name = "Accessibility check" });
        await Expect(check).ToHaveTextAsync("Accessibility: Word's Accessibility Checker would find nothing to fix.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for sign-off" }).ClickAsync();
        await Expect(page.Locator("#submit-result")).ToContainTextAsync("Submitted for sign-off.");
        await Expect(check).ToBeEmptyAsync();
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    /// <summary>What a drafter who coloured some words red in Word would have saved: the draft's document with a red run after the salutation.</summary>
    private static async Task SaveFromWordAsync(string draftId, string redWords)
    {
        using var drafter = await Server.ClientForAsync("drafter");
        var read = await drafter.GetAsync($"/api/drafts/{draftId}/document");
        Assert.AreEqual(HttpStatusCode.OK, read.StatusCode, await read.Content.ReadAsStringAsync());
        var etag = read.Headers.ETag!;
        using var stream = new MemoryStream();
        stream.Write(await read.Content.ReadAsByteArrayAsync());
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var salutation = document.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>()
                .First(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value == "salutation").Ancestors<Paragraph>().First();
            salutation.Append(new Run(new RunProperties(new Color { Val = "C00000" }), new Text(redWords) { Space = SpaceProcessingModeValues.Preserve }));
        }

        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/drafts/{draftId}/document") { Content = new ByteArrayContent(stream.ToArray()) };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue(DocxType);
        put.Headers.IfMatch.Add(etag);
        var saved = await drafter.SendAsync(put);
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
    }
}
