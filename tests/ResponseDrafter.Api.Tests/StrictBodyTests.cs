using System.Net;
using System.Text.Json.Nodes;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Tests.Workflow;

namespace ResponseDrafter.Api.Tests;

/// <summary>A request body is read as it was meant or refused naming what is wrong: never silently trimmed, never read as empty.</summary>
[TestClass]
public sealed class StrictBodyTests
{
    [TestMethod]
    public async Task AMisnamedSelectionIsRefusedNamingTheUnknownAndTheMissingFieldAndTheSelectionStays()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var before = await (await client.GetAsync(scenario.DraftUrl)).ReadAsync<DraftDto>();

        var response = await client.SendRawAsync(HttpMethod.Put, $"{scenario.DraftUrl}/selection", "{\"selection\": [\"2\"]}", ifMatch: scenario.DraftETag);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.AreEqual("Unknown property 'selection'; did you mean 'refs'?", problem.ErrorsFor("selection").Single());
        Assert.AreEqual("Is required.", problem.ErrorsFor("refs").Single());
        var after = await client.GetAsync(scenario.DraftUrl);
        Assert.AreEqual(scenario.DraftETag, after.ETag());
        CollectionAssert.AreEqual(before.Selection.ToList(), (await after.ReadAsync<DraftDto>()).Selection.ToList());
        Assert.IsNotEmpty(before.Selection);
    }

    [TestMethod]
    public async Task ANullRequiredListIsRefusedNotReadAsEmpty()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendRawAsync(HttpMethod.Put, $"{scenario.DraftUrl}/selection", "{\"refs\": null}", ifMatch: scenario.DraftETag);

        Assert.AreEqual("Must not be null.", (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("refs").Single());
        Assert.AreEqual(scenario.DraftETag, (await client.GetAsync(scenario.DraftUrl)).ETag());
    }

    [TestMethod]
    public async Task ARepeatedPropertyIsRefusedNamingIt()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendRawAsync(
            HttpMethod.Put, $"{scenario.DraftUrl}/responses/2", "{\"commentary\": \"We agree.\", \"commentary\": \"We do not.\"}", ifMatch: scenario.DraftETag);

        Assert.AreEqual("Appears more than once.", (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("commentary").Single());
        Assert.AreEqual(scenario.DraftETag, (await client.GetAsync(scenario.DraftUrl)).ETag());
    }

    [TestMethod]
    public async Task AMisspeltPropertyGetsADidYouMean()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendRawAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2", "{\"comentary\": \"We agree.\"}", ifMatch: scenario.DraftETag);

        Assert.AreEqual("Unknown property 'comentary'; did you mean 'commentary'?", (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("comentary").Single());
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("null")]
    [DataRow("  null  ")]
    public async Task ANullOrEmptyBodyIsRefusedNamingTheBody(string body)
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendRawAsync(HttpMethod.Put, $"{scenario.DraftUrl}/selection", body, ifMatch: scenario.DraftETag);

        Assert.AreEqual("Is required: send a JSON object.", (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("body").Single());
        Assert.AreEqual(scenario.DraftETag, (await client.GetAsync(scenario.DraftUrl)).ETag());
    }

    [TestMethod]
    public async Task AnUnknownPropertyInsideAListIsNamedWithItsPath()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendRawAsync(
            HttpMethod.Post, "/api/reports", "{\"title\": \"T\", \"publishedOn\": \"2024-01-01\", \"recommendations\": [{\"number\": \"1\", \"txt\": \"x\"}]}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        StringAssert.StartsWith(problem.ErrorsFor("recommendations[0].txt").Single(), "Unknown property 'txt'");
    }

    [TestMethod]
    public async Task ALetterSentWithoutOneOfItsListsIsRefusedRatherThanClearingIt()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var draft = JsonNode.Parse(await (await client.GetAsync(scenario.DraftUrl)).Content.ReadAsStringAsync())!;
        var letter = draft["letter"]!.AsObject();
        Assert.IsNotEmpty(letter["cc"]!.AsArray(), "The profile gives the letter a cc line to lose.");
        letter.Remove("cc");

        var response = await client.SendRawAsync(HttpMethod.Put, scenario.DraftUrl, letter.ToJsonString(), ifMatch: scenario.DraftETag);

        Assert.AreEqual("Is required: send [] if there are none.", (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("cc").Single());
        Assert.AreEqual(scenario.DraftETag, (await client.GetAsync(scenario.DraftUrl)).ETag());
    }

    [TestMethod]
    public async Task AResponseSentWithoutItsReasonIsRefusedAndSaysHowToSendNone()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendRawAsync(
            HttpMethod.Put, $"{scenario.DraftUrl}/responses/2", "{\"commentary\": \"We agree.\", \"status\": \"action-taken\"}", ifMatch: scenario.DraftETag);

        Assert.AreEqual("Is required: send null if there is none.", (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("reason").Single());
        Assert.AreEqual(scenario.DraftETag, (await client.GetAsync(scenario.DraftUrl)).ETag());
    }

    [TestMethod]
    public async Task AMisspeltDecisionPropertyIsRefusedAndNoDecisionIsRecorded()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        var sha256 = (await rig.SubmittedAsync()).Versions[^1].Sha256;
        using var approver = host.ClientFor(Caller.HeadOfPolicy);

        var response = await approver.SendRawAsync(
            HttpMethod.Post, $"{rig.DraftUrl}/decisions", $"{{\"decision\": \"approve\", \"versionSha265\": \"{sha256}\"}}");

        Assert.AreEqual("Unknown property 'versionSha265'; did you mean 'versionSha256'?",
            (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("versionSha265").Single());
        Assert.IsEmpty((await rig.WorkflowAsync()).Decisions);
    }

    [TestMethod]
    public async Task APastedRecommendationsBodyWithAnUnknownPropertyIsRefused()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendRawAsync(HttpMethod.Post, "/api/imports/recommendations/preview", "{\"txt\": \"Recommendation 1\"}");

        Assert.AreEqual("Unknown property 'txt'; did you mean 'text'?", (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("txt").Single());
    }
}
