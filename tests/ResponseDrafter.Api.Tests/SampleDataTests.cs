using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Sample;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests;

/// <summary>The sample data `dotnet run` loads: a newcomer's first screen shows a live deadline, and restarts add nothing twice.</summary>
[TestClass]
public sealed class SampleDataTests
{
    [TestMethod]
    public void TheTitlesAStartLooksForAreTheResourcesOwn()
    {
        Assert.AreEqual(SampleData.ReportTitle, SampleData.ReadSampleReport().Title);
        Assert.AreEqual(SampleData.RecentReportTitle, SampleData.ReadRecentReport(new DateOnly(2026, 12, 3)).Title);
    }

    [TestMethod]
    public async Task TheSampleHasARecentReportWhoseDeadlineIsStillRunningBesideTheHistoricOne()
    {
        using var host = ApiHost.StartLocal();

        var reports = await ReportsAsync(host);

        Assert.AreEqual(2, reports.Count);
        var recent = reports[0];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.AreEqual(today.AddDays(-SampleData.RecentReportAge), recent.PublishedOn, "Published three weeks before the day the sample was loaded.");
        Assert.AreEqual(56 - SampleData.RecentReportAge - 1, recent.Deadline.DaysLeft);
        Assert.IsTrue(recent.Title.StartsWith("Sample: a fictional inspection", StringComparison.Ordinal), recent.Title);
        Assert.AreEqual(3, recent.RecommendationCount);
        Assert.AreEqual(new DateOnly(2021, 5, 26), reports[1].PublishedOn, "The historic report stays, listed after the recent one.");
        Assert.IsTrue(reports[1].Deadline.DaysLeft < 0);
    }

    [TestMethod]
    public async Task RestartingOnTheSameDatabaseLoadsNothingTwice()
    {
        var folder = Directory.CreateTempSubdirectory("rd-sample-").FullName;
        try
        {
            var settings = new Dictionary<string, string?> { ["Storage:DataPath"] = folder };
            List<ReportSummaryDto> first;
            using (var host = ApiHost.StartLocal(settings))
            {
                first = await ReportsAsync(host);
            }

            using (var again = ApiHost.StartLocal(settings))
            {
                var second = await ReportsAsync(again);
                CollectionAssert.AreEqual(first.Select(r => r.Id).ToList(), second.Select(r => r.Id).ToList());
                Assert.AreEqual(first[0].PublishedOn, second[0].PublishedOn, "The recent report keeps the date it was loaded with.");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<ReportSummaryDto>> ReportsAsync(ApiHost host)
    {
        using var client = host.CreateClient();
        var token = await (await client.PostAsJsonAsync("/dev/sign-in", new LocalSignInRequest("drafter"))).ReadAsync<LocalToken>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);
        return await (await client.GetAsync("/api/reports")).ReadAsync<List<ReportSummaryDto>>();
    }
}
