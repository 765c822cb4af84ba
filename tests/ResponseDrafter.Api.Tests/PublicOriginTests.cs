using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Tests.Workflow;

namespace ResponseDrafter.Api.Tests;

/// <summary>Absolute links come from the PublicOrigin setting only; a forged Host or forwarded header never reaches a notification.</summary>
[TestClass]
public sealed class PublicOriginTests
{
    [TestMethod]
    public async Task ARequestForAnotherHostIsRefused()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"{rig.Scenario.DraftUrl}/submit");
        forged.Headers.Host = "evil.example";
        forged.Headers.IfMatch.Add(new(await rig.ETagAsync()));

        var response = await client.SendAsync(forged);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.IsEmpty(await NotificationLinksAsync(host));
    }

    [TestMethod]
    public async Task NotificationLinksUseThePublicOriginWhateverTheRequestSays()
    {
        // Development also lets loopback names in, so this request reaches the endpoint with a Host that is not the public one.
        using var host = await ApiHost.StartAsync(environment: "Development");
        var rig = await SignOffRig.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{rig.Scenario.DraftUrl}/submit");
        request.Headers.Host = "localhost:6666";
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        request.Headers.Add("X-Forwarded-Proto", "http");
        request.Headers.IfMatch.Add(new(await rig.ETagAsync()));

        var response = await client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var links = await NotificationLinksAsync(host);
        Assert.IsNotEmpty(links);
        foreach (var link in links)
        {
            StringAssert.StartsWith(link, $"{ApiHost.PublicOrigin}/taskpane.html?draft=");
        }
    }

    [TestMethod]
    [DataRow(null, "PublicOrigin is required")]
    [DataRow("http://responsedrafter.opcc.example", "PublicOrigin must use https outside Development")]
    [DataRow("https://opcc.example/responsedrafter", "PublicOrigin must be an absolute URL with no path")]
    [DataRow("responsedrafter.opcc.example", "PublicOrigin must be an absolute URL with no path")]
    public void APublicOriginThatIsMissingOrNotHttpsStopsStartUpNamingTheKey(string? origin, string message)
    {
        using var host = ApiHost.Unstarted(EntraSettings(new() { ["PublicOrigin"] = origin }), "Production");

        var error = Assert.Throws<Exception>(() => host.Server);

        StringAssert.Contains(error.ToString(), message);
    }

    [TestMethod]
    public void AProxyThatIsNotAnAddressStopsStartUp()
    {
        using var host = ApiHost.Unstarted(
            EntraSettings(new() { ["PublicOrigin"] = ApiHost.PublicOrigin, ["ForwardedHeaders:KnownProxies:0"] = "proxy.opcc.example" }), "Production");

        var error = Assert.Throws<Exception>(() => host.Server);

        StringAssert.Contains(error.ToString(), "ForwardedHeaders:KnownProxies has 'proxy.opcc.example', which is not an IP address.");
    }

    [TestMethod]
    public void AllowedHostsIsNotSetByHand()
    {
        using var host = ApiHost.Unstarted(EntraSettings(new() { ["PublicOrigin"] = ApiHost.PublicOrigin, ["AllowedHosts"] = "*" }), "Production");

        var error = Assert.Throws<Exception>(() => host.Server);

        StringAssert.Contains(error.ToString(), "AllowedHosts is set from PublicOrigin");
    }

    [TestMethod]
    public async Task InDevelopmentWithoutASettingLinksPointAtTheServer()
    {
        using var host = ApiHost.StartLocal();

        var origin = host.Services.GetRequiredService<Http.PublicOrigin>();

        Assert.AreEqual("http://localhost/taskpane.html?draft=00000000-0000-0000-0000-000000000000", origin.DraftLink(Guid.Empty));
    }

    private static Dictionary<string, string?> EntraSettings(Dictionary<string, string?> settings)
    {
        settings["AzureAd:Instance"] = "https://login.microsoftonline.com/";
        settings["AzureAd:TenantId"] = "organizations";
        settings["AzureAd:ClientId"] = TestTokens.ClientId;
        return settings;
    }

    private static async Task<List<string>> NotificationLinksAsync(ApiHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().ActFor(Caller.TenantA);
        var payloads = await scope.ServiceProvider.GetRequiredService<DraftingDb>().Outbox.IgnoreQueryFilters()
            .Where(e => e.Kind == OutboxKinds.Notify).Select(e => e.Payload).ToListAsync();
        return [.. payloads.Select(p => JsonNode.Parse(p)!["notification"]!["link"]!.GetValue<string>())];
    }
}
