using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Integrations.Graph;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Tests.Integrations;

namespace ResponseDrafter.Api.Tests.Outbox;

/// <summary>
/// The outbox as the API wires it (database, integrations, handlers, options) without the web host: workers and
/// the deadline watch are made on demand and driven by the test. Local integrations over a temp data folder, or
/// the Graph classes against a loopback Graph stand-in, with the app's own token acquisition getting real tokens from
/// a loopback Entra stand-in (only the network is replaced; see <see cref="GraphRig"/>); the app's Graph token is
/// fetched at start, as a running instance would have it cached.
/// </summary>
internal sealed class OutboxRig : IAsyncDisposable
{
    public const string Tenant = GraphRig.Tenant;

    private readonly WebApplication app;

    private OutboxRig(string dataPath, WebApplication app, CapturedLogs logs, EntraStandIn? entra)
    {
        DataPath = dataPath;
        this.app = app;
        Logs = logs;
        Entra = entra;
    }

    public string DataPath { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>In Graph mode, where the app's token acquisition gets its tokens; null in Local mode.</summary>
    public EntraStandIn? Entra { get; }

    public static async Task<OutboxRig> StartAsync(Database database = Database.Sqlite, GraphStandIn? graph = null, IDictionary<string, string?>? overrides = null)
    {
        var dataPath = Directory.CreateTempSubdirectory("rd-outbox-").FullName;
        var entra = graph is null ? null : await EntraStandIn.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = entra?.Instance ?? "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "organizations",
            ["AzureAd:ClientId"] = TestTokens.ClientId,
            ["AzureAd:ClientSecret"] = EntraStandIn.ClientSecret,
            ["Storage:DataPath"] = dataPath,
            ["PublicOrigin"] = ApiHost.PublicOrigin,
            ["Database:Provider"] = database.ToString(),
            ["Outbox:PollInterval"] = "00:00:00.050",
            ["Outbox:RetryBaseDelay"] = "00:00:00.050",
            ["Outbox:RetryMaxDelay"] = "00:00:00.500",
            ["Outbox:Lease"] = "00:01:00",
            ["Integrations:Resilience:TotalTimeout"] = "00:00:30",
            ["Integrations:Resilience:AttemptTimeout"] = "00:00:02",
            ["Integrations:Resilience:MaxRetryAttempts"] = "2",
            ["Integrations:Resilience:BaseDelay"] = "00:00:00.020",
            ["Integrations:Resilience:MaxDelay"] = "00:00:00.200",
            ["Integrations:Resilience:MinimumThroughput"] = "100",
            ["Integrations:Resilience:BreakDuration"] = "00:00:01",
        };
        if (database == Database.PostgreSql)
        {
            settings["ConnectionStrings:Drafting"] = await PostgresServer.CreateDatabaseAsync();
        }

        if (graph is not null)
        {
            settings["Integrations:Mode"] = "Graph";
            settings["Integrations:Graph:BaseUrl"] = graph.BaseUrl;
            settings[$"Integrations:Graph:Tenants:{Tenant}:DriveId"] = GraphRig.DriveId;
            settings[$"Integrations:Graph:Tenants:{Tenant}:SenderMailbox"] = GraphRig.Sender;
            settings["Integrations:Graph:SentItemsSettleTime"] = "00:00:00.500";
            settings["Integrations:Graph:SentItemsPollInterval"] = "00:00:00.050";
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var logs = new CapturedLogs();
        var app = GraphRig.BuildWithTheAppsRegistrations(settings, dataPath, entra, builder =>
        {
            builder.Services.AddOutbox(builder.Configuration);
            builder.Services.AddPublicOrigin();
            builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        });
        var rig = new OutboxRig(dataPath, app, logs, entra);
        await using var scope = rig.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DraftingDb>().Database.MigrateAsync();
        if (graph is not null)
        {
            // As a running instance has it cached: the tests time Graph calls and count their tries, and a first token
            // fetched from Entra inside an attempt's timeout would be timed and counted with them.
            await scope.ServiceProvider.GetRequiredService<IGraphTokenSource>().GetAccessTokenAsync(Tenant, null, CancellationToken.None);
        }

        return rig;
    }

    public OutboxWorker NewWorker() => ActivatorUtilities.CreateInstance<OutboxWorker>(Services);

    public DeadlineWatch NewWatch(TimeProvider clock) => ActivatorUtilities.CreateInstance<DeadlineWatch>(Services, clock);

    /// <summary>A scope acting for the tenant, as a request of one of its users would.</summary>
    public async Task<T> InTenantAsync<T>(Func<DraftingDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().ActFor(Tenant);
        return await work(scope.ServiceProvider.GetRequiredService<DraftingDb>());
    }

    public Task InTenantAsync(Func<DraftingDb, Task> work) => InTenantAsync(async db =>
    {
        await work(db);
        return true;
    });

    /// <summary>A fresh context that acts for no tenant, as a worker's claim does.</summary>
    public async Task<T> UnscopedAsync<T>(Func<DraftingDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DraftingDb>());
    }

    /// <summary>Runs the workers side by side until no entry is left to do (or the time is up).</summary>
    public async Task DrainAsync(TimeSpan limit, params OutboxWorker[] workers)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            while (clock.Elapsed < limit && await PendingAsync() > 0)
            {
                if (await worker.RunOnceAsync(CancellationToken.None) == 0)
                {
                    await Task.Delay(20);
                }
            }
        })));
    }

    public Task<int> PendingAsync() =>
        UnscopedAsync(db => db.Outbox.IgnoreQueryFilters().CountAsync(e => e.CompletedAt == null && e.FailedAt == null));

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        if (Entra is not null)
        {
            await Entra.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open goes with the temp folder's own cleanup.
        }
    }
}
