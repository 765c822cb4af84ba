using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests.Integrations;

/// <summary>
/// The API in Microsoft 365 mode exactly as it registers itself (Entra sign-in, Microsoft.Identity.Web token acquisition
/// with its distributed token cache, the Graph adapters), over one data folder that every host it starts shares (a
/// restart, or a second instance), against a loopback Entra stand-in over HTTPS and the loopback Graph stand-in. Only
/// the network is replaced: the app's HTTP clients reach the stand-ins and trust the stand-in's certificate.
/// </summary>
internal sealed class Microsoft365Rig : IAsyncDisposable
{
    private readonly string dataPath = Directory.CreateTempSubdirectory("rd-m365-").FullName;

    private readonly string? postgreSql;

    private Microsoft365Rig(EntraStandIn entra, GraphStandIn graph, string? postgreSql)
    {
        Entra = entra;
        Graph = graph;
        this.postgreSql = postgreSql;
    }

    public EntraStandIn Entra { get; }

    public GraphStandIn Graph { get; }

    public static string Tenant => Caller.TenantA;

    public const string DriveId = "b!opcc-letters";
    public const string Sender = "dispatch@opcc.example";

    /// <param name="database">SQLite: one file in the rig's data folder; PostgreSQL: one database for every host.</param>
    public static async Task<Microsoft365Rig> StartAsync(Database database = Database.Sqlite) =>
        new(await EntraStandIn.StartAsync(), await GraphStandIn.StartAsync(), database == Database.PostgreSql ? await PostgresServer.CreateDatabaseAsync() : null);

    /// <summary>A host over the rig's database; several may run at once, as instances behind a load balancer.</summary>
    /// <param name="extra">More settings (outbox timings, resilience, telemetry), applied last.</param>
    public async Task<ApiHost> StartHostAsync(bool outbox = false, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = Entra.Instance,
            ["AzureAd:TenantId"] = "organizations",
            ["AzureAd:ClientId"] = TestTokens.ClientId,
            ["AzureAd:ClientSecret"] = EntraStandIn.ClientSecret,
            ["Storage:DataPath"] = dataPath,
            ["Integrations:Mode"] = "Graph",
            ["Integrations:Graph:BaseUrl"] = Graph.BaseUrl,
            [$"Integrations:Graph:Tenants:{Tenant}:DriveId"] = DriveId,
            [$"Integrations:Graph:Tenants:{Tenant}:SenderMailbox"] = Sender,
            ["Integrations:Graph:SentItemsSettleTime"] = "00:00:00.500",
            ["Integrations:Graph:SentItemsPollInterval"] = "00:00:00.050",
            ["Outbox:Enabled"] = outbox ? "true" : "false",
            ["Outbox:PollInterval"] = "00:00:00.200",
        };
        if (postgreSql is not null)
        {
            settings["Database:Provider"] = nameof(Database.PostgreSql);
            settings["ConnectionStrings:Drafting"] = postgreSql;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return await ApiHost.StartAsync(extra: settings, tokens: caller => Entra.UserTokenFor(caller), services: services =>
        {
            // The network only: Microsoft.Identity.Web's MSAL client and the web API's metadata readers reach the Entra stand-in.
            services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(Entra.CreateHandler));
            services.AddHttpClient(nameof(FakeEntra)).ConfigurePrimaryHttpMessageHandler(Entra.CreateHandler);
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = Entra.CreateHandler());
        });
    }

    public static async Task<T> InDatabaseAsync<T>(ApiHost host, Func<DraftingDb, Task<T>> read)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<DraftingDb>());
    }

    public static Task<int> CacheEntriesAsync(ApiHost host) => InDatabaseAsync(host, db => db.CacheEntries.CountAsync());

    public async ValueTask DisposeAsync()
    {
        await Graph.DisposeAsync();
        await Entra.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open goes with the temp folder's own cleanup.
        }
    }
}
