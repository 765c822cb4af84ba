using System.Net;
using System.Text.Json.Nodes;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Imports;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Tests.Imports;

/// <summary>Who answers a recommendation to "the police" or to nobody: asked by the preview, saved with the report, changed later.</summary>
[TestClass]
public sealed class AddresseeDecisionApiTests
{
    private const string National = """
        Recommendation 1: To chief constables
        Review how referrals are recorded.

        Recommendation 2
        The police should publish their referral data each year.

        Recommendation 3
        Improve the way referrals are shared.
        """;

    [TestMethod]
    public async Task ThePreviewAsksWhoAnswersEachRecommendationThatNamesOnlyThePoliceOrNobody()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendJsonAsync(HttpMethod.Post, "/api/imports/recommendations/preview", new RecommendationPasteInput(National));

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var questions = json["questions"]!.AsArray();
        CollectionAssert.AreEqual(new[] { "2", "3" }, questions.Select(q => (string)q!["ref"]!).ToArray());
        Assert.AreEqual("The police", (string?)questions[0]!["named"]);
        Assert.AreEqual("Recommendation 2 is addressed to \"The police\", which is not a body the letter speaks for. Who answers it in your letter?", (string?)questions[0]!["question"]);
        Assert.IsNull(questions[1]!["named"]);
        Assert.IsTrue(json["recommendations"]!.AsArray().All(r => r!.AsObject().ContainsKey("decidedAddressee") && r["decidedAddressee"] is null),
            "every recommendation carries the decision, undecided");
    }

    [TestMethod]
    public async Task DecisionsSavedWithTheReportRoundTripAndDecideWhatANewDraftAnswers()
    {
        using var host = await ApiHost.StartAsync();
        await SetUpProfileAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var body = await DecidedReportAsync(client, "force", "noted");

        var created = await client.SendJsonAsync(HttpMethod.Post, "/api/reports", body);
        var report = await (await client.GetAsync(created.Headers.Location)).ReadAsync<ReportDto>();
        var draft = await (await client.SendJsonAsync(HttpMethod.Post, "/api/drafts", new NewDraftInput(report.Id))).ReadAsync<DraftDto>();

        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        CollectionAssert.AreEqual(new AddresseeDecision?[] { null, AddresseeDecision.Force, AddresseeDecision.Noted },
            report.Recommendations.Select(r => r.DecidedAddressee).ToArray());
        CollectionAssert.AreEqual(new AddresseeDecision?[] { AddresseeDecision.Force, AddresseeDecision.Noted }, report.Questions.Select(q => q.Decided).ToArray());
        CollectionAssert.AreEqual(new[] { "1", "2" }, draft.Selection.ToArray(), "2 is pre-selected as the force's; 3 is noted only");
    }

    [TestMethod]
    public async Task ASubItemsDecisionRoundTripsAndTheSubItemIsAnsweredOnItsOwn()
    {
        using var host = await ApiHost.StartAsync();
        await SetUpProfileAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var body = new JsonObject
        {
            ["title"] = "Monitoring: a national inspection",
            ["publishedOn"] = "2026-11-02",
            ["recommendations"] = new JsonArray(new JsonObject
            {
                ["number"] = "6",
                ["addressees"] = new JsonArray(),
                ["text"] = "Monitoring of recommendations",
                ["subItems"] = new JsonArray(
                    new JsonObject { ["label"] = "a", ["text"] = "Home Office to provide a report;", ["addressees"] = new JsonArray("Home Office") },
                    new JsonObject { ["label"] = "b", ["text"] = "publish progress each year.", ["addressees"] = new JsonArray(), ["decidedAddressee"] = "commissioner" }),
            }),
        };

        var report = await (await client.SendJsonAsync(HttpMethod.Post, "/api/reports", body)).ReadAsync<ReportDto>();
        var draft = await (await client.SendJsonAsync(HttpMethod.Post, "/api/drafts", new NewDraftInput(report.Id))).ReadAsync<DraftDto>();

        Assert.AreEqual(AddresseeDecision.Commissioner, report.Recommendations[0].SubItems[1].DecidedAddressee);
        Assert.AreEqual("6b b Commissioner", string.Join(", ", report.Questions.Select(q => $"{q.Ref} {q.SubItem} {q.Decided}")));
        CollectionAssert.AreEqual(new[] { "6b" }, draft.Selection.ToArray());
    }

    [TestMethod]
    public async Task AnUnknownDecisionIsRefusedNamingTheFieldAndTheChoices()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);
        var created = await client.SendJsonAsync(HttpMethod.Post, "/api/reports", await DecidedReportAsync(client, null, null));
        var body = await DecidedReportAsync(client, "the police", null);
        body["recommendations"]![0]!["subItems"] = new JsonArray(new JsonObject { ["label"] = "a", ["text"] = "Review it.", ["addressees"] = new JsonArray(), ["decidedAddressee"] = "chief" });

        var refused = await client.SendJsonAsync(HttpMethod.Put, created.Headers.Location!.ToString(), body, created.ETag());

        var problem = await refused.ProblemAsync(HttpStatusCode.BadRequest);
        CollectionAssert.AreEqual(new[] { "Expected one of: force, commissioner, both, noted." }, problem.ErrorsFor("recommendations[1].decidedAddressee").ToArray());
        CollectionAssert.AreEqual(new[] { "Expected one of: force, commissioner, both, noted." }, problem.ErrorsFor("recommendations[0].subItems[0].decidedAddressee").ToArray());
        var kept = await (await client.GetAsync(created.Headers.Location)).ReadAsync<ReportDto>();
        Assert.IsTrue(kept.Recommendations.All(r => r.DecidedAddressee is null && r.SubItems.Count == 0), "nothing saved is lost or changed");
    }

    [TestMethod]
    public async Task ChangingTheDecisionChangesWhatTheCompletenessCheckAsksFor()
    {
        using var host = await ApiHost.StartAsync();
        await SetUpProfileAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var created = await client.SendJsonAsync(HttpMethod.Post, "/api/reports", await DecidedReportAsync(client, null, null));
        var report = await created.ReadAsync<ReportDto>();
        var draft = await (await client.SendJsonAsync(HttpMethod.Post, "/api/drafts", new NewDraftInput(report.Id))).ReadAsync<DraftDto>();
        var before = await (await client.GetAsync($"/api/drafts/{draft.Id}/status")).ReadAsync<DraftStatusDto>();

        var updated = await client.SendJsonAsync(HttpMethod.Put, $"/api/reports/{report.Id}", await DecidedReportAsync(client, "commissioner", "both"), created.ETag());
        var after = await (await client.GetAsync($"/api/drafts/{draft.Id}/status")).ReadAsync<DraftStatusDto>();

        Assert.AreEqual(HttpStatusCode.OK, updated.StatusCode);
        CollectionAssert.AreEqual(new[] { "1" }, before.Gaps.Select(g => g.Ref).Distinct().ToArray());
        CollectionAssert.AreEqual(new[] { "1", "2", "3" }, after.Gaps.Select(g => g.Ref).Distinct().ToArray());
    }

    private static async Task SetUpProfileAsync(ApiHost host)
    {
        using var admin = host.ClientFor(Caller.Admin);
        Assert.IsTrue((await admin.SendJsonAsync(HttpMethod.Put, "/api/profile", Scenario.Profile())).IsSuccessStatusCode);
    }

    /// <summary>The preview's recommendations with the drafter's decisions on 2 and 3, as the pane posts them.</summary>
    private static async Task<JsonObject> DecidedReportAsync(HttpClient client, string? two, string? three)
    {
        var preview = await client.SendJsonAsync(HttpMethod.Post, "/api/imports/recommendations/preview", new RecommendationPasteInput(National));
        var recommendations = JsonNode.Parse(await preview.Content.ReadAsStringAsync())!["recommendations"]!.AsArray();
        recommendations[1]!["decidedAddressee"] = two;
        recommendations[2]!["decidedAddressee"] = three;
        return new JsonObject
        {
            ["title"] = "Referrals: a national inspection",
            ["kind"] = "thematic",
            ["publishedOn"] = "2026-11-02",
            ["recommendations"] = recommendations.DeepClone(),
        };
    }
}
