using System.Net;
using System.Security.Cryptography;
using System.Text;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Tests;

[TestClass]
public sealed class DraftsTests
{
    [TestMethod]
    public async Task ANewDraftSelectsTheApplicableRecommendationsAndCopiesTheProfileDefaults()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        var draft = await (await client.GetAsync(scenario.DraftUrl)).ReadAsync<DraftDto>();

        CollectionAssert.IsSubsetOf(new[] { "2", "3", "4" }, draft.Selection.ToArray());
        Assert.IsFalse(draft.Selection.Contains("1"), "Recommendation 1 is for the Home Office");
        Assert.AreEqual("Dear Home Secretary", draft.Letter.Salutation);
        Assert.AreEqual("Section 55 of the Police Act 1996", draft.Letter.StatutoryCitation);
        Assert.AreEqual("Alex Mercer", draft.Letter.Signatory.Name);
        Assert.AreEqual("section55responses@homeoffice.gov.uk", draft.Letter.Recipients.Single().Email);
        CollectionAssert.AreEqual(new[] { "Chief Constable, Wessex Police" }, draft.Letter.Cc.ToArray());
        Assert.AreEqual("Dana Drafter", draft.CreatedBy);
    }

    [TestMethod]
    public async Task DeselectingAnItemKeepsItsResponseForLater()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var answered = await client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/3", new ResponseInput("Kept.", ResponseStatus.ActionTaken, null), scenario.DraftETag);

        var deselected = await client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/selection", new SelectionInput(["4", "2"]), answered.ETag());
        var draft = await deselected.ReadAsync<DraftDto>();

        CollectionAssert.AreEqual(new[] { "2", "4" }, draft.Selection.ToArray());
        var kept = draft.Responses.Single(r => r.Ref == "3");
        Assert.IsFalse(kept.Selected);
        Assert.AreEqual("Kept.", kept.Commentary);
    }

    [TestMethod]
    public async Task APastedAssuranceGetsItsProvenanceFromTheServer()
    {
        using var host = await ApiHost.StartAsync(clock: FixedClock.On(2021, 6, 20));
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        const string text = "The force has trained 1,200 officers on modern slavery.";
        var body = new Dictionary<string, object>
        {
            ["text"] = text,
            ["suppliedBy"] = "Det Supt Example, Wessex Police",
            ["presentation"] = "summarised",
            ["summary"] = "Training is complete.",
        };
        var forged = new Dictionary<string, object>(body) { ["receivedOn"] = "1999-01-01", ["sha256"] = "forged" };

        var refused = await client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2/assurance", forged, scenario.DraftETag);
        var response = await client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2/assurance", body, scenario.DraftETag);

        CollectionAssert.AreEquivalent(new[] { "receivedOn", "sha256" }, (await refused.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key).ToArray());

        var assurance = (await response.ReadAsync<DraftDto>()).Responses.Single(r => r.Ref == "2").Assurance!;
        Assert.AreEqual(text, assurance.Text);
        Assert.AreEqual(AssurancePresentation.Summarised, assurance.Presentation);
        Assert.AreEqual(new DateOnly(2021, 6, 20), assurance.Provenance.ReceivedOn);
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), assurance.Provenance.Sha256);
        Assert.IsNull(assurance.Provenance.SourceFileName);
    }

    [TestMethod]
    public async Task AnUploadedAssuranceFileRecordsItsNameAndTheHashOfItsBytes()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var bytes = Encoding.UTF8.GetBytes("\uFEFFRecommendation 3: investigations are allocated to the Modern Slavery Unit.\n");
        using var form = HttpCalls.FileForm("../briefing note.txt", bytes, "text/plain", new Dictionary<string, string> { ["suppliedBy"] = "DCI Example" });

        var response = await client.SendFormAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/3/assurance", form, scenario.DraftETag);

        var assurance = (await response.ReadAsync<DraftDto>()).Responses.Single(r => r.Ref == "3").Assurance!;
        Assert.AreEqual("briefing note.txt", assurance.Provenance.SourceFileName);
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(bytes)), assurance.Provenance.Sha256);
        Assert.AreEqual("Recommendation 3: investigations are allocated to the Modern Slavery Unit.\n", assurance.Text);
        Assert.AreEqual("DCI Example", assurance.Provenance.SuppliedBy);
    }

    [TestMethod]
    public async Task AWordDocumentAssuranceIsRefusedForNowWithAClearProblem()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        using var form = HttpCalls.FileForm("briefing.docx", [0x50, 0x4B, 0x03, 0x04], "application/vnd.openxmlformats-officedocument.wordprocessingml.document", new Dictionary<string, string> { ["suppliedBy"] = "DCI Example" });

        var response = await client.SendFormAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/3/assurance", form, scenario.DraftETag);

        var problem = await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        StringAssert.Contains((string)problem["detail"]!, "paste its text");
    }

    [TestMethod]
    public async Task StatusListsTheGapsAndTheDeadline()
    {
        using var host = await ApiHost.StartAsync(clock: FixedClock.On(2021, 7, 20));
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Approver);

        var status = await (await client.GetAsync($"{scenario.DraftUrl}/status")).ReadAsync<DraftStatusDto>();

        Assert.IsFalse(status.Complete);
        CollectionAssert.IsSubsetOf(new[] { "2", "3", "4" }, status.Gaps.Select(g => g.Ref).Distinct().ToArray());
        Assert.AreEqual(new DateOnly(2021, 7, 20), status.Deadline.LastDay);
        Assert.AreEqual(0, status.Deadline.DaysLeft);
    }

    [TestMethod]
    public async Task ARecommendationTheReportDoesNotHaveIsNotFound()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/9", new ResponseInput("x", null, null), scenario.DraftETag);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task ADraftCannotStartBeforeTheProfileIsSetUp()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);
        var report = await (await client.SendJsonAsync(HttpMethod.Post, "/api/reports", Scenario.HiddenVictims())).ReadAsync<Reports.ReportDto>();

        var response = await client.SendJsonAsync(HttpMethod.Post, "/api/drafts", new NewDraftInput(report.Id));

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        StringAssert.Contains((string)problem["title"]!, "profile");
    }

    [TestMethod]
    public async Task DeletingADraftRemovesItAndItsResponses()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var answered = await client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2", new ResponseInput("x", ResponseStatus.ActionTaken, null), scenario.DraftETag);

        var deleted = await client.SendJsonAsync(HttpMethod.Delete, scenario.DraftUrl, null, answered.ETag());

        Assert.AreEqual(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await client.GetAsync(scenario.DraftUrl)).StatusCode);
        Assert.AreEqual(0, (await (await client.GetAsync("/api/drafts")).ReadAsync<List<DraftSummaryDto>>()).Count);
    }
}
