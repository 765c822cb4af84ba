using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Integrations.Graph;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Telemetry;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Tests.Integrations;
using ResponseDrafter.Api.Tests.Outbox;
using ResponseDrafter.Api.Tests.Workflow;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Tests.Telemetry;

/// <summary>The product's own metrics, read from the real app host by a listener as an exporter would.</summary>
[TestClass]
public sealed class ProductMetricsTests
{
    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task ALetterWhoseFirstRoundFailsIsCountedOnceRetryingOnceCompletedAndItsDispatchTimed_AgainstLoopbackEntraAndGraphStandIns()
    {
        await using var microsoft365 = await Microsoft365Rig.StartAsync();
        var graph = microsoft365.Graph;
        // Three 503s use up the first round's three tries; the second round sends.
        graph.Inject(GraphRoute.SendMail, Fault.ServiceUnavailable, Fault.ServiceUnavailable, Fault.ServiceUnavailable);
        using var host = await microsoft365.StartHostAsync(
            outbox: true,
            extra: new Dictionary<string, string?>
            {
                ["Integrations:Graph:SentItemsSettleTime"] = "00:00:00.200",
                ["Integrations:Graph:SentItemsPollInterval"] = "00:00:00.050",
                ["Integrations:Resilience:BaseDelay"] = "00:00:00.020",
                ["Integrations:Resilience:MaxDelay"] = "00:00:00.100",
                ["Integrations:Resilience:MinimumThroughput"] = "100",
                ["Outbox:PollInterval"] = "00:00:00.050",
                ["Outbox:RetryBaseDelay"] = "00:00:00.100",
                ["Outbox:RetryMaxDelay"] = "00:00:00.500",
                ["Outbox:RetryAfterMaxWait"] = "00:00:00.500",
                ["Telemetry:GaugeCacheFor"] = "00:00:00",
            });
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var rounds = new MetricCollector<long>(meters, ProductMetrics.MeterName, "responsedrafter.outbox.attempts");
        using var latency = new MetricCollector<double>(meters, ProductMetrics.MeterName, "responsedrafter.dispatch.latency");
        using var depth = new MetricCollector<long>(meters, ProductMetrics.MeterName, "responsedrafter.outbox.depth");
        using var drafts = new MetricCollector<long>(meters, ProductMetrics.MeterName, "responsedrafter.drafts");
        var rig = await SignOffRig.CreateAsync(host, SignOffRig.Settings(SignOffRig.Stage("Commissioner", ApprovalRule.Any, Caller.Commissioner)));
        await rig.SubmittedAsync();
        await rig.DecidedAsync(Caller.Commissioner, "approve");
        using (var drafter = host.ClientFor(Caller.Drafter))
        {
            var requested = await drafter.SendJsonAsync(HttpMethod.Post, $"{rig.DraftUrl}/dispatch", null);
            Assert.AreEqual(HttpStatusCode.OK, requested.StatusCode, await requested.Content.ReadAsStringAsync());
        }

        await WaitAsync(TimeSpan.FromSeconds(120), async () => await PendingAsync(host) == 0 && (await rig.WorkflowAsync()).State == DraftState.Dispatched);

        var counted = rounds.GetMeasurementSnapshot();
        Assert.AreEqual(1, Sum(counted, OutboxKinds.Dispatch, ProductMetrics.Outcomes.Retrying), "the first round failed");
        Assert.AreEqual(1, Sum(counted, OutboxKinds.Dispatch, ProductMetrics.Outcomes.Completed), "the second sent");
        Assert.AreEqual(0, counted.Count(m => Tag(m.Tags, "outcome") == ProductMetrics.Outcomes.Failed), "nothing was given up");
        Assert.AreEqual(1, Sum(counted, OutboxKinds.Finalise, ProductMetrics.Outcomes.Completed));
        Assert.AreEqual(1, Sum(counted, OutboxKinds.StoreVersion, ProductMetrics.Outcomes.Completed));
        Assert.HasCount(1, graph.SentItems, "the letter went out once");

        var (approvedAt, sentAt) = await InDatabaseAsync(host, async db => (
            (await db.FinalLetters.AsNoTracking().SingleAsync()).CreatedAt,
            (await db.Drafts.AsNoTracking().SingleAsync(d => d.Id == rig.Scenario.DraftId)).DispatchedAt!.Value));
        var timed = latency.GetMeasurementSnapshot().Single();
        Assert.AreEqual((sentAt - approvedAt).TotalSeconds, timed.Value, 0.01, "from the signed letter being made to the letter sent");
        Assert.IsGreaterThan(0, timed.Value);

        depth.RecordObservableInstruments();
        drafts.RecordObservableInstruments();
        Assert.IsTrue(depth.GetMeasurementSnapshot().All(m => m.Value == 0), "the outbox is empty");
        CollectionAssert.AreEquivalent(new[] { "store-version", "notify", "finalise", "dispatch" }, depth.GetMeasurementSnapshot().Select(m => Tag(m.Tags, "kind")).ToArray());
        Assert.AreEqual(1, drafts.GetMeasurementSnapshot().Single(m => Tag(m.Tags, "state") == "dispatched").Value);
    }

