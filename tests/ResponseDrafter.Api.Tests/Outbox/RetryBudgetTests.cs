using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Tests.Integrations;

namespace ResponseDrafter.Api.Tests.Outbox;

/// <summary>The two retry layers, chosen together: the numbers docs/sign-off.md states, and a failing stand-in
/// showing the worker keeps to them.</summary>
[TestClass]
public sealed class RetryBudgetTests
{
    [TestMethod]
    public void TheDefaultScheduleTriesAnEntryAtMostTwentyFourTimesAndGivesUpWithinTwoHoursTwentyEightMinutes()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production })
            .AddIntegrations(configuration).AddOutbox(configuration).BuildServiceProvider();
        var outbox = services.GetRequiredService<IOptions<OutboxOptions>>().Value;
        var resilience = services.GetRequiredService<IOptions<OutboxResilienceOptions>>().Value;

        var budget = OutboxBudget.From(outbox, resilience);

        Assert.AreEqual(8, budget.Rounds);
        Assert.AreEqual(3, budget.TriesPerRound);
        Assert.AreEqual(24, budget.Calls);
        // 8 rounds of at most 2 s to be claimed and 5 min to run; waits of at most 10 min (a capped Retry-After) five
        // times, then 16 and 32 min backoffs with 20 % jitter (19 min 12 s, 38 min 24 s).
        Assert.AreEqual(new TimeSpan(2, 27, 52), budget.LongestToGiveUp);
        Assert.AreEqual(new TimeSpan(2, 32, 56), budget.LongestDispatchToGiveUp(outbox, resilience), "a dispatch may first wait out a failing PDF");
    }

    [TestMethod]
    public void AServiceAskingForADayCannotHoldAnEntryPastTheCappedWait()
    {
        var options = new OutboxOptions { RetryBaseDelay = TimeSpan.FromSeconds(30), RetryAfterMaxWait = TimeSpan.FromMinutes(10) };

        Assert.AreEqual(TimeSpan.FromMinutes(10), options.WaitAfter(1, TimeSpan.FromDays(1)));
        Assert.AreEqual(TimeSpan.FromMinutes(2), options.WaitAfter(1, TimeSpan.FromMinutes(2)), "a shorter Retry-After is honoured");
        Assert.IsTrue(options.WaitAfter(1, TimeSpan.FromSeconds(1)) is { TotalSeconds: >= 30 and <= 36 }, "never shorter than the backoff");
        Assert.IsTrue(options.WaitAfter(7, TimeSpan.FromMinutes(5)) is { TotalMinutes: >= 32 and <= 38.4 });
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task AVersionThatCannotBeStoredIsTriedExactlyTheBudgetThenGivenUpWithinTheLongestTime_LoopbackGraph()
    {
        await using var graph = await GraphStandIn.StartAsync();
        graph.RandomFaults = route => route == GraphRoute.Upload ? Fault.ServiceUnavailable : null;
        await using var rig = await OutboxRig.StartAsync(graph: graph, overrides: new Dictionary<string, string?>
        {
            ["Outbox:RetryAfterMaxWait"] = "00:00:00.500",
        });
        var outbox = rig.Services.GetRequiredService<IOptions<OutboxOptions>>().Value;
        var resilience = rig.Services.GetRequiredService<IOptions<OutboxResilienceOptions>>().Value;
        var budget = OutboxBudget.From(outbox, resilience);
        Assert.AreEqual((new OutboxOptions().MaxAttempts, new OutboxResilienceOptions().MaxRetryAttempts + 1), (budget.Rounds, budget.TriesPerRound),
            "the rig shortens the waits only: rounds and tries are the shipped ones");
        var now = DateTime.UtcNow;
        var draftId = await rig.InTenantAsync(async db =>
        {
            await Seed.ProfileAsync(db, now);
            var id = await Seed.SubmittedDraftAsync(db, now, stage: 0, DateOnly.FromDateTime(now).AddDays(20));
            Seed.Entry(db, OutboxKinds.StoreVersion, id, new StoreVersionPayload(id, 1), now);
            await db.SaveChangesAsync();
            return id;
        });

        await rig.DrainAsync(TimeSpan.FromSeconds(90), rig.NewWorker(), rig.NewWorker());

        var (entry, audit) = await rig.InTenantAsync(async db => (await db.Outbox.AsNoTracking().SingleAsync(), await Seed.AuditAsync(db, draftId)));
        Assert.AreEqual(24, budget.Calls);
        Assert.HasCount(budget.Calls, graph.RequestsTo(GraphRoute.Upload), "every try reached the stand-in, and no more");
        Assert.AreEqual(budget.Rounds, entry.Attempts);
        Assert.IsNotNull(entry.FailedAt);
        Assert.IsLessThanOrEqualTo(budget.LongestToGiveUp, entry.FailedAt.Value - entry.CreatedAt);
        Assert.AreEqual("store-version-failed", audit.Single().Action);
    }
}
