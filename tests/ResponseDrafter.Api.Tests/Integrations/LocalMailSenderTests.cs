using MimeKit;
using ResponseDrafter.Api.Integrations;

namespace ResponseDrafter.Api.Tests.Integrations;

[TestClass]
public sealed class LocalMailSenderTests
{
    [TestMethod]
    public async Task LetterIsWrittenAsAnEmlWithThePdfAsAMimeAttachment()
    {
        await using var rig = LocalRig.Start();
        var letter = Samples.Letter("draft-42-dispatch-v3") with { Subject = "Response to HMICFRS – Hidden victims" };

        var sent = await rig.Mail.SendAsync(LocalRig.Tenant, letter, CancellationToken.None);

        var path = Path.Combine(rig.DataPath, "outbox", LocalRig.Tenant, "draft-42-dispatch-v3.eml");
        var message = await MimeMessage.LoadAsync(path);
        Assert.AreEqual("responsedrafter@localhost", message.From.Mailboxes.Single().Address);
        Assert.AreEqual("section55responses@homeoffice.gov.uk", message.To.Mailboxes.Single().Address);
        Assert.AreEqual("enquiries@hmicfrs.gov.uk", message.Cc.Mailboxes.Single().Address);
        Assert.AreEqual("Response to HMICFRS – Hidden victims", message.Subject);
        Assert.AreEqual("<draft-42-dispatch-v3@localhost>", message.Headers[HeaderId.MessageId]);
        Assert.AreEqual(sent.InternetMessageId, $"<{message.MessageId}>");
        Assert.IsTrue((sent.SentAt - message.Date).Duration() < TimeSpan.FromSeconds(1), $"{message.Date} is when it was sent, {sent.SentAt}");
        Assert.AreEqual("draft-42-dispatch-v3", message.Headers["X-ResponseDrafter-Message-Key"]);
        Assert.AreEqual("1.0", message.Headers[HeaderId.MimeVersion]);
        Assert.AreEqual("multipart/mixed", message.Body?.ContentType.MimeType);

        var parts = ((Multipart)message.Body!).ToList();
        Assert.HasCount(2, parts);
        var text = (TextPart)parts[0];
        Assert.AreEqual("text/plain", text.ContentType.MimeType);
        Assert.AreEqual("utf-8", text.ContentType.Charset);
        Assert.AreEqual(letter.Body, text.Text);
        var pdf = (MimePart)parts[1];
        Assert.IsTrue(pdf.IsAttachment);
        Assert.AreEqual("response.pdf", pdf.FileName);
        Assert.AreEqual("application/pdf", pdf.ContentType.MimeType);
        Assert.AreEqual(ContentEncoding.Base64, pdf.ContentTransferEncoding);
        using var content = new MemoryStream();
        await pdf.Content!.DecodeToAsync(content);
        CollectionAssert.AreEqual(letter.Attachments[0].Content, content.ToArray());

        var raw = await File.ReadAllTextAsync(path);
        Assert.IsTrue(raw.Split("\r\n").All(line => line.Length <= 78), "lines stay within RFC 5322's recommended length");
        Assert.DoesNotContain("\n", raw.Replace("\r\n", "", StringComparison.Ordinal), "every line ends in CRLF");
    }

    [TestMethod]
    public async Task ANonAsciiFileNameAndALongSubjectReachTheMailClientIntact()
    {
        await using var rig = LocalRig.Start();
        var subject = "Réponse à l’inspection : victimes cachées — " + string.Join(" ", Enumerable.Repeat("esclavage moderne", 6));
        var letter = Samples.Letter("draft-43-dispatch-v1") with
        {
            Subject = subject,
            Attachments = [new("Réponse \"signée\" du commissaire.pdf", "application/pdf", Samples.Bytes(100, seed: 1))],
        };

        await rig.Mail.SendAsync(LocalRig.Tenant, letter, CancellationToken.None);

        var path = Path.Combine(rig.DataPath, "outbox", LocalRig.Tenant, "draft-43-dispatch-v1.eml");
        var message = await MimeMessage.LoadAsync(path);
        Assert.AreEqual(subject, message.Subject);
        Assert.AreEqual("Réponse \"signée\" du commissaire.pdf", message.Attachments.OfType<MimePart>().Single().FileName);
        var lines = await File.ReadAllLinesAsync(path);
        Assert.IsTrue(lines.All(line => line.Length <= 998 && line.All(char.IsAscii)), "7-bit lines within RFC 5322's limit:\n" + string.Join("\n", lines));
    }

    [TestMethod]
    public async Task SendingTheSameKeyAgainWritesNoSecondEml()
    {
        await using var rig = LocalRig.Start();
        var first = await rig.Mail.SendAsync(LocalRig.Tenant, Samples.Letter("draft-42-dispatch-v3"), CancellationToken.None);

        var again = await rig.Mail.SendAsync(LocalRig.Tenant, Samples.Letter("draft-42-dispatch-v3") with { Subject = "changed" }, CancellationToken.None);

        var outbox = Path.Combine(rig.DataPath, "outbox", LocalRig.Tenant);
        Assert.HasCount(1, Directory.GetFiles(outbox));
        Assert.AreEqual(first.InternetMessageId, again.InternetMessageId);
        Assert.DoesNotContain("changed", await File.ReadAllTextAsync(Path.Combine(outbox, "draft-42-dispatch-v3.eml")));
        Assert.AreEqual(first.MessageKey, (await rig.Mail.FindSentAsync(LocalRig.Tenant, "draft-42-dispatch-v3", CancellationToken.None))?.MessageKey);
    }

    [TestMethod]
    public async Task ConcurrentSendsOfOneKeyLeaveExactlyOneEml()
    {
        await using var rig = LocalRig.Start();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => rig.Mail.SendAsync(LocalRig.Tenant, Samples.Letter("draft-5-dispatch-v1"), CancellationToken.None))));

        Assert.HasCount(1, Directory.GetFiles(Path.Combine(rig.DataPath, "outbox", LocalRig.Tenant)));
    }

    [TestMethod]
    public async Task AnAddressCarryingALineBreakCannotAddHeaders()
    {
        await using var rig = LocalRig.Start();
        var letter = Samples.Letter("draft-6-dispatch-v1") with { To = ["someone@example.org\r\nBcc: spy@example.org"] };

        var e = await Assert.ThrowsExactlyAsync<IntegrationException>(() => rig.Mail.SendAsync(LocalRig.Tenant, letter, CancellationToken.None));

        Assert.IsFalse(e.IsTransient);
        Assert.IsFalse(Directory.Exists(Path.Combine(rig.DataPath, "outbox", LocalRig.Tenant)) && Directory.GetFiles(Path.Combine(rig.DataPath, "outbox", LocalRig.Tenant)).Length > 0);
    }
}
