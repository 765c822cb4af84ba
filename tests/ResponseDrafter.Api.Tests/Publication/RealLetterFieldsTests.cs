using System.Net;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Tests.Publication;

/// <summary>What real letters have: "Your Reference:" printed alone, and no statutory citation line.</summary>
[TestClass]
public sealed class RealLetterFieldsTests
{
    [TestMethod]
    public async Task ADraftTakesAReferenceWithAnEmptyValueAndNoStatutoryCitation()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var letter = new DraftLetterInput(
            [new ReferenceInput("Your Reference", ""), new ReferenceInput("Our Reference", "OPCC/S55/2021/04")],
            new DateOnly(2021, 7, 19),
            DateStyle.Plain,
            [new RecipientInput("Rt Hon Priti Patel MP", "Home Secretary", ["Home Office", "2 Marsham Street"], null)],
            "Dear Home Secretary",
            "HMICFRS super-complaint: modern slavery",
            null,
            "I welcome this report.",
            null,
            null,
            null,
            "Yours sincerely",
            new SignatoryInput("Alex Mercer", "Police and Crime Commissioner"),
            [],
            "cc:",
            []);

        var put = await client.SendJsonAsync(HttpMethod.Put, scenario.DraftUrl, letter, scenario.DraftETag);

        Assert.AreEqual(HttpStatusCode.OK, put.StatusCode, await put.Content.ReadAsStringAsync());
        var stored = await (await client.GetAsync(scenario.DraftUrl)).ReadAsync<DraftDto>();
        Assert.AreEqual(string.Empty, stored.Letter.References[0].Value);
        Assert.AreEqual(string.Empty, stored.Letter.StatutoryCitation);
    }
}
