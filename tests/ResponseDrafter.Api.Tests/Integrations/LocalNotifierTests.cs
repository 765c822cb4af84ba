using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Integrations.Local;

namespace ResponseDrafter.Api.Tests.Integrations;

[TestClass]
public sealed class LocalNotifierTests
{
    private static readonly ActivityNotification ApprovalRequest = new(
        "draft-42-approval-v3",
        new NotificationRecipient("pcc-user", "pcc@opcc.example"),
        "approvalRequested",
        "Hidden victims (2021)",
        "Version 3 of the response is ready for your approval.",
        "/drafts/42",
        new Dictionary<string, string>());

    [TestMethod]
    public async Task ApproverSeesTheNotificationInTheAppOnceHoweverOftenItIsSent()
    {
        await using var rig = LocalRig.Start();

        var delivery = await rig.Notifier.NotifyAsync(LocalRig.Tenant, ApprovalRequest, CancellationToken.None);
        await rig.Notifier.NotifyAsync(LocalRig.Tenant, ApprovalRequest, CancellationToken.None);

        Assert.AreEqual(NotificationDelivery.InApp, delivery);
        var shown = await rig.Get<LocalNotifier>().ReadAsync(LocalRig.Tenant, "pcc-user", CancellationToken.None);
        Assert.AreEqual("Version 3 of the response is ready for your approval.", shown.Single().Text);
        Assert.AreEqual("/drafts/42", shown.Single().Link);
        Assert.IsEmpty(await rig.Get<LocalNotifier>().ReadAsync(LocalRig.Tenant, "someone-else", CancellationToken.None));
        Assert.HasCount(1, await File.ReadAllLinesAsync(Path.Combine(rig.DataPath, "notifications", $"{LocalRig.Tenant}.jsonl")));
    }

    [TestMethod]
    public async Task AnotherTenantDoesNotSeeTheNotification()
    {
        await using var rig = LocalRig.Start();

        await rig.Notifier.NotifyAsync(LocalRig.Tenant, ApprovalRequest, CancellationToken.None);

        Assert.IsEmpty(await rig.Get<LocalNotifier>().ReadAsync("another-opcc", "pcc-user", CancellationToken.None));
    }
}
