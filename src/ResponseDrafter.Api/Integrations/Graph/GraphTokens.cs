using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace ResponseDrafter.Api.Integrations.Graph;

public interface IGraphTokenSource
{
    /// <summary>
    /// A Graph token for the OPCC's tenant: the app's own (client credentials) when <paramref name="userSession"/> is
    /// null, else the user's, from the long-running on-behalf-of session a request started.
    /// </summary>
    Task<string> GetAccessTokenAsync(string tenantId, string? userSession, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a long-running on-behalf-of session for the person making this request, so that background work they
    /// caused can later act as them; returns its key, or null when no session can be had (the work then runs as the app).
    /// </summary>
    Task<string?> StartUserSessionAsync(ClaimsPrincipal user, string tenantId, CancellationToken cancellationToken);
}

/// <summary>
/// Graph tokens from Microsoft.Identity.Web. They stay on the server; the browser never sees one. User tokens come from
/// Microsoft.Identity.Web's long-running web API sessions: the request's token is exchanged on behalf of the user once,
/// and the session key, kept with the outbox entry, gets a fresh user token when the outbox carries the work out.
/// </summary>
internal sealed partial class TokenAcquisitionTokenSource(
    ITokenAcquisition tokenAcquisition, IOptions<GraphOptions> options, ILogger<TokenAcquisitionTokenSource> logger) : IGraphTokenSource
{
    public const string AppScope = "https://graph.microsoft.com/.default";

    private string[] UserScopes => options.Value.UserScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public async Task<string> GetAccessTokenAsync(string tenantId, string? userSession, CancellationToken cancellationToken)
    {
        if (userSession is not null)
        {
            try
            {
                var session = new TokenAcquisitionOptions { CancellationToken = cancellationToken, LongRunningWebApiSessionKey = userSession };
                return await tokenAcquisition.GetAccessTokenForUserAsync(UserScopes, tenantId: tenantId, tokenAcquisitionOptions: session);
            }
            catch (Exception e) when (e is MsalUiRequiredException or MsalClientException)
            {
                // The session is gone (its cache entry expired, consent withdrawn, refresh token expired): the work
                // must still be done, so it is done as the app, which holds the same permission on the library.
                LogSessionGone(logger, e.GetType().Name, (e as MsalException)?.ErrorCode);
            }
        }

        var app = new TokenAcquisitionOptions { CancellationToken = cancellationToken };
        return await tokenAcquisition.GetAccessTokenForAppAsync(AppScope, tenant: tenantId, tokenAcquisitionOptions: app);
    }

    /// <remarks>
    /// Never fails the request it is called from: without a session the work runs as the app. Entra gets
    /// <see cref="GraphOptions.UserSessionTimeout"/> to answer, so an unreachable Entra delays a submission only that long.
    /// </remarks>
    public async Task<string?> StartUserSessionAsync(ClaimsPrincipal user, string tenantId, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Value.UserSessionTimeout);
        var session = new TokenAcquisitionOptions
        {
            CancellationToken = limit.Token,
            LongRunningWebApiSessionKey = TokenAcquisitionOptions.LongRunningWebApiSessionKeyAuto,
        };
        try
        {
            await tokenAcquisition.GetAccessTokenForUserAsync(UserScopes, tenantId: tenantId, user: user, tokenAcquisitionOptions: session);
            return session.LongRunningWebApiSessionKey is { } key && key != TokenAcquisitionOptions.LongRunningWebApiSessionKeyAuto ? key : null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogNoSession(logger, e.GetType().Name, (e as MsalException)?.ErrorCode);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The user's on-behalf-of session could not give a Graph token ({Exception} {ErrorCode}); acting as the app instead")]
    private static partial void LogSessionGone(ILogger logger, string exception, string? errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No on-behalf-of session could be started for the user ({Exception} {ErrorCode}); their background work will act as the app")]
    private static partial void LogNoSession(ILogger logger, string exception, string? errorCode);
}
