using System.Text.RegularExpressions;
using ResponseDrafter.Api.TaskPane;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests;

/// <summary>
/// Office.js comes from Microsoft's CDN in Production (the add-in store requires it) and from the local copy in
/// development and tests; each page's Content-Security-Policy allows the CDN exactly when it is used.
/// </summary>
[TestClass]
public sealed partial class OfficeJsTests
{
    [TestMethod]
    public async Task ProductionLoadsOfficeJsFromMicrosoftsCdnAndItsPolicyAllowsThatOriginForScripts()
    {
        using var host = await ApiHost.StartAsync(environment: "Production");
        using var client = host.CreateClient();

        var page = await client.GetStringAsync("/taskpane.html");

        StringAssert.Contains(page, "<script src=\"https://appsforoffice.microsoft.com/lib/1/hosted/office.js\"></script>");
        Assert.DoesNotContain("lib/office-js/office.js", page);
        var policy = Policy(page);
        StringAssert.Contains(policy, "script-src 'self' https://appsforoffice.microsoft.com;");
        StringAssert.Contains(policy, "default-src 'self';");
        StringAssert.Contains(policy, "object-src 'none';");
    }

    [TestMethod]
    public async Task DevelopmentLoadsTheLocalCopyAndItsPolicyAllowsScriptsFromItsOwnOriginOnly()
    {
        using var host = ApiHost.StartLocal();
        using var client = host.CreateClient();

        var page = await client.GetStringAsync("/taskpane.html");

        StringAssert.Contains(page, "<script src=\"lib/office-js/office.js\"></script>");
        Assert.DoesNotContain("appsforoffice", page);
        StringAssert.Contains(Policy(page), "script-src 'self';");
    }

    [TestMethod]
    public async Task ConfigurationChoosesTheSourceWhateverTheEnvironment()
    {
        using var cdn = await ApiHost.StartAsync(extra: new Dictionary<string, string?> { ["OfficeJs:Source"] = "Cdn" });
        using var local = await ApiHost.StartAsync(environment: "Production", extra: new Dictionary<string, string?> { ["OfficeJs:Source"] = "Local" });

        StringAssert.Contains(await cdn.CreateClient().GetStringAsync("/taskpane.html"), OfficeJs.CdnScript);
        StringAssert.Contains(await local.CreateClient().GetStringAsync("/taskpane.html"), OfficeJs.LocalScript);
    }

    [TestMethod]
    public async Task PagesThatDoNotLoadOfficeJsKeepTheirStrictPolicyInProduction()
    {
        using var host = await ApiHost.StartAsync(environment: "Production");
        using var client = host.CreateClient();

        foreach (var path in new[] { "/board.html", "/index.html", "/" })
        {
            var page = await client.GetStringAsync(path);
            Assert.DoesNotContain("appsforoffice", page, path);
            StringAssert.Contains(Policy(page), "script-src 'self';", path);
        }
    }

    [TestMethod]
    public void APageWhoseTagOrPolicyCannotBeFoundStopsStartUpNamingIt()
    {
        var noTag = Assert.ThrowsExactly<InvalidOperationException>(() => OfficeJs.ForCdn("<html><script src=\"office.js\"></script></html>", "odd.html"));
        StringAssert.Contains(noTag.Message, "odd.html");
        var noPolicy = Assert.ThrowsExactly<InvalidOperationException>(() => OfficeJs.ForCdn("<script src=\"lib/office-js/office.js\"></script>", "loose.html"));
        StringAssert.Contains(noPolicy.Message, "Content-Security-Policy");
    }

    private static string Policy(string page) => PolicyPattern().Match(page).Groups[1].Value;

    [GeneratedRegex("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"")]
    private static partial Regex PolicyPattern();
}
