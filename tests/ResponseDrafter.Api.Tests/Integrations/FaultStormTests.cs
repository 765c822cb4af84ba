using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ResponseDrafter.Api.Integrations;

namespace ResponseDrafter.Api.Tests.Integrations;

[TestClass]
public sealed class FaultStormTests
{
    private const int Entries = 16;

    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task EveryOutboxEntryIsSentExactlyOnceUnderAFaultStorm_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync(new Dictionary<string, string?>
        {
            ["Integrations:Resilience:AttemptTimeout"] = "00:00:01",
            ["Integrations:Resilience:MaxRetryAttempts"] = "3",
            ["Integrations:Resilience:MinimumThroughput"] = "10",
            ["Integrations:Resilience:FailureRatio"] = "1.0",
            ["Integrations:Resilience:BreakDuration"] = "00:00:00.500",
            ["Integrations:Graph:SentItemsSettleTime"] = "00:00:00.400",
        });
        await rig.WarmAppTokenAsync();
        rig.Graph.SentItemsLag = TimeSpan.FromMilliseconds(100);
        var storm = new Storm(seed: 551996, probability: 0.3);
        rig.Graph.Inject(GraphRoute.SendMail, Storm.EveryKind);
        rig.Graph.Inject(GraphRoute.SentItems, [.. Storm.EveryKind.Where(f => f.Kind != FaultKind.CrashAfterSend)]);
        rig.Graph.RandomFaults = storm.Next;
        var deadline = Stopwatch.StartNew();

        var outcomes = new int[Entries];
        await Parallel.ForEachAsync(Enumerable.Range(0, Entries), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            outcomes[i] = await DeliverAsync(rig, Samples.Letter($"storm-{i:D2}"), deadline));

        Assert.IsTrue(outcomes.All(rounds => rounds > 0), "every entry completed within the time allowed");
        foreach (var i in Enumerable.Range(0, Entries))
        {
            Assert.AreEqual(1, rig.Graph.SentItems.Count(m => m.MessageKey == $"storm-{i:D2}"), $"storm-{i:D2} was sent exactly once");
        }

        Assert.AreEqual(Entries, rig.Graph.SentItems.Count);
        var faults = rig.Graph.Requests.Where(r => r.Fault is not null).GroupBy(r => r.Fault!.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.IsGreaterThan(Entries, faults.Values.Sum(), $"a storm, not a drizzle: {string.Join(", ", faults)}");
    }

    /// <summary>What the durable outbox does for one entry: run it through the pipeline, and when it fails in a
    /// way that can pass, keep it and try again later, telling the sender when it last tried.</summary>
    /// <returns>The number of outbox rounds it took, or 0 if it never completed.</returns>
    private static async Task<int> DeliverAsync(GraphRig rig, OutgoingMail mail, Stopwatch deadline)
    {
        DateTimeOffset? lastAttempt = null;
        for (var round = 1; deadline.Elapsed < TimeSpan.FromSeconds(120); round++)
        {
            await using var scope = rig.NewScope();
            var sender = scope.ServiceProvider.GetRequiredService<IMailSender>();
            var attempt = mail with { PreviousAttemptAt = lastAttempt };
            lastAttempt = DateTimeOffset.UtcNow;
            try
            {
                await rig.Pipeline.ExecuteAsync(async ct => await sender.SendAsync(GraphRig.Tenant, attempt, ct));
                return round;
            }
            catch (Exception e) when (IntegrationFailures.IsTransient(e))
            {
                await Task.Delay(100);
            }
        }

        return 0;
    }

    /// <summary>Seeded random faults on the mail routes, including a send that is carried out but never answered.</summary>
    private sealed class Storm(int seed, double probability)
    {
        /// <summary>Served first, so every kind of fault happens at least once whatever the dice say.</summary>
        public static readonly Fault[] EveryKind =
        [
            Fault.CrashAfterSend, Fault.DropConnection, Fault.SlowAnswer(TimeSpan.FromSeconds(3)),
            Fault.TooManyRequests(retryAfterSeconds: 0), Fault.ServiceUnavailable, Fault.GatewayTimeout,
        ];

        private readonly Random random = new(seed);
        private readonly Lock gate = new();

        public Fault? Next(string route)
        {
            if (route is not (GraphRoute.SendMail or GraphRoute.SentItems))
            {
                return null;
            }

            lock (gate)
            {
                if (random.NextDouble() >= probability)
                {
                    return null;
                }

                return random.Next(route == GraphRoute.SendMail ? 6 : 5) switch
                {
                    0 => Fault.TooManyRequests(retryAfterSeconds: 0),
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
