using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests;

/// <summary>The built-in rate limiter, per user, on the expensive endpoints: 429 with Retry-After and ProblemDetails.</summary>
[TestClass]
public sealed class RateLimitTests
{
    private static readonly Dictionary<string, string?> TwoPerWindow = new()
    {
        ["RateLimiting:Decisions:PermitLimit"] = "2",
        ["RateLimiting:Decisions:Window"] = "00:10:00",
        ["RateLimiting:SignIn:PermitLimit"] = "2",
        ["RateLimiting:SignIn:Window"] = "00:10:00",
    };

    [TestMethod]
    public async Task TooManyDecisionsFromOneUserAre429WithRetryAfterWhileAnotherUserCarriesOn()
    {
        using var host = await ApiHost.StartAsync(extra: TwoPerWindow);
        var scenario = await Scenario.CreateAsync(host);
        using var approver = host.ClientFor(Caller.HeadOfPolicy);
        using var other = host.ClientFor(Caller.Commissioner);
        var url = $"{scenario.DraftUrl}/decisions";

        for (var i = 0; i < 2; i++)
        {
            Assert.AreNotEqual(HttpStatusCode.TooManyRequests, (await approver.SendRawAsync(HttpMethod.Post, url, "{}")).StatusCode);
        }

        var refused = await approver.SendRawAsync(HttpMethod.Post, url, "{}");

        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.AreEqual("Too many requests", problem["title"]!.GetValue<string>());
        Assert.IsTrue(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 600 }, refused.Headers.RetryAfter?.ToString());
        Assert.AreNotEqual(HttpStatusCode.TooManyRequests, (await other.SendRawAsync(HttpMethod.Post, url, "{}")).StatusCode);
    }

    [TestMethod]
    public async Task LocalSignInIsLimitedPerAddress()
    {
        using var host = ApiHost.StartLocal(TwoPerWindow);
        using var client = host.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            Assert.AreEqual(HttpStatusCode.OK, (await client.PostAsJsonAsync("/dev/sign-in", new LocalSignInRequest("drafter"))).StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/dev/sign-in", new LocalSignInRequest("drafter"));

        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.IsNotNull(refused.Headers.RetryAfter);
    }

    [TestMethod]
    public async Task ALimitOfNothingStopsStartUpNamingIt()
    {
        // A plain host with the app's own registration: the refusal is the options check's, not the test server's.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["RateLimiting:Uploads:PermitLimit"] = "0" });
        builder.Services.AddRateLimits();
        using var host = builder.Build();

        var error = await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => host.StartAsync());

        StringAssert.Contains(error.Message, "PermitLimit");
    }

    [TestMethod]
    public void TheCallerIsTheTokensUserOrElseTheAddress()
    {
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new("tid", "t1"), new("oid", "u1")], authenticationType: "Bearer"));

        Assert.AreEqual("user:t1:u1", Http.RateLimits.CallerKey(user, "10.0.0.1"));
        Assert.AreEqual("address:10.0.0.1", Http.RateLimits.CallerKey(new(), "10.0.0.1"));
    }
}
