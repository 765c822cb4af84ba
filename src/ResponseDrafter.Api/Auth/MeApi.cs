using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ResponseDrafter.Api.Auth;

/// <summary>Who the caller is, as the UI shows it; <see cref="SignInMode"/> lets it label local development sign-ins.</summary>
public sealed record MeDto(string? Name, string? UserId, string TenantId, IReadOnlyList<string> Roles, string SignInMode, string? Notice);

public static class MeApi
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMe).WithTags("Me").WithSummary("The signed-in user, roles, tenant and sign-in mode.");
        return api;
    }

    public static Ok<MeDto> GetMe(ClaimsPrincipal user, SignInInfo signIn) => TypedResults.Ok(new MeDto(
        user.FindFirst(Claims.Name)?.Value,
        user.FindFirst(Claims.ObjectId)?.Value,
        user.FindFirst(Claims.TenantId)!.Value,
        user.FindAll(Claims.Roles).Select(c => c.Value).ToList(),
        signIn.Name,
        signIn.Mode == SignInMode.LocalDevelopment ? "Local development sign-in: not a real identity. Do not use with real data." : null));
}
