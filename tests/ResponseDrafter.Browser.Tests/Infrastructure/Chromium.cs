using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ResponseDrafter.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright's own browser download is never used). Each page records
/// script errors and Content-Security-Policy violations so a test can assert there were none.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static async Task<Chromium> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>
    /// A page in a fresh context (its own session storage). <paramref name="inWord"/> swaps in the Office.js stand-in,
    /// <paramref name="inTeams"/> a Teams JS stand-in (the tab in Teams, announced by ?host=teams).
    /// <paramref name="openDocument"/> (with <paramref name="inWord"/>) is the .docx open in Word: its identity part and its bytes.
    /// </summary>
    public async Task<OpenPage> OpenAsync(
        ApiServer server, string path, bool inWord = false, int width = 350, bool bypassCsp = false, bool inTeams = false, byte[]? openDocument = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "en-GB",
            BypassCSP = bypassCsp,
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var session = new OpenPage(page);
        if (inWord)
        {
            await page.AddInitScriptAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Infrastructure", "office-stand-in.js")));
            if (openDocument is not null)
            {
                await page.AddInitScriptAsync(WordDocuments.OpeningScript(openDocument));
            }
            await page.RouteAsync("**/lib/office-js/office.js", route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "text/javascript",
                Body = "// replaced by the Office.js stand-in",
            }));
        }

        if (inTeams)
        {
            await page.RouteAsync("**/lib/teams-js/MicrosoftTeams.min.js", route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "text/javascript",
                Body = TeamsStandIn,
            }));
        }

        await page.GotoAsync(path);
        return session;
    }

    private const string TeamsStandIn = """
        window.microsoftTeams = {
          app: {
            initialize: async () => { window.__teamsInitialized = true; },
            getContext: async () => ({ app: { host: { name: 'Teams' } }, page: { id: 'deadline-board', frameContext: 'content' } }),
          },
        };
        """;

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}

public sealed class OpenPage
{
    private readonly ConcurrentQueue<string> problems = new();
    private readonly ConcurrentQueue<string> log = new();
    private readonly ConcurrentQueue<string> blockedTelemetry = new();

    public OpenPage(IPage page)
    {
        Playwright = page;
        page.Console += (_, message) =>
        {
            log.Enqueue($"{message.Type}: {message.Text}");
            if (message.Type != "error")
            {
                return;
            }

            if (IsOfficeTelemetryBlocked(message.Text))
            {
                blockedTelemetry.Enqueue(message.Text);
            }
            else
            {
                problems.Enqueue($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Enqueue($"page error: {error}");
    }

    public IPage Playwright { get; }

    /// <summary>
    /// The real office.js adds a hidden telemetry frame from telemetryservice.firstpartyapps.oaspapps.com
    /// three seconds after it loads. The pane's Content-Security-Policy refuses it (and the frame's
    /// <c>style="display:none"</c>) by design, so those two refusals are collected here, not as problems.
    /// </summary>
    public IReadOnlyCollection<string> BlockedTelemetry => blockedTelemetry;

    public IReadOnlyCollection<string> Problems => problems;

    /// <summary>Every console message, for diagnosing a failure.</summary>
    public IReadOnlyCollection<string> Log => log;

    private static bool IsOfficeTelemetryBlocked(string text) =>
        text.StartsWith("Framing 'https://telemetryservice.firstpartyapps.oaspapps.com/' violates the following Content Security Policy directive", StringComparison.Ordinal)
        || (text.StartsWith("Applying inline style violates the following Content Security Policy directive", StringComparison.Ordinal)
            && text.Contains("'sha256-aqNNdDLnnrDOnTNdkJpYlAxKVJtLt9CtFLklmInuUAE='", StringComparison.Ordinal)); // the hash of "display:none"

    public Task SignInAsync(string name) =>
        Playwright.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {name}" }).ClickAsync();
}
