using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Integrations.Graph;

namespace ResponseDrafter.Api.Tests.Integrations;

[TestClass]
public sealed class GraphMailSenderTests
{
    [TestMethod]
    public async Task LetterIsSentFromTheOpccMailboxWithThePdfAttachedAndItsKeyStamped_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();
        var letter = Samples.Letter("draft-42-dispatch-v3");

        var sent = await rig.Mail.SendAsync(GraphRig.Tenant, letter, CancellationToken.None);

        var lookup = rig.Graph.RequestsTo(GraphRoute.SentItems)[0];
        var send = rig.Graph.RequestsTo(GraphRoute.SendMail).Single();
        Assert.IsTrue(lookup.At < send.At, "Sent Items is checked before sending");
        Assert.AreEqual(
            $"/v1.0/users/{GraphRig.Sender}/mailFolders/sentitems/messages?$filter=singleValueExtendedProperties/Any(ep: ep/id eq '{GraphMailSender.MessageKeyPropertyId}' and ep/value eq 'draft-42-dispatch-v3')&$select=id,internetMessageId,sentDateTime&$top=1",
            Uri.UnescapeDataString(lookup.PathAndQuery));

        var message = send.Json["message"]!;
        Assert.IsTrue(send.Json["saveToSentItems"]!.GetValue<bool>());
        Assert.AreEqual("text", message["body"]!["contentType"]!.GetValue<string>());
        var attachment = message["attachments"]![0]!;
        Assert.AreEqual("#microsoft.graph.fileAttachment", attachment["@odata.type"]!.GetValue<string>());
        Assert.AreEqual("application/pdf", attachment["contentType"]!.GetValue<string>());

        var received = rig.Graph.SentItems.Single();
        Assert.AreEqual(GraphRig.Sender, received.Sender);
        Assert.AreEqual("draft-42-dispatch-v3", received.MessageKey);
        Assert.AreEqual(letter.Subject, received.Subject);
        Assert.AreEqual("section55responses@homeoffice.gov.uk", received.To.Single());
        Assert.AreEqual("enquiries@hmicfrs.gov.uk", received.Cc.Single());
        Assert.AreEqual("response.pdf", received.Attachments.Single().Name);
        CollectionAssert.AreEqual(letter.Attachments[0].Content, received.Attachments.Single().Content);
        Assert.AreEqual("draft-42-dispatch-v3", sent.MessageKey);

        var found = await rig.Mail.FindSentAsync(GraphRig.Tenant, "draft-42-dispatch-v3", CancellationToken.None);
        Assert.AreEqual($"<{received.Id}@stand-in.example>", found?.InternetMessageId);
    }

    [TestMethod]
    public async Task SendingAKeyAlreadyInSentItemsReturnsThatMessageWithoutSendingAgain_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();
        await rig.Mail.SendAsync(GraphRig.Tenant, Samples.Letter("draft-42-dispatch-v3"), CancellationToken.None);

        var again = await rig.Mail.SendAsync(GraphRig.Tenant, Samples.Letter("draft-42-dispatch-v3"), CancellationToken.None);

        Assert.AreEqual(1, rig.Graph.RequestsTo(GraphRoute.SendMail).Count);
        Assert.IsNotNull(again.InternetMessageId);
    }

    [TestMethod]
    public async Task MailIsSentExactlyOnceWhenTheConnectionDropsAfterSending_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();
        rig.Graph.Inject(GraphRoute.SendMail, Fault.CrashAfterSend);

        await rig.Pipeline.ExecuteAsync(async ct => await rig.Mail.SendAsync(GraphRig.Tenant, Samples.Letter("draft-9-dispatch-v1"), ct));

        Assert.AreEqual(1, rig.Graph.SentItems.Count(m => m.MessageKey == "draft-9-dispatch-v1"));
        Assert.AreEqual(1, rig.Graph.RequestsTo(GraphRoute.SendMail).Count);
    }

    [TestMethod]
    public async Task MailIsSentExactlyOnceWhenSentItemsLagsBehindALostAnswer_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();
        rig.Graph.SentItemsLag = TimeSpan.FromMilliseconds(300);
        rig.Graph.Inject(GraphRoute.SendMail, Fault.CrashAfterSend);

        await rig.Pipeline.ExecuteAsync(async ct => await rig.Mail.SendAsync(GraphRig.Tenant, Samples.Letter("draft-9-dispatch-v2"), ct));

        Assert.AreEqual(1, rig.Graph.SentItems.Count(m => m.MessageKey == "draft-9-dispatch-v2"));
        Assert.AreEqual(1, rig.Graph.RequestsTo(GraphRoute.SendMail).Count);
    }

    [TestMethod]
    public async Task MailIsNotSentAgainAfterTheProcessCrashesBetweenSendingAndRecording_LoopbackGraph()
    {
        await using var crashed = await GraphRig.StartAsync();
        crashed.Graph.SentItemsLag = TimeSpan.FromMilliseconds(300);
        crashed.Graph.Inject(GraphRoute.SendMail, Fault.CrashAfterSend);
        var attemptedAt = DateTimeOffset.UtcNow;
        await Assert.ThrowsExactlyAsync<IntegrationException>(() =>
            crashed.Mail.SendAsync(GraphRig.Tenant, Samples.Letter("draft-11-dispatch-v1"), CancellationToken.None));

        await using var restarted = await GraphRig.StartAsync(sharedGraph: crashed.Graph);
        var letter = Samples.Letter("draft-11-dispatch-v1") with { PreviousAttemptAt = attemptedAt };
        var sent = await restarted.Pipeline.ExecuteAsync(async ct => await restarted.Mail.SendAsync(GraphRig.Tenant, letter, ct));

        Assert.AreEqual(1, crashed.Graph.SentItems.Count(m => m.MessageKey == "draft-11-dispatch-v1"));
        Assert.AreEqual(1, crashed.Graph.RequestsTo(GraphRoute.SendMail).Count);
        Assert.IsNotNull(sent.InternetMessageId, "the restarted process found the message in Sent Items");
    }

    [TestMethod]
    public async Task MessageKeysThatCouldBreakTheFilterAreRefused_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();

        var e = await Assert.ThrowsExactlyAsync<IntegrationException>(() =>
            rig.Mail.SendAsync(GraphRig.Tenant, Samples.Letter("x' or true or 'a"), CancellationToken.None));

        Assert.IsFalse(e.IsTransient);
        Assert.AreEqual(0, rig.Graph.Requests.Count);
    }
}
