using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Web;

namespace ResponseDrafter.Api.Tests.Infrastructure;

public enum Database
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// One test's API: its own host, its own database (a SQLite file in a temp folder, or a fresh PostgreSQL database),
/// Entra sign-in validated by the real pipeline against <see cref="FakeEntra"/>'s metadata.
/// </summary>
public sealed class ApiHost : WebApplicationFactory<Program>
{
    /// <summary>The public origin of the Entra-configured hosts; their clients call it, so that host filtering lets them in.</summary>
    public const string PublicOrigin = "https://responsedrafter.opcc.example";

    private readonly string dataFolder = Directory.CreateTempSubdirectory("rd-api-").FullName;
    private readonly Dictionary<string, string?> settings;
    private readonly string environment;
    private readonly TimeProvider? clock;

    private ApiHost(Dictionary<string, string?> settings, string environment, TimeProvider? clock)
    {
        this.settings = settings;
        this.environment = environment;
        this.clock = clock;
        this.settings.TryAdd("Storage:DataPath", dataFolder);

        // The outbox worker has its own tests (Outbox/); elsewhere its entries are only looked at, not carried out,
        // so that no test waits on LibreOffice or races the worker for the rows it inspects.
        this.settings.TryAdd("Outbox:Enabled", "false");
        if (settings.TryGetValue("PublicOrigin", out var origin) && Uri.TryCreate(origin, UriKind.Absolute, out var address))
        {
            ClientOptions.BaseAddress = address;
        }
    }

    /// <summary>Stand-ins for what a test cannot reach (Entra's token endpoint, for example), applied last.</summary>
    private Action<IServiceCollection>? replaceServices;

    public CapturedLogs Logs { get; } = new();

    /// <summary>How <see cref="ClientFor"/> gets a caller's token: <see cref="TestTokens"/> unless a test's Entra stand-in issues them.</summary>
    public Func<Caller, string> TokenFor { get; init; } = caller => TestTokens.For(caller);

    /// <summary>An API signing in with Entra ID (tokens from <see cref="TestTokens"/>).</summary>
    public static async Task<ApiHost> StartAsync(
        Database database = Database.Sqlite, TimeProvider? clock = null, IDictionary<string, string?>? extra = null, string environment = "Testing",
        Action<IServiceCollection>? services = null, Func<Caller, string>? tokens = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "organizations",
            ["AzureAd:ClientId"] = TestTokens.ClientId,
            ["AzureAd:ClientSecret"] = "loopback-tests-not-a-secret",
            ["Database:Provider"] = database.ToString(),
            ["PublicOrigin"] = PublicOrigin,

            // Each test's database is new; outside Development the app migrates only when told to (docs/deployment.md).
            ["Database:MigrateAtStart"] = "true",
        };
        if (database == Database.PostgreSql)
        {
            settings["ConnectionStrings:Drafting"] = await PostgresServer.CreateDatabaseAsync();
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return Started(new ApiHost(settings, environment, clock) { replaceServices = services, TokenFor = tokens ?? (caller => TestTokens.For(caller)) });
    }

    /// <summary>The embedded default as `dotnet run` starts it: Development, no Entra settings, local development sign-in.</summary>
    public static ApiHost StartLocal(IDictionary<string, string?>? extra = null, string environment = "Development") =>
        Started(new ApiHost(new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>()), environment, null));

    /// <summary>Builds the host without expecting it to start (for start-up refusals).</summary>
    public static ApiHost Unstarted(IDictionary<string, string?> settings, string environment) =>
        new(new Dictionary<string, string?>(settings), environment, null);

    public HttpClient ClientFor(Caller? caller)
    {
        var client = CreateClient();
        if (caller is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(caller));
        }

        return client;
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = FakeEntra.Shared);
            services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = nameof(FakeEntra));
            services.AddHttpClient(nameof(FakeEntra)).ConfigurePrimaryHttpMessageHandler(() => FakeEntra.Shared);
            services.AddSingleton<ILoggerProvider>(Logs);
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }

            replaceServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a pooled connection goes with the temp folder's own cleanup.
            }
        }
    }

    private static ApiHost Started(ApiHost host)
    {
        _ = host.Server;
        return host;
    }
}

/// <summary>Every log line the host wrote, with its structured values, for asserting what must never be logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            lines.Enqueue($"{category} {formatter(state, exception)} {values} {exception}");
        }
    }
}
