using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ResponseDrafter.Api.Http;
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
    public async Task APublicOriginThatIsMissingOrNotHttpsStopsStartUpNamingTheKey(string? origin, string message)
    {
        var error = await StartFailsAsync(new() { ["PublicOrigin"] = origin });

        StringAssert.Contains(error.Message, message);
    }

    [TestMethod]
    public async Task AProxyThatIsNotAnAddressStopsStartUp()
    {
        var error = await StartFailsAsync(new() { ["PublicOrigin"] = ApiHost.PublicOrigin, ["ForwardedHeaders:KnownProxies:0"] = "proxy.opcc.example" });

        StringAssert.Contains(error.Message, "ForwardedHeaders:KnownProxies has 'proxy.opcc.example', which is not an IP address.");
    }

    [TestMethod]
    public void AllowedHostsIsNotSetByHand()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["PublicOrigin"] = ApiHost.PublicOrigin, ["AllowedHosts"] = "*" });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddPublicOrigin());

        StringAssert.Contains(error.Message, "AllowedHosts is set from PublicOrigin");
    }

    [TestMethod]
    public async Task InDevelopmentWithoutASettingLinksPointAtTheServer()
    {
        using var host = ApiHost.StartLocal();

        var origin = host.Services.GetRequiredService<Http.PublicOrigin>();

        Assert.AreEqual("http://localhost/taskpane.html?draft=00000000-0000-0000-0000-000000000000", origin.DraftLink(Guid.Empty));
    }

    /// <summary>Starts a plain Production host with the app's own PublicOrigin registration, which must refuse to start.</summary>
    private static async Task<OptionsValidationException> StartFailsAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPublicOrigin();
        using var host = builder.Build();
        return await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => host.StartAsync());
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