    [TestMethod]
    public async Task GaugesShowTheOutboxDepthItsOldestEntryWhatWasGivenUpAndTheResponsesAtRisk()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 5, 13, 9, 0, 0, TimeSpan.Zero));
        using var host = await ApiHost.StartAsync(clock: clock, extra: new Dictionary<string, string?> { ["Telemetry:GaugeCacheFor"] = "00:00:00" });
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        await InDatabaseAsync(host, async db =>
        {
            await Seed.ProfileAsync(db, now);
            var overdue = await Seed.ApprovedDraftAsync(db, now, pdf: null, title: "Published long ago");
            var dueSoon = await Seed.ApprovedDraftAsync(db, now, pdf: null, title: "Last day in five days");
            var sent = await Seed.ApprovedDraftAsync(db, now, pdf: null, title: "Already sent");
            var relaxed = await Seed.ApprovedDraftAsync(db, now, pdf: null, title: "Plenty of time");
            await SetAsync(db, dueSoon, today.AddDays(-50), DraftState.Approved);
            await SetAsync(db, sent, today.AddDays(-50), DraftState.Dispatched);
            await SetAsync(db, relaxed, today.AddDays(-10), DraftState.Approved);
            Seed.Entry(db, OutboxKinds.Notify, overdue, new FinalisePayload(overdue), now.AddMinutes(-10));
            Seed.Entry(db, OutboxKinds.Notify, dueSoon, new FinalisePayload(dueSoon), now.AddMinutes(-3));
            Seed.Entry(db, OutboxKinds.Dispatch, dueSoon, new DispatchPayload(dueSoon), now.AddMinutes(-30)).FailedAt = now.AddMinutes(-1);
            Seed.Entry(db, OutboxKinds.Finalise, sent, new FinalisePayload(sent), now.AddHours(-2)).CompletedAt = now.AddHours(-1);
            await db.SaveChangesAsync();
            return 0;
        });
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        _ = host.Services.GetRequiredService<ProductMetrics>(); // as the OpenTelemetry meter provider does when it starts (this host has no outbox worker)

        var depth = Observe(meters, "responsedrafter.outbox.depth");
        var oldest = Observe<double>(meters, "responsedrafter.outbox.oldest_age");
        var failed = Observe(meters, "responsedrafter.outbox.failed");
        var atRisk = Observe(meters, "responsedrafter.responses.at_risk");
        var states = Observe(meters, "responsedrafter.drafts");

        Assert.AreEqual(2, depth["notify"]);
        Assert.AreEqual(0, depth["dispatch"], "a given-up entry is not waiting: it is counted as failed");
        Assert.AreEqual(0, depth["finalise"], "a completed entry is gone");
        Assert.AreEqual(600, oldest["notify"], 0.001);
        Assert.AreEqual(0, oldest["dispatch"]);
        Assert.AreEqual(1, failed["dispatch"]);
        Assert.AreEqual(1, atRisk["overdue"], "the 2021 report's letter, not yet sent");
        Assert.AreEqual(1, atRisk["due-soon"], "five days left (14 by default), not yet sent; the sent one is not at risk");
        Assert.AreEqual(3, states["approved"]);
        Assert.AreEqual(1, states["dispatched"]);
        Assert.AreEqual(0, states["drafting"]);
    }

    private static Dictionary<string, long> Observe(IMeterFactory meters, string instrument) =>
        Observe<long>(meters, instrument).ToDictionary(p => p.Key, p => (long)p.Value);

    private static Dictionary<string, double> Observe<T>(IMeterFactory meters, string instrument)
        where T : struct
    {
        using var collector = new MetricCollector<T>(meters, ProductMetrics.MeterName, instrument);
        collector.RecordObservableInstruments();
        return collector.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags.Single().Value!, m => Convert.ToDouble(m.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task SetAsync(DraftingDb db, Guid draftId, DateOnly publishedOn, DraftState state)
    {
        var draft = await db.Drafts.Include(d => d.Report).SingleAsync(d => d.Id == draftId);
        draft.Report!.PublishedOn = publishedOn;
        draft.State = state;
    }

    private static long Sum(IReadOnlyList<CollectedMeasurement<long>> measurements, string kind, string outcome) =>
        measurements.Where(m => Tag(m.Tags, "kind") == kind && Tag(m.Tags, "outcome") == outcome).Sum(m => m.Value);

    private static string? Tag(IReadOnlyDictionary<string, object?> tags, string name) => tags.TryGetValue(name, out var value) ? value as string : null;

    private static Task<int> PendingAsync(ApiHost host) =>
        InDatabaseAsync(host, db => db.Outbox.IgnoreQueryFilters().CountAsync(e => e.CompletedAt == null && e.FailedAt == null));

    private static async Task WaitAsync(TimeSpan patience, Func<Task<bool>> done)
    {
        var until = DateTime.UtcNow + patience;
        while (!await done())
        {
            Assert.IsLessThan(until, DateTime.UtcNow, "the outbox did not finish in time");
            await Task.Delay(100);
        }
    }

    private static async Task<T> InDatabaseAsync<T>(ApiHost host, Func<DraftingDb, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().ActFor(Caller.TenantA);
        return await work(scope.ServiceProvider.GetRequiredService<DraftingDb>());
    }
}
