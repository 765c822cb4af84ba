using System.Diagnostics;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests.Integrations;

/// <summary>
/// What the Graph adapters do when Entra refuses, does not answer, or has nothing cached: the app's own token acquisition
/// (Microsoft.Identity.Web) against the loopback Entra stand-in, made to refuse or delay, never a fake token source.
/// </summary>
[TestClass]
public sealed class GraphTokenFailuresTests
{
    [TestMethod]
    public async Task TheAppsGraphTokenIsAskedForOnceAndThenComesFromTheTokenCache_AgainstLoopbackEntraStandIn()
    {
        await using var rig = await GraphRig.StartAsync();

        await rig.Documents.SaveAsync(GraphRig.Tenant, new DocumentToStore("Drafts/t-1", "v1.docx", Samples.Bytes(1_000, seed: 11)), CancellationToken.None);
        await rig.Documents.SaveAsync(GraphRig.Tenant, new DocumentToStore("Drafts/t-1", "v2.docx", Samples.Bytes(1_000, seed: 12)), CancellationToken.None);

        var asked = rig.Entra.TokenRequests.Where(r => r.GrantType == "client_credentials").ToList();
        Assert.HasCount(1, asked, "two uploads, one token");
        Assert.AreEqual(GraphRig.Tenant, asked.Single().Tenant, "asked for in the OPCC's own tenant");
        Assert.AreEqual("https://graph.microsoft.com/.default", asked.Single().Scope);
    }

    [TestMethod]
    public async Task WhenEntraRefusesToExchangeTheSubmittersTokenNoSessionIsStartedAndTheWorkActsAsTheApp_AgainstLoopbackEntraStandIn()
    {
        await using var rig = await GraphRig.StartAsync();
        rig.Entra.Refuse(EntraStandIn.JwtBearerGrant);

        var session = await rig.TryUserSessionAsync(GraphRig.InTenant(Caller.Drafter));
        await rig.Documents.SaveAsync(GraphRig.Tenant, new DocumentToStore("Drafts/t-2", "v1.docx", Samples.Bytes(1_000, seed: 13), session), CancellationToken.None);

        Assert.IsNull(session, "the refusal does not fail the submission; it starts no session");
        Assert.AreEqual(EntraStandIn.JwtBearerGrant, rig.Entra.TokenRequests[0].GrantType, "the exchange was asked for and refused");
        var token = await rig.Entra.GraphTokenAsync(rig.Graph.RequestsTo(GraphRoute.Upload).Single().Authorization, GraphRig.Tenant);
        Assert.AreEqual("app", token.GetClaim("idtyp").Value);
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task AnEntraThatDoesNotAnswerDelaysStartingASessionOnlyUntilTheSessionTimeout_AgainstLoopbackEntraStandIn()
    {
        await using var rig = await GraphRig.StartAsync(new Dictionary<string, string?> { ["Integrations:Graph:UserSessionTimeout"] = "00:00:01" });
        rig.Entra.TokenDelay = TimeSpan.FromSeconds(50);

        var clock = Stopwatch.StartNew();
        var session = await rig.TryUserSessionAsync(GraphRig.InTenant(Caller.Drafter));
        clock.Stop();
        rig.Entra.TokenDelay = TimeSpan.Zero;

        Assert.IsNull(session);
        Assert.IsLessThan(TimeSpan.FromSeconds(20), clock.Elapsed, "the session timeout (1 s) ended the wait, not Entra's 50 s");
        Assert.IsTrue(rig.Entra.Requests.Any(r => r.StartsWith("POST ", StringComparison.Ordinal) && r.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal)),
            $"the exchange was asked for: {string.Join(", ", rig.Entra.Requests)}");
    }

    [TestMethod]
    public async Task WorkForASessionWhoseCacheEntryIsGoneIsDoneAsTheApp_AgainstLoopbackEntraStandIn()
    {
        await using var rig = await GraphRig.StartAsync();
        var drafter = GraphRig.InTenant(Caller.Drafter);
        var session = await rig.UserSessionAsync(drafter);

        // The same work after a restart onto an empty token cache (another database): the session's key is all that is left.
        await using var restarted = await GraphRig.StartAsync(sharedGraph: rig.Graph);
        await restarted.Documents.SaveAsync(GraphRig.Tenant, new DocumentToStore("Drafts/t-3", "v1.docx", Samples.Bytes(1_000, seed: 14), session), CancellationToken.None);

        var token = await restarted.Entra.GraphTokenAsync(rig.Graph.RequestsTo(GraphRoute.Upload).Single().Authorization, GraphRig.Tenant);
        Assert.AreEqual("app", token.GetClaim("idtyp").Value, "the work is done, as the app");
        Assert.IsFalse(restarted.Entra.TokenRequests.Any(r => r.GrantType == EntraStandIn.JwtBearerGrant), "no exchange without the user's token");
    }
}
