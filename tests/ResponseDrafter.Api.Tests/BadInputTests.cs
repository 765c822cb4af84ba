using System.Net;
using System.Text;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Tests;

/// <summary>Each kind of bad input gets its documented ProblemDetails, and nothing already saved changes.</summary>
[TestClass]
public sealed class BadInputTests
{
    [TestMethod]
    public async Task MalformedJsonIsA400AndNothingIsSaved()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendRawAsync(HttpMethod.Post, "/api/reports", "{\"title\": \"The hidden victims\", ");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.IsNotNull(problem["errors"]);
        Assert.IsFalse(problem.ToJsonString().Contains("Exception", StringComparison.Ordinal));
        Assert.AreEqual(0, (await (await client.GetAsync("/api/reports")).ReadAsync<List<ReportSummaryDto>>()).Count);
    }

    [TestMethod]
    public async Task AValueOfTheWrongTypeNamesItsField()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendRawAsync(HttpMethod.Post, "/api/reports", "{\"title\": \"T\", \"publishedOn\": 12}");

        Assert.AreEqual(1, (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("publishedOn").Count);
    }

    [TestMethod]
    public async Task AnUnknownEnumValueNamesItsField()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendRawAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2", "{\"status\": \"done\"}", ifMatch: scenario.DraftETag);

        Assert.AreEqual(1, (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("status").Count);
        Assert.AreEqual(scenario.DraftETag, (await client.GetAsync(scenario.DraftUrl)).ETag());
    }

    [TestMethod]
    public async Task EveryMissingFieldIsNamedWithItsPath()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendRawAsync(HttpMethod.Post, "/api/reports", "{\"recommendations\": [{\"subItems\": [{}]}]}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "title", "publishedOn", "recommendations[0].number", "recommendations[0].text", "recommendations[0].subItems[0].label", "recommendations[0].subItems[0].text" })
        {
            Assert.AreEqual(1, problem.ErrorsFor(field).Count, field);
        }
    }

    [TestMethod]
    public async Task AnUnknownReportIsNamedWhenStartingADraft()
    {
        using var host = await ApiHost.StartAsync();
        await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendJsonAsync(HttpMethod.Post, "/api/drafts", new NewDraftInput(Guid.NewGuid()));

        Assert.AreEqual(1, (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("reportId").Count);
        Assert.AreEqual(1, (await (await client.GetAsync("/api/drafts")).ReadAsync<List<DraftSummaryDto>>()).Count);
    }

    [TestMethod]
    public async Task AnOversizeJsonBodyGets413AndNothingIsSaved()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);
        var huge = Scenario.Report(new string('x', 2 * 1024 * 1024), new DateOnly(2024, 1, 1));

        var response = await client.SendJsonAsync(HttpMethod.Post, "/api/reports", huge);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.AreEqual(0, (await (await client.GetAsync("/api/reports")).ReadAsync<List<ReportSummaryDto>>()).Count);
    }

    [TestMethod]
    public async Task AnOversizeUploadGets413AndTheDraftIsUnchanged()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        using var form = HttpCalls.FileForm("huge.txt", new byte[11 * 1024 * 1024], "text/plain", new Dictionary<string, string> { ["suppliedBy"] = "DCI Example" });

        var response = await client.SendFormAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2/assurance", form, scenario.DraftETag);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.AreEqual(scenario.DraftETag, (await client.GetAsync(scenario.DraftUrl)).ETag());
    }

    [TestMethod]
    public async Task ACharacterAWordDocumentCannotHoldIsRefusedAndTheDraftIsUnchanged()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2", new ResponseInput("Assured\u0001.", null, null), scenario.DraftETag);

        var reasons = (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("commentary");
        StringAssert.Contains(reasons.Single(), "U+0001");
        var draft = await client.GetAsync(scenario.DraftUrl);
        Assert.AreEqual(scenario.DraftETag, draft.ETag());
        Assert.AreEqual(0, (await draft.ReadAsync<DraftDto>()).Responses.Count);
    }

    [TestMethod]
    public async Task AStaleReportUpdateGets412AndTheReportIsUnchanged()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var renamed = await client.SendJsonAsync(HttpMethod.Put, scenario.ReportUrl, Scenario.Report("First rename", new DateOnly(2021, 5, 26)), scenario.ReportETag);

        var stale = await client.SendJsonAsync(HttpMethod.Put, scenario.ReportUrl, Scenario.Report("Second rename", new DateOnly(2021, 5, 26)), scenario.ReportETag);

        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var report = await client.GetAsync(scenario.ReportUrl);
        Assert.AreEqual(renamed.ETag(), report.ETag());
        Assert.AreEqual("First rename", (await report.ReadAsync<ReportDto>()).Title);
    }

    [TestMethod]
    public async Task AnAssuranceInAnUnsupportedContentTypeGets415()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendRawAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2/assurance", "Assured.", "text/plain", scenario.DraftETag);

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.AreEqual(scenario.DraftETag, (await client.GetAsync(scenario.DraftUrl)).ETag());
    }

    [TestMethod]
    public async Task AnAssuranceFileThatIsNotUtf8IsRefused()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        using var form = HttpCalls.FileForm("note.txt", [0xC3, 0x28, 0x41], "text/plain", new Dictionary<string, string> { ["suppliedBy"] = "DCI Example" });

        var response = await client.SendFormAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2/assurance", form, scenario.DraftETag);

        Assert.AreEqual(1, (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("file").Count);
    }

    [TestMethod]
    public async Task TextTheLetterCannotPrintIsRefusedWith422NamingTheRecommendationAndNothingIsSaved()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var before = await client.GetByteArrayAsync($"{scenario.DraftUrl}/document");

        var response = await client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/3", new ResponseInput("<b>Assured</b>\n# Heading", ResponseStatus.ActionTaken, null), scenario.DraftETag);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        CollectionAssert.AreEqual(before, await client.GetByteArrayAsync($"{scenario.DraftUrl}/document"), "nothing was saved");
        var reasons = problem["errors"]!.AsObject().SelectMany(e => e.Value!.AsArray().Select(r => r!.GetValue<string>())).ToList();
        Assert.IsTrue(reasons.Any(r => r.StartsWith("Recommendation 3:", StringComparison.Ordinal)), problem.ToJsonString());
    }
}
