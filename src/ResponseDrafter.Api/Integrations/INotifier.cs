namespace ResponseDrafter.Api.Integrations;

/// <summary>Tells a person that something needs them: a Teams activity feed item (email if Teams cannot), or
/// an entry in the app's own notification list.</summary>
public interface INotifier
{
    Task<NotificationDelivery> NotifyAsync(string tenantId, ActivityNotification notification, CancellationToken cancellationToken);
}

/// <param name="Key">Stable across retries; a resend replaces the earlier notification instead of adding one.</param>
/// <param name="ActivityType">Declared in the Teams app manifest's activities, e.g. <c>approvalRequested</c>.</param>
/// <param name="Title">Short topic shown in bold, e.g. the report title.</param>
/// <param name="Text">The preview text (Teams shows the first 150 characters).</param>
/// <param name="Link">Where the person lands when they open it.</param>
public sealed record ActivityNotification(
    string Key,
    NotificationRecipient Recipient,
    string ActivityType,
    string Title,
    string Text,
    string Link,
    IReadOnlyDictionary<string, string> TemplateParameters);

/// <param name="UserId">The Entra object id (oid) of the person.</param>
/// <param name="Email">Used when the activity feed cannot reach them.</param>
public sealed record NotificationRecipient(string UserId, string Email);

public enum NotificationDelivery
{
    TeamsActivityFeed,
    Email,
    InApp,
}
