using System.Globalization;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Outbox;

namespace ResponseDrafter.Api.Workflow;

/// <summary>The notifications sign-off sends, as outbox entries committed with the action that causes them.</summary>
public static class Notifications
{
    public const string ApprovalRequested = "approvalRequested";
    public const string ChangesRequested = "changesRequested";
    public const string ResponseApproved = "responseApproved";
    public const string DeadlineApproaching = "deadlineApproaching";

    /// <summary>One entry per person; the key makes a retried send replace, not repeat, the notification.</summary>
    /// <param name="parameters">The activity type's template parameters beyond <c>reportTitle</c> (e.g. <c>daysLeft</c>).</param>
    public static void Enqueue(
        DraftingDb db, Draft draft, string reportTitle, IEnumerable<Person> people, string activityType, string keySuffix, string text, string link, DateTime now,
        IReadOnlyDictionary<string, string>? parameters = null)
    {
        foreach (var person in people.DistinctBy(p => p.Id, StringComparer.Ordinal))
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"draft-{draft.Id:N}-{keySuffix}-{Slug(person.Id)}");
            var notification = new ActivityNotification(
                key,
                new NotificationRecipient(person.Id, person.Email),
                activityType,
                reportTitle,
                text,
                link,
                new Dictionary<string, string>(parameters ?? new Dictionary<string, string>()) { ["reportTitle"] = reportTitle });
            OutboxWrites.Enqueue(db, OutboxKinds.Notify, draft.Id, new NotifyPayload(notification), now);
        }
    }

    /// <summary>Where a notification takes a person: the draft in the app at its configured public origin, never the request's Host.</summary>
    public static string LinkTo(HttpRequest request, Guid draftId) =>
        request.HttpContext.RequestServices.GetRequiredService<PublicOrigin>().DraftLink(draftId);

    private static string Slug(string id) => new([.. id.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').Take(36)]);
}
