using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Api.Tests.Publication;

/// <summary>"Today" is the date in England, which runs an hour ahead of UTC during British Summer Time.</summary>
[TestClass]
public sealed class EnglishDatesTests
{
    /// <summary>00:30 on 21 June 2021 in London (BST), still 20 June in UTC.</summary>
    private static readonly FixedClock HalfPastMidnightInSummer = new(new DateTimeOffset(2021, 6, 20, 23, 30, 0, TimeSpan.Zero));

    [TestMethod]
    public void TodayJustAfterMidnightInBritishSummerTimeIsTheNewDayInEngland() =>
        Assert.AreEqual(new DateOnly(2021, 6, 21), HalfPastMidnightInSummer.Today());

    [TestMethod]
    public void TodayInWinterIsTheUtcDateBecauseEnglandKeepsGreenwichTime()
    {
        Assert.AreEqual(new DateOnly(2021, 1, 15), new FixedClock(new DateTimeOffset(2021, 1, 15, 23, 30, 0, TimeSpan.Zero)).Today());
        Assert.AreEqual(new DateOnly(2021, 1, 16), new FixedClock(new DateTimeOffset(2021, 1, 16, 0, 30, 0, TimeSpan.Zero)).Today());
    }

    [TestMethod]
    public async Task DaysLeftBeforeTheStatutoryDeadlineCountFromTheDateInEngland()
    {
        using var host = await ApiHost.StartAsync(clock: HalfPastMidnightInSummer);
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        var report = await (await client.GetAsync(scenario.ReportUrl)).ReadAsync<ReportDto>();

        Assert.AreEqual(StatutoryDeadline.DaysLeft(report.PublishedOn, new DateOnly(2021, 6, 21)), report.Deadline.DaysLeft);
    }

    [TestMethod]
    public async Task APastedAssuranceIsReceivedOnTheDateInEngland()
    {
        using var host = await ApiHost.StartAsync(clock: HalfPastMidnightInSummer);
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var body = new Dictionary<string, object?> { ["text"] = "The force has trained 1,200 officers.", ["suppliedBy"] = "Det Supt Example, Wessex Police", ["presentation"] = "quoted-in-full", ["summary"] = null };

        var response = await client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2/assurance", body, scenario.DraftETag);

        var assurance = (await response.ReadAsync<DraftDto>()).Responses.Single(r => r.Ref == "2").Assurance!;
        Assert.AreEqual(new DateOnly(2021, 6, 21), assurance.Provenance.ReceivedOn);
    }
}
