using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests;

/// <summary>The embedded default: Development, no Entra settings, a visibly labelled local sign-in on loopback only.</summary>
[TestClass]
public sealed class LocalSignInTests
{
    [TestMethod]
    public async Task ALocalUserSignsInAndIsLabelledAsLocalDevelopment()
    {
        using var host = ApiHost.StartLocal();
        using var client = host.CreateClient();

        var users = await (await client.GetAsync("/dev/users")).ReadAsync<List<LocalUserDto>>();
        var token = await (await client.PostAsJsonAsync("/dev/sign-in", new LocalSignInRequest("drafter"), HttpCalls.Json)).ReadAsync<LocalToken>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var response = await client.GetAsync("/api/me");
        var me = await response.ReadAsync<MeDto>();

        CollectionAssert.Contains(users.Select(u => u.Id).ToList(), "drafter");
        Assert.AreEqual("local-development", me.SignInMode);
        Assert.IsNotNull(me.Notice);
        CollectionAssert.AreEqual(new[] { "Drafter" }, me.Roles.ToArray());
        Assert.AreEqual("local-development", response.Headers.GetValues("X-Sign-In-Mode").Single());
    }

    [TestMethod]
    public async Task EveryResponseIsLabelledInLocalDevelopmentMode()
    {
        using var host = ApiHost.StartLocal();
        using var client = host.CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.AreEqual("local-development", response.Headers.GetValues("X-Sign-In-Mode").Single());
    }

    [TestMethod]
    public async Task AnUnknownLocalUserIsNamedInTheProblem()
    {
        using var host = ApiHost.StartLocal();
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("/dev/sign-in", new LocalSignInRequest("mallory"), HttpCalls.Json);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.AreEqual(1, problem.ErrorsFor("user").Count);
    }

    [TestMethod]
    public void LocalSignInRefusesToStartOnANonLoopbackAddress()
    {
        using var host = ApiHost.Unstarted(new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:5180" }, "Development");

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => host.Server);

        StringAssert.Contains(error.Message, "loopback");
        StringAssert.Contains(error.Message, "0.0.0.0");
    }

    [TestMethod]
    public void LocalSignInIsNotAvailableOutsideDevelopment()
    {
        using var host = ApiHost.Unstarted(new Dictionary<string, string?>(), "Production");

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => host.Server);

        StringAssert.Contains(error.Message, "AzureAd:ClientId");
    }

    [TestMethod]
    public async Task EntraSettingsTurnTheLocalSignInOff()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.CreateClient();

        var response = await client.GetAsync("/dev/users");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.IsFalse(response.Headers.Contains("X-Sign-In-Mode"));
    }

    [TestMethod]
    public async Task TheFirstRunOfTheEmbeddedDefaultHasASampleProfileAndReports()
    {
        using var host = ApiHost.StartLocal();
        using var client = host.CreateClient();
        var token = await (await client.PostAsJsonAsync("/dev/sign-in", new LocalSignInRequest("admin"), HttpCalls.Json)).ReadAsync<LocalToken>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);

        var reports = await (await client.GetAsync("/api/reports")).ReadAsync<List<ReportSummaryDto>>();
        var profile = await (await client.GetAsync("/api/profile")).ReadAsync<ProfileDto>();

        Assert.AreEqual(2, reports.Count, "the historic report and one whose deadline is still running");
        Assert.IsTrue(reports.Any(r => r.Title.StartsWith("The hidden victims", StringComparison.Ordinal)));
        StringAssert.Contains(profile.Name, "Wessex");
    }

    [TestMethod]
    public async Task TheSampleIsNeverLoadedInProduction()
    {
        using var host = await ApiHost.StartAsync(environment: "Production", extra: new Dictionary<string, string?> { ["Sample:Load"] = "true" });
        using var client = host.ClientFor(Caller.Admin);

        Assert.AreEqual(HttpStatusCode.NotFound, (await client.GetAsync("/api/profile")).StatusCode);
        Assert.AreEqual(0, (await (await client.GetAsync("/api/reports")).ReadAsync<List<ReportSummaryDto>>()).Count);
    }
}
