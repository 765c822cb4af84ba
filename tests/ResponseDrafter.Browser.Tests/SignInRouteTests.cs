using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ResponseDrafter.Browser.Tests.Infrastructure;

namespace ResponseDrafter.Browser.Tests;

/// <summary>
/// Microsoft 365 sign-in in Word: nested app authentication where Word supports the NestedAppAuth 1.1 requirement set,
/// otherwise Microsoft's documented fallback, a sign-in in an Office dialog that sends the token back to the pane.
/// </summary>
[TestClass]
public sealed class SignInRouteTests : PaneTest
{
    [TestMethod]
    public async Task AWordWithNestedAppAuthenticationSignsInThroughItThroughTheOfficeJsStandIn()
    {
        var page = await PaneAsync();

        Assert.AreEqual("nested", await page.EvaluateAsync<string>("async () => (await import('./js/auth.js')).signInRoute({ kind: 'word' })"));
        var asked = (await CallsAsync(page)).Single(c => c["call"]!.GetValue<string>() == "requirements.isSetSupported");
        Assert.AreEqual("NestedAppAuth", asked["name"]!.GetValue<string>());
        Assert.AreEqual("1.1", asked["version"]!.GetValue<string>());
        Assert.AreEqual("msal", await page.EvaluateAsync<string>("async () => (await import('./js/auth.js')).signInRoute({ kind: 'teams' })"),
            "Outside Word, MSAL chooses: Teams brokers nested app authentication itself.");
    }

    [TestMethod]
    public async Task AWordWithoutNestedAppAuthenticationSignsInInAnOfficeDialogThroughTheOfficeJsStandIn()
    {
        var page = await PaneAsync();
        await page.EvaluateAsync("() => { delete window.__officeRequirements.NestedAppAuth; }");

        Assert.AreEqual("dialog", await page.EvaluateAsync<string>("async () => (await import('./js/auth.js')).signInRoute({ kind: 'word' })"));

        await page.EvaluateAsync("async () => { window.__signedIn = (await import('./js/auth.js')).signInInDialog(); }");
        await page.WaitForFunctionAsync("() => window.__officeDialog !== undefined");
        await page.EvaluateAsync("() => window.__officeDialog.send(JSON.stringify({ accessToken: 'token-from-the-dialog', expiresOn: '2099-01-01T00:00:00Z' }))");
        Assert.AreEqual("token-from-the-dialog", await page.EvaluateAsync<string>("async () => (await window.__signedIn).accessToken"));
        var calls = await CallsAsync(page);
        var opened = calls.Single(c => c["call"]!.GetValue<string>() == "ui.displayDialogAsync");
        Assert.AreEqual(new Uri(Server.Address, "/sign-in-dialog.html").ToString(), opened["url"]!.GetValue<string>());
        Assert.AreEqual(1, calls.Count(c => c["call"]!.GetValue<string>() == "dialog.close"), "The dialog is closed once it has answered.");
    }

    [TestMethod]
    public async Task ClosingTheSignInDialogSaysWhatToDoThroughTheOfficeJsStandIn()
    {
        var page = await PaneAsync();

        var message = await page.EvaluateAsync<string>(@"async () => {
            const signedIn = (await import('./js/auth.js')).signInInDialog();
            while (!window.__officeDialog) await new Promise((r) => setTimeout(r, 10));
            window.__officeDialog.closeByUser();
            try { await signedIn; return 'signed in'; } catch (error) { return error.message; }
        }");

        Assert.AreEqual("The Microsoft 365 sign-in window was closed before you signed in. Reopen ResponseDrafter to sign in.", message);
    }

    [TestMethod]
    public async Task TheSignInDialogPageLoadsOfficeJsAndKeepsTheStrictPolicy()
    {
        using var client = new HttpClient { BaseAddress = Server.Address };

        var page = await client.GetStringAsync("/sign-in-dialog.html");

        StringAssert.Contains(page, "<script src=\"lib/office-js/office.js\"></script>");
        StringAssert.Contains(page, "script-src 'self';");
    }

    private static async Task<IPage> PaneAsync()
    {
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true, width: 350);
        await open.SignInAsync("Dana Drafter");
        await open.Playwright.EvaluateAsync("() => { window.__wordCalls.length = 0; }");
        return open.Playwright;
    }

    private static async Task<List<JsonObject>> CallsAsync(IPage page) =>
        JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__wordCalls)"))!.AsArray().Select(n => n!.AsObject()).ToList();
}
