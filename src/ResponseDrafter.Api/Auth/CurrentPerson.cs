using System.Security.Claims;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Auth;

/// <summary>
/// The signed-in caller, bound once per request as an endpoint parameter: who they are as a <see cref="Workflow.Person"/>
/// (the token's object id, name and email) and their claims for the few places that need more.
/// </summary>
public sealed record CurrentPerson(Person Person, ClaimsPrincipal Principal)
{
    public static ValueTask<CurrentPerson?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<CurrentPerson?>(From(context.User));

    public static CurrentPerson From(ClaimsPrincipal user) => new(new Person(
        user.FindFirst(Claims.ObjectId)?.Value ?? string.Empty,
        user.FindFirst(Claims.Name)?.Value ?? string.Empty,
        user.FindFirst("preferred_username")?.Value ?? user.FindFirst("email")?.Value ?? string.Empty), user);
}
