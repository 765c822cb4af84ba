using System.Net;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests;

/// <summary>Tokens go through the real JwtBearer + Microsoft.Identity.Web validation: issuer, audience, signature, lifetime, scope, roles.</summary>
[TestClass]
public sealed class AuthenticationTests
{
    [TestMethod]
    public async Task AnEntraTokenSignsTheUserInToTheirTenant()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);

        var me = await (await client.GetAsync("/api/me")).ReadAsync<MeDto>();

        Assert.AreEqual(Caller.TenantA, me.TenantId);
        Assert.AreEqual("entra", me.SignInMode);
        CollectionAssert.AreEqual(new[] { "Drafter" }, me.Roles.ToArray());
        Assert.IsNull(me.Notice);
    }

    [TestMethod]
    public async Task ATokenSignedWithAnotherKeyIsRefused() =>
        await AssertStatusAsync(TestTokens.For(Caller.Drafter, wrongKey: true), HttpStatusCode.Unauthorized);

    [TestMethod]
    public async Task ATokenForAnotherApplicationIsRefused() =>
        await AssertStatusAsync(TestTokens.For(Caller.Drafter, audience: "api://someone-else"), HttpStatusCode.Unauthorized);

    [TestMethod]
    public async Task AnExpiredTokenIsRefused() =>
        await AssertStatusAsync(TestTokens.For(Caller.Drafter, expires: DateTime.UtcNow.AddMinutes(-10)), HttpStatusCode.Unauthorized);

    [TestMethod]
    public async Task ATokenWhoseIssuerIsAnotherTenantThanItsTidIsRefused() =>
        await AssertStatusAsync(TestTokens.For(Caller.Drafter, issuer: TestTokens.IssuerFor(Caller.TenantB)), HttpStatusCode.Unauthorized);

    [TestMethod]
    public async Task ATokenFromAnotherAuthorityIsRefused() =>
        await AssertStatusAsync(TestTokens.For(Caller.Drafter, issuer: $"https://sts.example.org/{Caller.TenantA}/v2.0"), HttpStatusCode.Unauthorized);

    [TestMethod]
    public async Task ATokenWithoutTheApiScopeIsForbidden() =>
        await AssertStatusAsync(TestTokens.For(Caller.Drafter, scope: "User.Read"), HttpStatusCode.Forbidden);

    [TestMethod]
    public async Task ATokenWithNeitherScopeNorRolesIsRefused() =>
        await AssertStatusAsync(TestTokens.For(Caller.Drafter with { Roles = [] }, scope: null), HttpStatusCode.Unauthorized);

    [TestMethod]
    public async Task AUserWithoutAnAppRoleCannotReadReports()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter with { Roles = [] });

        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await client.GetAsync("/api/reports")).StatusCode);
    }

    [TestMethod]
    public async Task AnAnonymousCallGetsProblemDetails()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(null);

        var problem = await (await client.GetAsync("/api/reports")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.AreEqual(401, (int)problem["status"]!);
    }

    private static async Task AssertStatusAsync(string token, HttpStatusCode expected)
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientWithToken(token);

        var response = await client.GetAsync("/api/reports");

        Assert.AreEqual(expected, response.StatusCode);
    }
}
