using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace ResponseDrafter.Api.Integrations.Graph;

/// <summary>
/// The one HttpClient every Graph call shares: the SDK's default handlers minus its RetryHandler, so a 429 or
/// 503 reaches the outbox pipeline instead of being retried out of sight.
/// </summary>
public sealed class GraphHttp : IDisposable
{
    public HttpClient Client { get; } = GraphClientFactory.Create(CreateHandlers());

    public static IList<DelegatingHandler> CreateHandlers()
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        foreach (var retry in handlers.OfType<RetryHandler>().ToList())
        {
            handlers.Remove(retry);
            retry.Dispose();
        }

        return handlers;
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>Graph clients for one tenant, acting as the app or as a user through their on-behalf-of session.</summary>
public sealed class GraphClients(GraphHttp http, IGraphTokenSource tokens, IOptions<GraphOptions> options)
{
    public GraphOptions Options => options.Value;

    public GraphServiceClient ForApp(string tenantId) => For(tenantId, null);

    /// <summary>As the user whose session key this is (see <see cref="IGraphTokenSource.StartUserSessionAsync"/>); as the app when null.</summary>
    public GraphServiceClient For(string tenantId, string? userSession)
    {
        var baseUrl = Options.BaseUrl.TrimEnd('/');
        var auth = new BearerAuthentication(tokens, Identifiers.Tenant(tenantId), userSession, new Uri(baseUrl).Host);
        return new GraphServiceClient(http.Client, auth, baseUrl);
    }

    /// <summary>Upload session URLs are pre-authenticated; Graph asks that no Authorization header is sent to them.</summary>
    public IRequestAdapter ForUploadUrl() => new BaseGraphRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http.Client);

    private sealed class BearerAuthentication(IGraphTokenSource tokens, string tenantId, string? userSession, string graphHost) : IAuthenticationProvider
    {
        public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            // The token is for Graph only: never for a download or upload URL on another host.
            if (!string.Equals(request.URI.Host, graphHost, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var token = await tokens.GetAccessTokenAsync(tenantId, userSession, cancellationToken);
            request.Headers.Remove("Authorization");
            request.Headers.Add("Authorization", $"Bearer {token}");
        }
    }
}
