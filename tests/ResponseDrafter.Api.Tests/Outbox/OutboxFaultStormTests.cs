using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Audit;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Tests.Integrations;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Tests.Outbox;

[TestClass]
public sealed partial class OutboxFaultStormTests
{
    private const int Drafts = 10;

    /// <summary>
    /// Ten approved letters, each with its four entries (store the version, notify, finalise, dispatch), run by two
    /// workers at once against a Graph stand-in failing about a third of all requests in every way it knows.
    /// </summary>
    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public async Task EveryEntryCompletesExactlyOnceAndEveryLetterIsSentOnceUnderAFaultStorm_LoopbackGraph()
    {
        await using var graph = await GraphStandIn.StartAsync();
        await using var rig = await OutboxRig.StartAsync(graph: graph, overrides: new Dictionary<string, string?>
        {
            ["Outbox:MaxAttempts"] = "1000",
            ["Outbox:BatchSize"] = "4",
            ["Integrations:Resilience:AttemptTimeout"] = "00:00:01",
            ["Integrations:Resilience:MaxRetryAttempts"] = "3",
            ["Integrations:Resilience:MinimumThroughput"] = "10",
            ["Integrations:Resilience:FailureRatio"] = "1.0",
            ["Integrations:Resilience:BreakDuration"] = "00:00:00.500",
            ["Integrations:Graph:SentItemsSettleTime"] = "00:00:00.400",
        });
        graph.SentItemsLag = TimeSpan.FromMilliseconds(100);
        var storm = new Storm(seed: 20260513, probability: 0.33);
        graph.RandomFaults = storm.Next;
        var now = DateTime.UtcNow;
        var draftIds = await rig.InTenantAsync(async db =>
        {
            await Seed.ProfileAsync(db, now);
            var ids = new List<Guid>();
            for (var i = 0; i < Drafts; i++)
            {
                var id = await Seed.ApprovedDraftAsync(db, now, pdf: null, title: $"Storm report {i}");
                db.DraftVersions.Add(Seed.Version(id, 1, now));
                Seed.Entry(db, OutboxKinds.StoreVersion, id, new StoreVersionPayload(id, 1), now);
                Seed.Entry(db, OutboxKinds.Notify, id, new NotifyPayload(new ActivityNotification($"draft-{id:N}-approved", new NotificationRecipient(Seed.Head.Id, Seed.Head.Email),
                    Notifications.ResponseApproved, $"Storm report {i}", "Approved.", "/", new Dictionary<string, string>())), now);
                Seed.Entry(db, OutboxKinds.Finalise, id, new FinalisePayload(id), now);
                Seed.Entry(db, OutboxKinds.Dispatch, id, new DispatchPayload(id), now);
                ids.Add(id);
            }

            await db.SaveChangesAsync();
            return ids;
        });
        var clock = Stopwatch.StartNew();

        await rig.DrainAsync(TimeSpan.FromSeconds(200), rig.NewWorker(), rig.NewWorker());

        var elapsed = clock.Elapsed;
        var (entries, drafts, audits) = await rig.InTenantAsync(async db => (
            await db.Outbox.AsNoTracking().ToListAsync(),
            await db.Drafts.AsNoTracking().ToListAsync(),
            await db.AuditEntries.AsNoTracking().OrderBy(e => e.Stream).ThenBy(e => e.Seq).ToListAsync()));
        var faults = graph.Requests.Where(r => r.Fault is not null).GroupBy(r => r.Fault!.Kind).ToDictionary(g => g.Key, g => g.Count());
        var summary = $"{entries.Count} entries, {faults.Values.Sum()} faults ({string.Join(", ", faults.Select(f => $"{f.Key} {f.Value}"))}), " +
            $"{entries.Sum(e => e.Attempts)} failed rounds, {elapsed.TotalSeconds:0.0} s";
        Console.WriteLine(summary);

        var unfinished = entries.Where(e => e.CompletedAt is null || e.FailedAt is not null)
            .Select(e => $"{e.Kind} {(e.FailedAt is null ? "not completed" : "failed")} after {e.Attempts} attempt(s): {e.LastError}");
        Assert.IsTrue(entries.All(e => e.CompletedAt is not null && e.FailedAt is null), $"every entry completed: {summary}\n{string.Join("\n", unfinished)}");
        var completions = rig.Logs.Lines.Select(l => CompletedEntry().Match(l)).Where(m => m.Success).GroupBy(m => m.Groups["id"].Value).ToList();
        Assert.HasCount(entries.Count, completions, "a completion was logged for every entry");
        Assert.IsTrue(completions.All(c => c.Count() == 1), "and exactly one for each");
        foreach (var id in draftIds)
        {
            var key = DispatchHandler.MessageKey(id);
            Assert.AreEqual(1, graph.SentItems.Count(m => m.MessageKey == key), $"{key} was sent exactly once");
            Assert.AreEqual(DraftState.Dispatched, drafts.Single(d => d.Id == id).State);
            var stream = audits.Where(a => a.Stream == AuditTrail.DraftStream(id)).ToList();
            Assert.AreEqual(1, stream.Count(a => a.Action == "dispatched"));
            Assert.AreEqual(1, stream.Count(a => a.Action == "final-pdf-produced"));
            Assert.IsTrue(AuditTrail.Verify(stream).Intact);
        }

        Assert.HasCount(Drafts, graph.SentItems);
        Assert.IsGreaterThan(entries.Count, faults.Values.Sum(), $"a storm, not a drizzle: {summary}");
    }

    [GeneratedRegex(@"Outbox entry (?<id>[0-9a-f-]{36}) \(\S+\) completed after")]
    private static partial Regex CompletedEntry();

    /// <summary>Seeded random faults on every route the outbox uses, including requests carried out whose answer is lost.</summary>
    private sealed class Storm(int seed, double probability)
    {
        private readonly Random random = new(seed);
        private readonly Lock gate = new();

        public Fault? Next(string route)
        {
            lock (gate)
            {
                if (random.NextDouble() >= probability)
                {
                    return null;
                }

                return random.Next(route == GraphRoute.SentItems ? 5 : 6) switch
                {
                    0 => Fault.TooManyRequests(retryAfterSeconds: random.Next(2)),
                    1 => Fault.ServiceUnavailable,
                    2 => Fault.GatewayTimeout,
                    3 => Fault.SlowAnswer(TimeSpan.FromSeconds(3)),
                    4 => Fault.DropConnection,
                    _ => Fault.CrashAfterSend,
                };
            }
        }
    }
}
