using System.Security.Cryptography;
using System.Text;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Teamwork.SendActivityNotification;
using GraphKeyValue = Microsoft.Graph.Models.KeyValuePair;

namespace ResponseDrafter.Api.Integrations.Graph;

/// <summary>
/// A Teams activity feed notification; when Teams refuses for good (the app is not installed for the person,
/// no permission, unknown user), the same message goes by email. A resend carries the same chainId, which
/// Teams treats as an update of the earlier notification rather than a second one.
/// </summary>
public sealed class GraphNotifier(GraphClients clients, IMailSender mail) : INotifier
{
    public async Task<NotificationDelivery> NotifyAsync(string tenantId, ActivityNotification notification, CancellationToken cancellationToken)
    {
        var graph = clients.ForApp(tenantId);
        try
        {
            await GraphCall.RunAsync("Send Teams notification", () => graph.Users[notification.Recipient.UserId].Teamwork.SendActivityNotification
                .PostAsync(Request(notification), cancellationToken: cancellationToken), cancellationToken);
            return NotificationDelivery.TeamsActivityFeed;
        }
        catch (IntegrationException e) when (!e.IsTransient)
        {
            await mail.SendAsync(tenantId, FallbackMail(notification), cancellationToken);
            return NotificationDelivery.Email;
        }
    }

    internal static long ChainId(string key) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0) & long.MaxValue;

    private static SendActivityNotificationPostRequestBody Request(ActivityNotification n) => new()
    {
        Topic = new TeamworkActivityTopic { Source = TeamworkActivityTopicSource.Text, Value = n.Title, WebUrl = n.Link },
        ActivityType = n.ActivityType,
        ChainId = ChainId(n.Key),
        PreviewText = new ItemBody { Content = n.Text },
        TemplateParameters = [.. n.TemplateParameters.Select(p => new GraphKeyValue { Name = p.Key, Value = p.Value })],
    };

    private static OutgoingMail FallbackMail(ActivityNotification n) =>
        new($"{n.Key}-email", [n.Recipient.Email], [], n.Title, $"{n.Text}\r\n\r\n{n.Link}\r\n", []);
}
