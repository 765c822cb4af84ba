using System.Net.Http.Headers;
using Microsoft.Playwright;
using ResponseDrafter.Browser.Tests.Infrastructure;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Publication;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace ResponseDrafter.Browser.Tests;

/// <summary>
/// The web version as the public reads it: served from an OPCC website (a loopback route standing in for it), with every
/// other request the page might make recorded and refused. axe-core finds nothing; nothing leaves the page.
/// </summary>
[TestClass]
public sealed class WebVersionTests : PaneTest
{
    private const string Published = "https://www.opcc.example/hmicfrs/hidden-victims-response.html";

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task TheWebVersionTheOutboxMadeIsAxeCleanAndAsksForNothingOnAStandInOpccSite()
    {
        var draftId = await Drafts.CompleteAsync("Web version: as the outbox made it", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20));
        await Drafts.SubmitAsync(draftId);
        await Drafts.DecideAsync("approver", draftId, "approve");
        await Drafts.DecideAsync("commissioner", draftId, "approve");
        using var drafter = await Server.ClientForAsync("drafter");
        var html = await WebVersionAsync(drafter, draftId);

        await AssertPublishableAsync(html, "web-version-outbox");
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task AWebVersionWithEveryAssurancePresentationAFootnoteAndAListIsAxeCleanAndAsksForNothing()
    {
        var example = LetterJson.Parse(await File.ReadAllTextAsync(RepositoryFiles.Path("templates", "examples", "essex-hidden-victims-2021.json"))).Letter!;
        var provenance = new Provenance { SuppliedBy = "Det Chief Supt Eamonn Bridger, Essex Police", ReceivedOn = new DateOnly(2021, 6, 16), SourceFileName = "MSHT briefing.docx" };
        var presentations = new[] { AssurancePresentation.QuotedInFull, AssurancePresentation.Summarised, AssurancePresentation.AnnexOnly };
        var letter = example with
        {
            Opening = example.Opening + " It is [published online](https://www.justiceinspectorates.gov.uk/hmicfrs/).[^1]\n\n[^1]: Published on 26 May 2021.",
            Responses = [.. example.Responses.Select((r, i) => i < presentations.Length
                ? r with
                {
                    Assurance = new Assurance
                    {
                        Text = $"The force's assurance on recommendation {r.Ref}:\n\n- guidance is on the intranet;\n- all officers are trained.",
                        Presentation = presentations[i],
                        Summary = presentations[i] == AssurancePresentation.Summarised ? "The force has trained its officers." : null,
                        Provenance = provenance,
                    },
                }
                : r)],
        };
        var assembled = LetterAssembler.Assemble(letter with { Signatory = letter.Signatory with { Signature = null } }, LetterTemplate.Default, LetterForm.Editing);
        Assert.IsNotNull(assembled.Letter, string.Join("\n", assembled.Problems));
        var html = WebVersion.Html(LetterSigning.Sign(assembled.Letter.Docx, null, "19 July 2021"));

        var page = await AssertPublishableAsync(html, "web-version-every-assurance");

        var comments = page.Locator("section.force-comments");
        await Expect(comments.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Annex: Force assurance");
        await Expect(comments.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveCountAsync(3);
        await Expect(comments.Locator(".provenance").First).ToContainTextAsync("Assurance supplied by Det Chief Supt Eamonn Bridger, Essex Police, received 16 June 2021");
        await comments.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.Locator("blockquote:target")).ToContainTextAsync("The force's assurance on recommendation 2:");
        await page.Locator("sup a").ClickAsync();
        await Expect(page.Locator("li:target")).ToContainTextAsync("Published on 26 May 2021.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to reference 1" }).ClickAsync();
        await Expect(page.Locator("a:target")).ToHaveTextAsync("1");
    }

    private static async Task<string> WebVersionAsync(HttpClient drafter, string draftId)
    {
        for (var waited = 0; waited < 90; waited++)
        {
            var response = await drafter.GetAsync($"/api/drafts/{draftId}/final/web");
            if (response.IsSuccessStatusCode)
            {
                Assert.AreEqual("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
                return await response.Content.ReadAsStringAsync();
            }

            await Task.Delay(1000);
        }

        Assert.Fail("The web version was not made within 90 s.");
        return string.Empty;
    }

    /// <summary>Serves the page as an OPCC's site would, at a desktop width and at 350 px: no request leaves it, axe finds nothing.</summary>
    private async Task<IPage> AssertPublishableAsync(string html, string name)
    {
        IPage? last = null;
        foreach (var width in new[] { 1280, 350 })
        {
            var open = await Chromium.OpenAsync(Server, "about:blank", width: width);
            var page = open.Playwright;
            var requests = new List<string>();
            await page.Context.RouteAsync("**/*", async route =>
            {
                if (route.Request.Url == Published)
                {
                    await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
                    return;
                }

                requests.Add(route.Request.Url);
                await route.AbortAsync();
            });
            var scripts = 0;
            page.Console += (_, message) => scripts++;

            await page.GotoAsync(Published);

            await Expect(page.Locator("h1")).ToHaveCountAsync(1);
            await Expect(page.Locator("header")).ToHaveCountAsync(1);
            await Expect(page.Locator("main")).ToHaveCountAsync(1);
            await Expect(page.Locator("script")).ToHaveCountAsync(0);
            Assert.IsTrue(await page.EvaluateAsync<bool>("() => [...document.images].every(i => i.complete)"), "a picture did not load from its data: URI");
            var shot = Path.Combine(Evidence.Folder(TestContext), $"{name}-{width}.png");
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            TestContext.AddResultFile(shot);
            var top = Path.Combine(Evidence.Folder(TestContext), $"{name}-{width}-top.png");
            await page.ScreenshotAsync(new() { Path = top });
            TestContext.AddResultFile(top);
            if (await page.Locator("section.force-comments").CountAsync() > 0)
            {
                var end = Path.Combine(Evidence.Folder(TestContext), $"{name}-{width}-comments-and-notes.png");
                await page.Locator("section.force-comments").EvaluateAsync("s => s.scrollIntoView()");
                await page.ScreenshotAsync(new() { Path = end });
                TestContext.AddResultFile(end);
            }
            var violations = await Evidence.AxeAsync(TestContext, page, $"{name}-{width}");
            Assert.IsEmpty(violations, string.Join("\n", violations.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes)})")));
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.IsLessThanOrEqualTo(widths[1], widths[0], $"{name} scrolls sideways at {width} px");
            Assert.IsEmpty(requests, "the page asked for: " + string.Join(", ", requests));
            Assert.AreEqual(0, scripts, "the page wrote to the console");
            last = page;
        }

        return last!;
    }
}
