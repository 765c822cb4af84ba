namespace ResponseDrafter.Api.Auth;

/// <summary>
/// The tenant (the token's <c>tid</c>) whose rows this request may see. Every tenant-owned entity is filtered
/// by it and stamped with it on insert; nothing in a request body can choose it.
/// </summary>
public sealed class TenantContext(IHttpContextAccessor httpContextAccessor)
{
    private string? explicitTenantId;

    public string? TenantId => explicitTenantId ?? httpContextAccessor.HttpContext?.User.FindFirst(Claims.TenantId)?.Value;

    /// <summary>For work outside a request (start-up seeding, tests): act for one named tenant.</summary>
    public void ActFor(string tenantId) => explicitTenantId = tenantId;
}
