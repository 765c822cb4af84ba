using System.Net;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Tests;

[TestClass]
public sealed class ReportsTests
{
    [TestMethod]
    public async Task AReportFromStructuredJsonKeepsItsRecommendationsVerbatim()
    {
        using var host = await ApiHost.StartAsync(clock: FixedClock.On(2021, 6, 1));
        using var client = host.ClientFor(Caller.Drafter);

        var created = await client.SendJsonAsync(HttpMethod.Post, "/api/reports", Scenario.HiddenVictims());
        var report = await (await client.GetAsync(created.Headers.Location)).ReadAsync<ReportDto>();

        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        Assert.AreEqual(ReportKind.SuperComplaint, report.Kind);
        var recommendation2 = report.Recommendations.Single(r => r.Number == "2");
        Assert.AreEqual(7, recommendation2.SubItems.Count);
        StringAssert.Contains(recommendation2.SubItems.Single(s => s.Label == "e").Text, "what support is available them;");
        CollectionAssert.AreEqual(new[] { "chief constables", "police and crime commissioners" }, report.Recommendations.Single(r => r.Number == "4").Addressees.ToArray());
    }

    [TestMethod]
    public async Task EveryReportShowsItsStatutoryDeadline()
    {
        using var host = await ApiHost.StartAsync(clock: FixedClock.On(2021, 6, 1));
        using var client = host.ClientFor(Caller.Drafter);
        await client.SendJsonAsync(HttpMethod.Post, "/api/reports", Scenario.HiddenVictims());

        var listed = (await (await client.GetAsync("/api/reports")).ReadAsync<List<ReportSummaryDto>>()).Single();

        Assert.AreEqual(new DateOnly(2021, 7, 20), listed.Deadline.LastDay);
        Assert.AreEqual(49, listed.Deadline.DaysLeft);
    }

    [TestMethod]
    public async Task TheCatalogueFiltersByPublicationDateKindAndText()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);
        await client.SendJsonAsync(HttpMethod.Post, "/api/reports", Scenario.HiddenVictims());
        await client.SendJsonAsync(HttpMethod.Post, "/api/reports", Scenario.Report("Vetting, misconduct and misogyny", new DateOnly(2022, 11, 2)));
        await client.SendJsonAsync(HttpMethod.Post, "/api/reports", Scenario.Report("PEEL 2023: Wessex", new DateOnly(2023, 5, 1), ReportKind.Peel));

        async Task<List<string>> TitlesAsync(string query) =>
            (await (await client.GetAsync("/api/reports" + query)).ReadAsync<List<ReportSummaryDto>>()).Select(r => r.Title).ToList();

        Assert.AreEqual(3, (await TitlesAsync(string.Empty)).Count);
        CollectionAssert.AreEqual(new[] { "PEEL 2023: Wessex", "Vetting, misconduct and misogyny" }, await TitlesAsync("?publishedFrom=2022-01-01"));
        CollectionAssert.AreEqual(new[] { "Vetting, misconduct and misogyny" }, await TitlesAsync("?publishedFrom=2022-01-01&publishedTo=2022-12-31"));
        CollectionAssert.AreEqual(new[] { "PEEL 2023: Wessex" }, await TitlesAsync("?kind=peel"));
        Assert.AreEqual(1, (await TitlesAsync("?q=MODERN%20SLAVERY")).Count);
        Assert.AreEqual(1, (await TitlesAsync("?q=National%20Referral%20Mechanism")).Count);
    }

    [TestMethod]
    public async Task AnArchivedReportLeavesTheListButStaysReadable()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);
        var created = await client.SendJsonAsync(HttpMethod.Post, "/api/reports", Scenario.HiddenVictims());
        var report = await created.ReadAsync<ReportDto>();

        var archived = await client.SendJsonAsync(HttpMethod.Post, $"/api/reports/{report.Id}/archive", null, created.ETag());

        Assert.IsTrue((await archived.ReadAsync<ReportDto>()).Archived);
        Assert.AreEqual(0, (await (await client.GetAsync("/api/reports")).ReadAsync<List<ReportSummaryDto>>()).Count);
        Assert.AreEqual(1, (await (await client.GetAsync("/api/reports?includeArchived=true")).ReadAsync<List<ReportSummaryDto>>()).Count);
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync($"/api/reports/{report.Id}")).StatusCode);
    }

    [TestMethod]
    public async Task UpdatingAReportReplacesItAndChangesItsETag()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Admin);
        var created = await client.SendJsonAsync(HttpMethod.Post, "/api/reports", Scenario.Report("Draft title", new DateOnly(2022, 1, 10)));
        var report = await created.ReadAsync<ReportDto>();

        var updated = await client.SendJsonAsync(HttpMethod.Put, $"/api/reports/{report.Id}", Scenario.Report("Final title", new DateOnly(2022, 1, 11)), created.ETag());

        Assert.AreEqual("Final title", (await updated.ReadAsync<ReportDto>()).Title);
        Assert.AreNotEqual(created.ETag(), updated.ETag());
    }
}
