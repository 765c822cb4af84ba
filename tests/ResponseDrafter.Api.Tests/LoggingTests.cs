using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Tests;

[TestClass]
public sealed class LoggingTests
{
    [TestMethod]
    public async Task NoLetterTextOrTokenIsEverLogged()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        var token = TestTokens.For(Caller.Drafter);
        using var client = host.ClientWithToken(token);
        const string commentary = "Confidential commentary about operation Nightjar.";
        const string assurance = "Sensitive assurance wording from the force.";

        var assured = await client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2/assurance", new AssuranceInput(assurance, "DCI Example", null, null), scenario.DraftETag);
        await client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2", new ResponseInput(commentary, ResponseStatus.ActionTaken, null), assured.ETag());
        await client.GetAsync($"{scenario.DraftUrl}/document");
        await client.SendRawAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2", "{\"commentary\": \"" + commentary + "\", ");

        var logs = string.Join('\n', host.Logs.Lines);
        Assert.IsTrue(logs.Contains("Patched draft", StringComparison.Ordinal), "the patch is logged");
        Assert.IsFalse(logs.Contains(commentary, StringComparison.Ordinal), "commentary was logged");
        Assert.IsFalse(logs.Contains(assurance, StringComparison.Ordinal), "assurance was logged");
        Assert.IsFalse(logs.Contains(token, StringComparison.Ordinal), "the whole token was logged");
        Assert.IsFalse(logs.Contains(token.Split('.')[2], StringComparison.Ordinal), "the token's signature was logged");
    }
}
