using System.Text;
using System.Text.RegularExpressions;
using ResponseDrafter.Api.Integrations;

namespace ResponseDrafter.Api.Tests.Integrations;

[TestClass]
public sealed partial class LocalMailSenderTests
{
    [TestMethod]
    public async Task LetterIsWrittenAsAnEmlWithThePdfAsAMimeAttachment()
    {
        await using var rig = LocalRig.Start();
        var letter = Samples.Letter("draft-42-dispatch-v3") with { Subject = "Response to HMICFRS – Hidden victims" };

        var sent = await rig.Mail.SendAsync(LocalRig.Tenant, letter, CancellationToken.None);

        var eml = await File.ReadAllTextAsync(Path.Combine(rig.DataPath, "outbox", LocalRig.Tenant, "draft-42-dispatch-v3.eml"));
        var (headers, parts) = ParsedEml.Parse(eml);
        Assert.AreEqual("responsedrafter@localhost", headers["From"]);
        Assert.AreEqual("section55responses@homeoffice.gov.uk", headers["To"]);
        Assert.AreEqual("enquiries@hmicfrs.gov.uk", headers["Cc"]);
        Assert.AreEqual("Response to HMICFRS – Hidden victims", ParsedEml.DecodeWords(headers["Subject"]));
        Assert.AreEqual("<draft-42-dispatch-v3@localhost>", headers["Message-ID"]);
        Assert.AreEqual(sent.InternetMessageId, headers["Message-ID"]);
        Assert.IsTrue(DateTimeOffset.TryParse(headers["Date"].Replace(" +0000", " +00:00", StringComparison.Ordinal), out _), headers["Date"]);
        Assert.AreEqual("1.0", headers["MIME-Version"]);
        StringAssert.StartsWith(headers["Content-Type"], "multipart/mixed;");

        Assert.HasCount(2, parts);
        Assert.AreEqual("text/plain; charset=utf-8", parts[0].Headers["Content-Type"]);
        Assert.AreEqual(letter.Body, Encoding.UTF8.GetString(parts[0].Content));
        Assert.AreEqual("attachment; filename=\"response.pdf\"", parts[1].Headers["Content-Disposition"]);
        StringAssert.StartsWith(parts[1].Headers["Content-Type"], "application/pdf;");
        CollectionAssert.AreEqual(letter.Attachments[0].Content, parts[1].Content);
        Assert.IsTrue(eml.Split("\r\n").All(line => line.Length <= 78), "lines stay within RFC 5322's recommended length");
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

    /// <summary>Just enough MIME reading to check what a mail client would show.</summary>
    private static partial class ParsedEml
    {
        public static (Dictionary<string, string> Headers, List<Part> Parts) Parse(string eml)
        {
            var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = Headers(eml[..split]);
            var boundary = Boundary().Match(headers["Content-Type"]).Groups[1].Value;
            var parts = eml[(split + 4)..].Split($"--{boundary}")
                .Skip(1)
                .Where(p => !p.StartsWith("--", StringComparison.Ordinal))
                .Select(p =>
                {
                    var end = p.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                    return new Part(Headers(p[..end].Trim()), Convert.FromBase64String(p[(end + 4)..].Replace("\r\n", "", StringComparison.Ordinal)));
                })
                .ToList();
            return (headers, parts);
        }

        /// <summary>RFC 2047: the white space between two encoded words is not part of the text.</summary>
        public static string DecodeWords(string value) =>
            EncodedWord().Replace(AdjacentWords().Replace(value, "?==?"), m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)));

        private static Dictionary<string, string> Headers(string block) =>
            block.Replace("\r\n ", " ", StringComparison.Ordinal).Split("\r\n")
                .Select(line => line.Split(": ", 2))
                .ToDictionary(h => h[0], h => h[1]);

        [GeneratedRegex("boundary=\"([^\"]+)\"")]
        private static partial Regex Boundary();

        [GeneratedRegex("=\\?utf-8\\?B\\?([^?]*)\\?=")]
        private static partial Regex EncodedWord();

        [GeneratedRegex("\\?=\\s+=\\?")]
        private static partial Regex AdjacentWords();
    }

    private sealed record Part(Dictionary<string, string> Headers, byte[] Content);
}
