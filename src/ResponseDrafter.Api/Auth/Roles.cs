using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace ResponseDrafter.Api.Auth;

/// <summary>The app roles defined on the Entra app registration (and granted by the local development sign-in).</summary>
public static class Roles
{
    public const string Drafter = "Drafter";
    public const string Approver = "Approver";
    public const string Admin = "Admin";
}

/// <summary>Claim types as the tokens carry them (inbound claim mapping is off).</summary>
public static class Claims
{
    public const string TenantId = "tid";
    public const string ObjectId = "oid";
    public const string Name = "name";
    public const string Scope = "scp";
    public const string Roles = "roles";

    public const string RequiredScope = "access_as_user";

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.FindAll(Scope).Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}

/// <summary>Who may do what; docs/api.md has the table and the authorisation matrix test enforces it.</summary>
public static class Policies
{
    public const string Reader = nameof(Reader);
    public const string Drafter = nameof(Drafter);
    public const string ReportEditor = nameof(ReportEditor);
    public const string Admin = nameof(Admin);

    public static IServiceCollection AddDraftingAuthorization(this IServiceCollection services)
    {
        var signedIn = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(Claims.TenantId)
            .RequireAssertion(c => c.User.HasScope(Claims.RequiredScope))
            .Build();

        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(signedIn)
            .AddPolicy(Reader, p => p.Combine(signedIn).RequireRole(Roles.Drafter, Roles.Approver, Roles.Admin))
            .AddPolicy(Drafter, p => p.Combine(signedIn).RequireRole(Roles.Drafter))
            .AddPolicy(ReportEditor, p => p.Combine(signedIn).RequireRole(Roles.Drafter, Roles.Admin))
            .AddPolicy(Admin, p => p.Combine(signedIn).RequireRole(Roles.Admin));
        return services;
    }
}
