using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResponseDrafter.Api.Integrations.Graph;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Tests.Workflow;

namespace ResponseDrafter.Api.Tests.Integrations;

/// <summary>
/// Microsoft.Identity.Web and MSAL as the app registers them, talking to the Entra stand-in over loopback HTTPS: the
/// submitter's on-behalf-of session and the app's own token survive a restart and are shared by instances, because the
/// token cache is on the app's database.
/// </summary>
[TestClass]
public sealed class TokenAcquisitionTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(Database.Sqlite)]
    [DataRow(Database.PostgreSql)]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task ASessionStartedBeforeARestartGivesTheSubmittersGraphTokenAfterItWithoutAskingEntraAgain_AgainstLoopbackEntraAndGraphStandIns(Database database)
    {
        await using var rig = await Microsoft365Rig.StartAsync(database);
        string session;
        using (var before = await rig.StartHostAsync())
        {
            var signOff = await SignOffRig.CreateAsync(before);
            await signOff.SubmittedAsync(Caller.Drafter);
            session = await SessionOfSubmissionAsync(before);
        }

        var obo = rig.Entra.TokenRequests.Where(r => r.GrantType == EntraStandIn.JwtBearerGrant).ToList();
        Assert.HasCount(1, obo, "the submission exchanged the drafter's token on their behalf once");
        Assert.AreEqual(Caller.Drafter.ObjectId, obo[0].UserObjectId);

        using var after = await rig.StartHostAsync();
        var requestsBefore = rig.Entra.TokenRequests.Count;
        using var afterScope = after.Services.CreateScope();
        var token = await afterScope.ServiceProvider.GetRequiredService<IGraphTokenSource>().GetAccessTokenAsync(Microsoft365Rig.Tenant, session, TestContext.CancellationToken);

        var graphToken = await rig.Entra.ValidateAsync(token, Microsoft365Rig.Tenant, EntraStandIn.GraphAudience);
        Assert.AreEqual(Caller.Drafter.ObjectId, graphToken.GetClaim("oid").Value, "the token after the restart is the drafter's");
        Assert.AreEqual(EntraStandIn.DelegatedScopes, graphToken.GetClaim("scp").Value);
        Assert.AreEqual(requestsBefore, rig.Entra.TokenRequests.Count, "the new process found the token in the database's cache: " + string.Join(", ", rig.Entra.TokenRequests));

        // MSAL asks Azure AD's public host about any authority it does not know (instance discovery), once per process;
        // everything else went to the authority configured, the stand-in.
        var elsewhere = rig.Entra.Requests.Where(r => r.StartsWith("(rerouted)", StringComparison.Ordinal)).ToList();
        Assert.IsTrue(elsewhere.All(r => r.StartsWith("(rerouted) GET /common/discovery/instance?", StringComparison.Ordinal)), string.Join("\n", rig.Entra.Requests));
    }

    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task AfterARestartAnExpiredUserTokenIsRenewedWithTheSessionsRefreshTokenNotAnotherOnBehalfOfExchange_AgainstLoopbackEntraAndGraphStandIns()
    {
        await using var rig = await Microsoft365Rig.StartAsync();

        // MSAL treats a token with less than five minutes left as expired, so every later acquisition must renew it.
        rig.Entra.AccessTokenLifetime = TimeSpan.FromMinutes(4);
        string session;
        using (var before = await rig.StartHostAsync())
        {
            var signOff = await SignOffRig.CreateAsync(before);
            await signOff.SubmittedAsync(Caller.Drafter);
            session = await SessionOfSubmissionAsync(before);
        }

        using var after = await rig.StartHostAsync();
        using var afterScope = after.Services.CreateScope();
        var token = await afterScope.ServiceProvider.GetRequiredService<IGraphTokenSource>().GetAccessTokenAsync(Microsoft365Rig.Tenant, session, TestContext.CancellationToken);

        var graphToken = await rig.Entra.ValidateAsync(token, Microsoft365Rig.Tenant, EntraStandIn.GraphAudience);
        Assert.AreEqual(Caller.Drafter.ObjectId, graphToken.GetClaim("oid").Value);
        var userGrants = rig.Entra.TokenRequests.Where(r => r.UserObjectId is not null).Select(r => r.GrantType).ToList();
        CollectionAssert.AreEqual(new[] { EntraStandIn.JwtBearerGrant, "refresh_token" }, userGrants,
            "one on-behalf-of exchange at submission, then the refresh token kept in the database's cache");
    }

    [TestMethod]
    [DataRow(Database.Sqlite)]
    [DataRow(Database.PostgreSql)]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task TwoInstancesShareTheUserSessionAndTheAppTokenThroughTheDatabase_AgainstLoopbackEntraAndGraphStandIns(Database database)
    {
        await using var rig = await Microsoft365Rig.StartAsync(database);
        using var first = await rig.StartHostAsync();
        using var second = await rig.StartHostAsync();
        var signOff = await SignOffRig.CreateAsync(first);
        await signOff.SubmittedAsync(Caller.Drafter);
        var session = await SessionOfSubmissionAsync(first);
        using var firstScope = first.Services.CreateScope();
        var firstTokens = firstScope.ServiceProvider.GetRequiredService<IGraphTokenSource>();
        using var secondScope = second.Services.CreateScope();
        var secondTokens = secondScope.ServiceProvider.GetRequiredService<IGraphTokenSource>();

        var appToken = await firstTokens.GetAccessTokenAsync(Microsoft365Rig.Tenant, null, TestContext.CancellationToken);
        var requests = rig.Entra.TokenRequests.Count;
        var appTokenThere = await secondTokens.GetAccessTokenAsync(Microsoft365Rig.Tenant, null, TestContext.CancellationToken);
        var userTokenThere = await secondTokens.GetAccessTokenAsync(Microsoft365Rig.Tenant, session, TestContext.CancellationToken);

        Assert.AreEqual(requests, rig.Entra.TokenRequests.Count, "the second instance asked Entra for nothing: " + string.Join(", ", rig.Entra.TokenRequests));
        Assert.AreEqual(appToken, appTokenThere);
        var app = await rig.Entra.ValidateAsync(appTokenThere, Microsoft365Rig.Tenant, EntraStandIn.GraphAudience);
        CollectionAssert.AreEquivalent(EntraStandIn.AppRoles, app.GetPayloadValue<string[]>("roles"));
        var user = await rig.Entra.ValidateAsync(userTokenThere, Microsoft365Rig.Tenant, EntraStandIn.GraphAudience);
        Assert.AreEqual(Caller.Drafter.ObjectId, user.GetClaim("oid").Value);
        Assert.AreEqual(1, rig.Entra.TokenRequests.Count(r => r.GrantType == "client_credentials"));
    }

    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task TheTokenCacheInTheDatabaseIsEncrypted_AgainstLoopbackEntraAndGraphStandIns()
    {
        await using var rig = await Microsoft365Rig.StartAsync();
        using var host = await rig.StartHostAsync();
        var signOff = await SignOffRig.CreateAsync(host);
        await signOff.SubmittedAsync(Caller.Drafter);
        using var hostScope = host.Services.CreateScope();
        var appToken = await hostScope.ServiceProvider.GetRequiredService<IGraphTokenSource>().GetAccessTokenAsync(Microsoft365Rig.Tenant, null, TestContext.CancellationToken);

        var entries = await Microsoft365Rig.InDatabaseAsync(host, db => db.CacheEntries.ToListAsync());
        var keys = await Microsoft365Rig.InDatabaseAsync(host, db => db.DataProtectionKeys.CountAsync());

        Assert.IsGreaterThanOrEqualTo(2, entries.Count, "the app's token and the drafter's session are both in the database");
        Assert.IsGreaterThanOrEqualTo(1, keys, "the Data Protection key ring is in the database, for every instance");
        var tokenText = appToken.Split('.')[1];
        foreach (var entry in entries)
        {
            var stored = Encoding.UTF8.GetString(entry.Value);
            Assert.DoesNotContain(tokenText, stored, $"entry {entry.Key} holds a token in clear");
            Assert.DoesNotContain("refresh_token", stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("AccessToken", stored, StringComparison.Ordinal);
        }
    }

    private static async Task<string> SessionOfSubmissionAsync(ApiHost host)
    {
        var entry = await Microsoft365Rig.InDatabaseAsync(host, db => db.Outbox.IgnoreQueryFilters().SingleAsync(e => e.Kind == OutboxKinds.StoreVersion));
        return OutboxWrites.Read<StoreVersionPayload>(entry).UserSession
            ?? throw new AssertFailedException("The submission started no on-behalf-of session (the version would be stored as the app).");
    }
}
