using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Polly;
using Polly.Registry;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Integrations.Graph;

namespace ResponseDrafter.Api.Tests.Integrations;

/// <summary>The real Graph adapters and the real outbox pipeline, wired by <c>AddIntegrations</c> and pointed
/// at a fresh loopback Graph stand-in. Only the token source is a fake.</summary>
internal sealed class GraphRig : IAsyncDisposable
{
    public const string Tenant = "5b0f4c1e-8a43-4c1b-9d7e-3f2a6c9e1b70";
    public const string DriveId = "b!opcc-letters";
    public const string Sender = "dispatch@opcc.example";

    private readonly ServiceProvider services;
    private readonly AsyncServiceScope scope;

    private readonly bool ownsGraph;

    private GraphRig(GraphStandIn graph, ServiceProvider services, bool ownsGraph)
    {
        Graph = graph;
        this.services = services;
        this.ownsGraph = ownsGraph;
        scope = services.CreateAsyncScope();
    }

    public GraphStandIn Graph { get; }

    public FakeTokenSource Tokens => (FakeTokenSource)services.GetRequiredService<IGraphTokenSource>();

    public IDocumentStore Documents => scope.ServiceProvider.GetRequiredService<IDocumentStore>();

    public IPdfConverter Pdf => scope.ServiceProvider.GetRequiredService<IPdfConverter>();

    public IMailSender Mail => scope.ServiceProvider.GetRequiredService<IMailSender>();

    public INotifier Notifier => scope.ServiceProvider.GetRequiredService<INotifier>();

    public ResiliencePipeline Pipeline => services.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(OutboxPipeline.Name);

    /// <summary>A fresh scope, as the outbox worker would open for each entry.</summary>
    public AsyncServiceScope NewScope() => services.CreateAsyncScope();

    /// <param name="sharedGraph">Another rig's stand-in: a second process (a restart) against the same Graph.</param>
    public static async Task<GraphRig> StartAsync(IDictionary<string, string?>? overrides = null, GraphStandIn? sharedGraph = null)
    {
        var graph = sharedGraph ?? await GraphStandIn.StartAsync();
        var settings = new Dictionary<string, string?>
        {
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

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        collection.AddIntegrations(configuration);
        collection.RemoveAll<IGraphTokenSource>();
        collection.AddSingleton<IGraphTokenSource, FakeTokenSource>();
        return new GraphRig(graph, collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), ownsGraph: sharedGraph is null);
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await services.DisposeAsync();
        if (ownsGraph)
        {
            await Graph.DisposeAsync();
        }
    }
}

/// <summary>Stands in for Entra: tokens are labels saying whose they are, and a user session is named after its user.</summary>
internal sealed class FakeTokenSource : IGraphTokenSource
{
    public ConcurrentQueue<(string TenantId, string? UserSession)> Calls { get; } = new();

    public static string TokenFor(string tenantId, string? userSession = null) =>
        userSession is null ? $"app-token-for-{tenantId}" : $"user-token-for-{userSession}-in-{tenantId}";

    public static string SessionOf(string objectId) => $"session-of-{objectId}";

    public Task<string> GetAccessTokenAsync(string tenantId, string? userSession, CancellationToken cancellationToken)
    {
        Calls.Enqueue((tenantId, userSession));
        return Task.FromResult(TokenFor(tenantId, userSession));
    }

    public Task<string?> StartUserSessionAsync(ClaimsPrincipal user, string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(SessionOf(user.FindFirst("oid")!.Value));
}
