using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests;

/// <summary>Pages carry their own policy plus frame-ancestors limited to Office and Teams; everything else nosniff and unframeable.</summary>
[TestClass]
public sealed class SecurityHeadersTests
{
    [TestMethod]
    [DataRow("/taskpane.html")]
    [DataRow("/")]
    [DataRow("/board.html")]
    public async Task APageIsServedWithItsOwnPolicyAndTheOfficeAndTeamsFrameAncestors(string path)
    {
        using var host = ApiHost.StartLocal();
        using var client = host.CreateClient();

        var response = await client.GetAsync(path);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        StringAssert.StartsWith(policy, "default-src 'self'; script-src 'self';");
        StringAssert.Contains(policy, "frame-ancestors 'self' https://*.cloud.microsoft https://teams.microsoft.com");
        Assert.DoesNotContain("frame-ancestors *", policy);
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [TestMethod]
    public async Task ThePolicyHeaderRepeatsThePagesMetaTag()
    {
        using var host = ApiHost.StartLocal();
        using var client = host.CreateClient();

        var response = await client.GetAsync("/taskpane.html");

        Assert.AreEqual(SecurityHeaders.PolicyOf(await response.Content.ReadAsStringAsync()), response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [TestMethod]
    [DataRow("/api/me")]
    [DataRow("/health/live")]
    [DataRow("/js/api.js")]
    public async Task EverythingElseIsNosniffAndCannotBeFramed(string path)
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.GetAsync(path);

        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual(SecurityHeaders.NotAPage, response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
