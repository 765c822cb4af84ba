using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Integrations.Local;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Tests.Outbox;

[TestClass]
public sealed class NotificationsApiTests
{
    [TestMethod]
    public async Task TheCallerSeesTheirOwnInAppNotificationsNewestFirst()
    {
        using var host = await ApiHost.StartAsync();
        var token = TestTokens.For(Caller.Approver);
        var oid = new JsonWebToken(token).GetClaim("oid").Value;
        var notifier = host.Services.GetRequiredService<LocalNotifier>();
        await notifier.NotifyAsync(Caller.TenantA, Notification("k1", oid, "Version 1 awaits your decision."), CancellationToken.None);
        await notifier.NotifyAsync(Caller.TenantA, Notification("k2", "someone-else", "Not for this approver."), CancellationToken.None);
        await notifier.NotifyAsync(Caller.TenantB, Notification("k3", oid, "Another OPCC's."), CancellationToken.None);
        await Task.Delay(20);
        await notifier.NotifyAsync(Caller.TenantA, Notification("k4", oid, "Version 2 awaits your decision."), CancellationToken.None);
        using var client = host.ClientWithToken(token);

        var list = await (await client.GetAsync("/api/notifications")).ReadAsync<List<NotificationDto>>();

        CollectionAssert.AreEqual(new[] { "Version 2 awaits your decision.", "Version 1 awaits your decision." }, list.Select(n => n.Text).ToList());
        Assert.AreEqual(Notifications.ApprovalRequested, list[0].ActivityType);
        Assert.AreEqual("/taskpane.html?draft=1", list[0].Link);
    }

    [TestMethod]
    public async Task WithMicrosoft365TheListIsEmptyBecauseTeamsShowsThem()
    {
        using var host = await ApiHost.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Integrations:Mode"] = "Graph",
            [$"Integrations:Graph:Tenants:{Caller.TenantA}:DriveId"] = "b!letters",
            [$"Integrations:Graph:Tenants:{Caller.TenantA}:SenderMailbox"] = "dispatch@opcc.example",
        });
        using var client = host.ClientFor(Caller.Approver);

        var list = await (await client.GetAsync("/api/notifications")).ReadAsync<List<NotificationDto>>();

        Assert.IsEmpty(list);
    }

    private static ActivityNotification Notification(string key, string userId, string text) =>
        new(key, new NotificationRecipient(userId, "someone@opcc.example"), Notifications.ApprovalRequested, "The hidden victims", text, "/taskpane.html?draft=1",
            new Dictionary<string, string>());
}
