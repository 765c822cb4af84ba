using System.Security.Claims;
using ResponseDrafter.Api.Integrations.Graph;

namespace ResponseDrafter.Api.Integrations;

/// <summary>
/// Lets background work a person caused act as that person: submitting a draft stores its version in the OPCC's
/// library on behalf of the submitter. Begun while their request is in hand; the key travels with the outbox entry.
/// </summary>
public interface IUserDelegation
{
    /// <summary>A session key for <paramref name="user"/>, or null when the work will act as the app.</summary>
    Task<string?> BeginAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>The embedded default: local files have no author to act as.</summary>
internal sealed class NoUserDelegation : IUserDelegation
{
    public Task<string?> BeginAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>Microsoft 365: a long-running on-behalf-of session in the user's own tenant.</summary>
internal sealed class GraphUserDelegation(IGraphTokenSource tokens) : IUserDelegation
{
    public Task<string?> BeginAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.FindFirst(Auth.Claims.TenantId)?.Value is { Length: > 0 } tenantId
            ? tokens.StartUserSessionAsync(user, tenantId, cancellationToken)
            : Task.FromResult<string?>(null);
}
