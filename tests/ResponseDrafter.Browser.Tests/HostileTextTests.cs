using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ResponseDrafter.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResponseDrafter.Browser.Tests;

/// <summary>
/// Text from drafters, the force and the catalogue is shown as text. The pages run with their Content-Security-Policy
/// bypassed here, so what is proved is the rendering itself (textContent, never HTML), not only the policy.
/// </summary>
[TestClass]
public sealed class HostileTextTests : PaneTest
{
    private const string ScriptTag = "<script>window.__pwned=1</script>";
    private const string ImageTag = "<img src=x onerror=\"window.__pwned=1\">";
    private const string SvgTag = "<svg onload=\"window.__pwned=1\"></svg>";

    // The letter's markup refuses HTML tags; escaped, they are text the letter prints, and still hostile to a page that
    // would treat them as HTML.
    private static readonly string ScriptText = Escaped(ScriptTag);
    private static readonly string ImageText = Escaped(ImageTag);
    private static readonly string SvgText = Escaped(SvgTag);


    [TestMethod]
    public async Task MarkupInAssuranceAndCommentaryShowsAsTextAndNeverRuns()
    {
        var title = $"Hostile report {ImageTag}";
        var admin = await Server.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/reports", ApiServer.HiddenVictimsReport(title, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5)));
        created.EnsureSuccessStatusCode();
        var reportId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var drafter = await Server.ClientForAsync("drafter");
        var draftResponse = await drafter.PostAsJsonAsync("/api/drafts", new { reportId });
        draftResponse.EnsureSuccessStatusCode();
        var draft = (await draftResponse.Content.ReadFromJsonAsync<JsonObject>())!;
        var draftId = draft["id"]!.GetValue<string>();
        var refs = draft["selection"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        var throughApi = refs[1];
        var etag = draftResponse.Headers.ETag!.Tag;
        etag = await PutAsync(drafter, $"/api/drafts/{draftId}/responses/{throughApi}/assurance", new { text = ScriptText + " and " + SvgText, suppliedBy = SvgTag, presentation = (string?)null, summary = (string?)null }, etag);
        await PutAsync(drafter, $"/api/drafts/{draftId}/responses/{throughApi}", new { commentary = ImageText, status = "action-proposed", reason = (string?)null }, etag);

        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, bypassCsp: true);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToHaveTextAsync(title);
        await page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) })
            .GetByRole(AriaRole.Button, new() { Name = "Continue the response" }).ClickAsync();

        await DrafterFlowTests.ChooseAsync(page, "2");
        await page.Locator("#item-panel summary", new() { HasText = "The force's assurance" }).ClickAsync();
        await page.Locator("#item-2-assurance").FillAsync(ScriptText);
        await page.Locator("#item-2-suppliedBy").FillAsync(ImageTag);
        await page.Locator("#item-2-save-assurance").ClickAsync();
        await Expect(page.Locator("#item-2-result")).ToHaveTextAsync("Assurance for Recommendation 2 saved.");
        await DrafterFlowTests.AnswerAsync(page, "2", ImageText + SvgText);

        await page.ReloadAsync();
        await page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) })
            .GetByRole(AriaRole.Button, new() { Name = "Continue the response" }).ClickAsync();
        await Expect(page.Locator("#deadline")).ToContainTextAsync(title);
        await DrafterFlowTests.ChooseAsync(page, "2");
        Assert.AreEqual(ScriptText, await ValueAsync(page, "item-2-assurance"));
        Assert.AreEqual(ImageText + SvgText, await ValueAsync(page, "item-2-commentary"));
        await Expect(page.Locator("#item-panel .provenance")).ToContainTextAsync($"supplied by {ImageTag}");
        await DrafterFlowTests.ChooseAsync(page, throughApi);
        Assert.AreEqual(ScriptText + " and " + SvgText, await ValueAsync(page, $"item-{throughApi}-assurance"));
        Assert.AreEqual(ImageText, await ValueAsync(page, $"item-{throughApi}-commentary"));
        await Expect(page.Locator("#item-panel .provenance")).ToContainTextAsync($"supplied by {SvgTag}");
        await Expect(page.Locator($"#nav-{throughApi}")).ToContainTextAsync("Complete");
        await Evidence.ScreenshotAsync(TestContext, page, "hostile-text-drafter");

        var board = await Chromium.OpenAsync(Server, "/board.html", width: 1280, bypassCsp: true);
        await board.SignInAsync("Avery Approver");
        await Expect(board.Playwright.Locator("#board-rows")).ToContainTextAsync(title);
        await Evidence.ScreenshotAsync(TestContext, board.Playwright, "hostile-text-board");

        foreach (var shown in new[] { page, board.Playwright })
        {
            Assert.IsTrue(await shown.EvaluateAsync<bool>("() => window.__pwned === undefined"), "Injected markup ran.");
            Assert.AreEqual(0, await shown.EvaluateAsync<int>("() => document.querySelectorAll('main img, main svg, main script').length"),
                "Injected markup became elements.");
        }
    }

    [TestMethod]
    public async Task PagesRefuseInlineScriptsThroughTheirContentSecurityPolicy()
    {
        foreach (var path in new[] { "/index.html", "/taskpane.html", "/board.html", "/board-config.html" })
        {
            var open = await Chromium.OpenAsync(Server, path);
            var ran = await open.Playwright.EvaluateAsync<bool>(
                """
                async () => {
                  const script = document.createElement('script');
                  script.textContent = 'window.__inline = 1';
                  document.head.append(script);
                  await new Promise(r => setTimeout(r, 50));
                  return window.__inline === 1;
                }
                """);
            Assert.IsFalse(ran, $"{path} ran an inline script.");
        }
    }

    private static async Task<string> ValueAsync(IPage page, string id) =>
        await page.EvaluateAsync<string>("id => document.getElementById(id).value", id);

    private static async Task<string> PutAsync(HttpClient client, string path, object body, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.Tag;
    }

    private static string Escaped(string html) => html.Replace("<", "\\<", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
