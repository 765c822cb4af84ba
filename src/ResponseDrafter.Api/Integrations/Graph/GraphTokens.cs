using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace ResponseDrafter.Api.Integrations.Graph;

/// <summary>Whose authority a Graph call carries.</summary>
public enum GraphCaller
{
    /// <summary>The app itself (client credentials): background work such as the outbox.</summary>
    App,

    /// <summary>The signed-in user, through the on-behalf-of flow: actions a person takes in a request.</summary>
    SignedInUser,
}

public interface IGraphTokenSource
{
    Task<string> GetAccessTokenAsync(string tenantId, GraphCaller caller, CancellationToken cancellationToken);
}

/// <summary>Graph tokens from Microsoft.Identity.Web. They stay on the server; the browser never sees one.</summary>
internal sealed class TokenAcquisitionTokenSource(ITokenAcquisition tokenAcquisition, IOptions<GraphOptions> options) : IGraphTokenSource
{
    public const string AppScope = "https://graph.microsoft.com/.default";

    public Task<string> GetAccessTokenAsync(string tenantId, GraphCaller caller, CancellationToken cancellationToken)
    {
        var acquisition = new TokenAcquisitionOptions { CancellationToken = cancellationToken };
        return caller switch
        {
            GraphCaller.App => tokenAcquisition.GetAccessTokenForAppAsync(AppScope, tenant: tenantId, tokenAcquisitionOptions: acquisition),
            _ => tokenAcquisition.GetAccessTokenForUserAsync(options.Value.UserScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), tenantId: tenantId, tokenAcquisitionOptions: acquisition),
        };
    }
}
