using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Integrations.Local;

namespace ResponseDrafter.Api.Integrations;

public sealed record NotificationDto(string Key, string ActivityType, string Title, string Text, string Link, DateTimeOffset CreatedAt);

/// <summary>The caller's notifications as the app shows them. With Microsoft 365 they are in Teams instead, so the list is empty.</summary>
public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        api.MapGet("/notifications", List).RequireAuthorization(Policies.Reader).WithTags("Notifications")
            .WithSummary("The caller's own notifications, newest first (embedded default; empty with Microsoft 365, where Teams shows them).");
        return api;
    }

    /// <param name="local">Registered only in the embedded default (<c>Integrations:Mode=Local</c>).</param>
    public static async Task<Ok<IReadOnlyList<NotificationDto>>> List([FromServices] LocalNotifier? local, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (local is null)
        {
            return TypedResults.Ok<IReadOnlyList<NotificationDto>>([]);
        }

        var tenantId = user.FindFirst(Claims.TenantId)!.Value;
        var userId = user.FindFirst(Claims.ObjectId)?.Value;
        var mine = userId is null ? [] : await local.ReadAsync(tenantId, userId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<NotificationDto>>(
            mine.Select(n => new NotificationDto(n.Key, n.ActivityType, n.Title, n.Text, n.Link, n.CreatedAt)).ToList());
    }
}
