using ResponseDrafter.Api.Integrations;

namespace ResponseDrafter.Api.Tests.Integrations;

[TestClass]
public sealed class GraphNotifierTests
{
    private static readonly ActivityNotification ApprovalRequest = new(
        "draft-42-approval-v3",
        new NotificationRecipient("7e1c3a55-0d8b-4f7e-9a1f-2c4b6d8e0f11", "pcc@opcc.example"),
        "approvalRequested",
        "Hidden victims (2021)",
        "Version 3 of the response is ready for your approval.",
        "https://teams.microsoft.com/l/entity/app-id/drafts?context=%7B%22subEntityId%22%3A%2242%22%7D",
        new Dictionary<string, string> { ["reportTitle"] = "Hidden victims (2021)" });

    [TestMethod]
    public async Task ApproverIsNotifiedInTheirTeamsActivityFeed_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();

        var delivery = await rig.Notifier.NotifyAsync(GraphRig.Tenant, ApprovalRequest, CancellationToken.None);
        await rig.Notifier.NotifyAsync(GraphRig.Tenant, ApprovalRequest, CancellationToken.None);

        Assert.AreEqual(NotificationDelivery.TeamsActivityFeed, delivery);
        var requests = rig.Graph.RequestsTo(GraphRoute.ActivityNotification);
        Assert.AreEqual($"/v1.0/users/{ApprovalRequest.Recipient.UserId}/teamwork/sendActivityNotification", requests[0].PathAndQuery);
        var body = requests[0].Json;
        Assert.AreEqual("text", body["topic"]!["source"]!.GetValue<string>());
        Assert.AreEqual("Hidden victims (2021)", body["topic"]!["value"]!.GetValue<string>());
        Assert.AreEqual(ApprovalRequest.Link, body["topic"]!["webUrl"]!.GetValue<string>());
        Assert.AreEqual("approvalRequested", body["activityType"]!.GetValue<string>());
        Assert.AreEqual(ApprovalRequest.Text, body["previewText"]!["content"]!.GetValue<string>());
        Assert.AreEqual("reportTitle", body["templateParameters"]![0]!["name"]!.GetValue<string>());
        Assert.AreEqual("Hidden victims (2021)", body["templateParameters"]![0]!["value"]!.GetValue<string>());
        Assert.AreEqual(body["chainId"]!.GetValue<long>(), requests[1].Json["chainId"]!.GetValue<long>(), "a resend updates the same feed item");
        Assert.AreEqual(0, rig.Graph.SentItems.Count);
    }

    [TestMethod]
    public async Task ApproverWithoutTheTeamsAppIsEmailedInstead_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();
        rig.Graph.UsersWithoutTeamsApp.Add(ApprovalRequest.Recipient.UserId);

        var delivery = await rig.Notifier.NotifyAsync(GraphRig.Tenant, ApprovalRequest, CancellationToken.None);

        Assert.AreEqual(NotificationDelivery.Email, delivery);
        var email = rig.Graph.SentItems.Single();
        Assert.AreEqual("pcc@opcc.example", email.To.Single());
        Assert.AreEqual("Hidden victims (2021)", email.Subject);
        StringAssert.Contains(email.Body, ApprovalRequest.Link);
        Assert.AreEqual("draft-42-approval-v3-email", email.MessageKey);
    }

    [TestMethod]
    public async Task ATeamsOutageIsRetriedRatherThanDivertedToEmail_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();
        rig.Graph.Inject(GraphRoute.ActivityNotification, Fault.ServiceUnavailable);

        var e = await Assert.ThrowsExactlyAsync<IntegrationException>(() => rig.Notifier.NotifyAsync(GraphRig.Tenant, ApprovalRequest, CancellationToken.None));
        var delivery = await rig.Pipeline.ExecuteAsync(async ct => await rig.Notifier.NotifyAsync(GraphRig.Tenant, ApprovalRequest, ct));

        Assert.IsTrue(e.IsTransient);
        Assert.AreEqual(NotificationDelivery.TeamsActivityFeed, delivery);
        Assert.AreEqual(0, rig.Graph.SentItems.Count);
    }
}
