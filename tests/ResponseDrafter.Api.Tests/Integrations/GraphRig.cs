using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Registry;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Integrations.Graph;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests.Integrations;

/// <summary>
/// The real Graph adapters and the real outbox pipeline, wired as the API wires them (<c>AddSignIn</c> in Graph mode,
/// which registers Microsoft.Identity.Web's token acquisition and its token cache in the app's database, and
/// <c>AddIntegrations</c>), without the web host. Only the network is replaced: the Graph classes call a fresh loopback
/// Graph stand-in, and the app's HTTP clients (MSAL's among them) reach a loopback Entra stand-in over HTTPS.
/// </summary>
internal sealed class GraphRig : IAsyncDisposable
{
    public const string Tenant = "5b0f4c1e-8a43-4c1b-9d7e-3f2a6c9e1b70";
    public const string DriveId = "b!opcc-letters";
    public const string Sender = "dispatch@opcc.example";

    private readonly WebApplication app;
    private readonly AsyncServiceScope scope;
    private readonly string dataPath;
    private readonly bool ownsGraph;

    private GraphRig(GraphStandIn graph, EntraStandIn entra, WebApplication app, string dataPath, bool ownsGraph)
    {
        Graph = graph;
        Entra = entra;
        this.app = app;
        this.dataPath = dataPath;
        this.ownsGraph = ownsGraph;
        scope = app.Services.CreateAsyncScope();
    }

    public GraphStandIn Graph { get; }

    /// <summary>Where the app's token acquisition gets its Graph tokens (see <see cref="EntraStandIn.TokenRequests"/>).</summary>
    public EntraStandIn Entra { get; }

    public IDocumentStore Documents => scope.ServiceProvider.GetRequiredService<IDocumentStore>();

    public IPdfConverter Pdf => scope.ServiceProvider.GetRequiredService<IPdfConverter>();

    public IMailSender Mail => scope.ServiceProvider.GetRequiredService<IMailSender>();

    public INotifier Notifier => scope.ServiceProvider.GetRequiredService<INotifier>();

    public ResiliencePipeline Pipeline => app.Services.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(OutboxPipeline.Name);

    /// <summary>A fresh scope, as the outbox worker would open for each entry.</summary>
    public AsyncServiceScope NewScope() => app.Services.CreateAsyncScope();

    /// <summary>A person in the rig's tenant (the tenant's drafter unless told otherwise).</summary>
    public static Caller InTenant(Caller? caller = null) => (caller ?? Caller.Drafter) with { TenantId = Tenant };

    /// <summary>
    /// Starts <paramref name="caller"/>'s on-behalf-of session as their request to the API would (the app's own
    /// <see cref="IUserDelegation"/>, with the token Entra issued them for the API), and returns its key.
    /// </summary>
    public async Task<string> UserSessionAsync(Caller caller) =>
        await TryUserSessionAsync(caller)
        ?? throw new AssertFailedException($"No on-behalf-of session was started for {caller.Name}; the Entra stand-in received: {string.Join(", ", Entra.Requests)}");

    /// <summary>As <see cref="UserSessionAsync"/>, but null when the app started none (as it does when Entra refuses or does not answer).</summary>
    public async Task<string?> TryUserSessionAsync(Caller caller)
    {
        var token = Entra.UserTokenFor(caller);
        var validated = await Entra.ValidateAsync(token, caller.TenantId, TestTokens.ClientId);
        var user = new ClaimsPrincipal(new ClaimsIdentity(validated.Claims, "Bearer", Claims.Name, Claims.Roles) { BootstrapContext = validated });
        await using var request = NewScope();
        return await request.ServiceProvider.GetRequiredService<IUserDelegation>().BeginAsync(user, CancellationToken.None);
    }

    /// <summary>
    /// Gets the app's Graph token for the rig's tenant into the token cache, as any earlier call would have: a test that
    /// times Graph calls (an attempt timeout of a few hundred milliseconds) then does not time Entra as well.
    /// </summary>
    public async Task WarmAppTokenAsync()
    {
        await using var request = NewScope();
        await request.ServiceProvider.GetRequiredService<IGraphTokenSource>().GetAccessTokenAsync(Tenant, null, CancellationToken.None);
    }

    /// <param name="sharedGraph">Another rig's stand-in: a second process (a restart) against the same Graph.</param>
    public static async Task<GraphRig> StartAsync(IDictionary<string, string?>? overrides = null, GraphStandIn? sharedGraph = null)
    {
        var graph = sharedGraph ?? await GraphStandIn.StartAsync();
        var entra = await EntraStandIn.StartAsync();
        var dataPath = Directory.CreateTempSubdirectory("rd-graph-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = entra.Instance,
            ["AzureAd:TenantId"] = "organizations",
            ["AzureAd:ClientId"] = TestTokens.ClientId,
            ["AzureAd:ClientSecret"] = EntraStandIn.ClientSecret,
            ["Storage:DataPath"] = dataPath,
            ["Integrations:Mode"] = "Graph",
            ["Integrations:Graph:BaseUrl"] = graph.BaseUrl,
            [$"Integrations:Graph:Tenants:{Tenant}:DriveId"] = DriveId,
            [$"Integrations:Graph:Tenants:{Tenant}:SenderMailbox"] = Sender,
            ["Integrations:Graph:LargeFileThresholdBytes"] = "262144",
            ["Integrations:Graph:UploadSliceBytes"] = "327680",
            ["Integrations:Graph:SentItemsSettleTime"] = "00:00:00.500",
            ["Integrations:Graph:SentItemsPollInterval"] = "00:00:00.050",
            ["Integrations:Resilience:TotalTimeout"] = "00:00:30",
            ["Integrations:Resilience:AttemptTimeout"] = "00:00:02",
            ["Integrations:Resilience:MaxRetryAttempts"] = "4",
            ["Integrations:Resilience:BaseDelay"] = "00:00:00.020",
            ["Integrations:Resilience:MaxDelay"] = "00:00:00.200",
            ["Integrations:Resilience:MinimumThroughput"] = "100",
            ["Integrations:Resilience:BreakDuration"] = "00:00:01",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = BuildWithTheAppsRegistrations(settings, dataPath, entra, builder => builder.Logging.ClearProviders());
        var rig = new GraphRig(graph, entra, app, dataPath, ownsGraph: sharedGraph is null);
        await using var migrate = app.Services.CreateAsyncScope();
        await migrate.ServiceProvider.GetRequiredService<DraftingDb>().Database.MigrateAsync();
        return rig;
    }

    /// <summary>
    /// The API's own registrations for sign-in (with token acquisition in Graph mode), the database and the integrations,
    /// validated as the API validates them, with the app's HTTP clients pointed at <paramref name="entra"/> (the network only).
    /// </summary>
    internal static WebApplication BuildWithTheAppsRegistrations(
        IDictionary<string, string?> settings, string contentRoot, EntraStandIn? entra, Action<WebApplicationBuilder> more)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = contentRoot,
            ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Host.UseDefaultServiceProvider(o => (o.ValidateOnBuild, o.ValidateScopes) = (true, true));
        builder.AddSignIn();
        builder.Services.AddDraftingDatabase(builder.Configuration);
        builder.Services.AddIntegrations(builder.Configuration);
        if (entra is not null)
        {
            builder.Services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(entra.CreateHandler));
        }

        more(builder);
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await app.DisposeAsync();
        if (ownsGraph)
        {
            await Graph.DisposeAsync();
        }

        await Entra.DisposeAsync();
        SqliteConnection.ClearAllPools();
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
