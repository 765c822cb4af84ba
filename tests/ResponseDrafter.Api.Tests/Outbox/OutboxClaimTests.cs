using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests.Outbox;

[TestClass]
public sealed class OutboxClaimTests
{
    private static readonly DateTime T0 = new(2026, 5, 13, 9, 0, 0, DateTimeKind.Utc);

    [TestMethod]
    [DataRow(Database.Sqlite)]
    [DataRow(Database.PostgreSql)]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task WorkersRacingForEntriesNeverClaimTheSameOne(Database database)
    {
        const int entries = 240;
        await using var rig = await OutboxRig.StartAsync(database);
        await rig.InTenantAsync(async db =>
        {
            for (var i = 0; i < entries; i++)
            {
                Seed.Entry(db, OutboxKinds.Notify, null, new { i }, T0.AddSeconds(-i));
            }

            await db.SaveChangesAsync();
        });

        var claims = new ConcurrentQueue<(string Worker, Guid Id)>();

        // Rounds: every worker claims once per round, all at the same moment, as busy instances polling together would.
        using var round = new Barrier(4);
        await Task.WhenAll(Enumerable.Range(1, 4).Select(w => Task.Run(async () =>
        {
            var worker = $"worker-{w}";
            round.SignalAndWait();
            while (true)
            {
                var batch = await rig.UnscopedAsync(db => OutboxClaims.ClaimAsync(db, worker, T0, TimeSpan.FromMinutes(5), 7, CancellationToken.None));
                foreach (var entry in batch)
                {
                    claims.Enqueue((worker, entry.Id));
                }

                if (batch.Count == 0)
                {
                    round.RemoveParticipant();
                    return;
                }

                round.SignalAndWait();
            }
        })));

        Assert.HasCount(entries, claims, "every entry was claimed");
        Assert.AreEqual(entries, claims.Select(c => c.Id).Distinct().Count(), "no entry was claimed twice");
        Assert.IsGreaterThan(1, claims.Select(c => c.Worker).Distinct().Count(), "the workers really raced");
        var holders = await rig.InTenantAsync(db => db.Outbox.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.ClaimedBy));
        Assert.IsTrue(claims.All(c => holders[c.Id] == c.Worker), "each entry is held by the worker that claimed it");
    }

    [TestMethod]
    [DataRow(Database.Sqlite)]
    [DataRow(Database.PostgreSql)]
    public async Task AnEntryWhoseLeaseRanOutIsClaimedAgainKnowingWhenItWasLastTried(Database database)
    {
        await using var rig = await OutboxRig.StartAsync(database);
        await rig.InTenantAsync(async db =>
        {
            Seed.Entry(db, OutboxKinds.Dispatch, Guid.NewGuid(), new { }, T0);
            await db.SaveChangesAsync();
        });
        var lease = TimeSpan.FromMinutes(1);

        var first = await ClaimAsync(rig, "worker-a", T0, lease);
        var whileHeld = await ClaimAsync(rig, "worker-b", T0.AddSeconds(59), lease);
        var afterCrash = await ClaimAsync(rig, "worker-b", T0.AddSeconds(61), lease);

        Assert.IsNull(first.Single().PreviousAttemptAt, "never tried before");
        Assert.IsEmpty(whileHeld, "a live lease keeps other workers off");
        Assert.AreEqual(T0, afterCrash.Single().PreviousAttemptAt, "the crashed attempt's start is handed to the next one");
        var entry = await rig.InTenantAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.AreEqual("worker-b", entry.ClaimedBy);
        Assert.AreEqual(T0.AddSeconds(61), entry.LastAttemptAt, "the new attempt's start is stored before it runs");
        Assert.AreEqual(T0.AddSeconds(121), entry.LeaseUntil);
    }

    [TestMethod]
    [DataRow(Database.Sqlite)]
    [DataRow(Database.PostgreSql)]
    public async Task CompletedFailedAndNotYetDueEntriesAreNotClaimed(Database database)
    {
        await using var rig = await OutboxRig.StartAsync(database);
        var due = await rig.InTenantAsync(async db =>
        {
            Seed.Entry(db, OutboxKinds.Notify, null, new { }, T0).CompletedAt = T0;
            Seed.Entry(db, OutboxKinds.Notify, null, new { }, T0).FailedAt = T0;
            Seed.Entry(db, OutboxKinds.Notify, null, new { }, T0).DueAt = T0.AddMinutes(1);
            var dueNow = Seed.Entry(db, OutboxKinds.Notify, null, new { }, T0.AddMinutes(-1));
            await db.SaveChangesAsync();
            return dueNow.Id;
        });

        var claimed = await ClaimAsync(rig, "worker-a", T0, TimeSpan.FromMinutes(1));

        Assert.AreEqual(due, claimed.Single().Id);
        Assert.AreEqual(OutboxRig.Tenant, claimed.Single().TenantId);
    }

    private static Task<IReadOnlyList<ClaimedEntry>> ClaimAsync(OutboxRig rig, string worker, DateTime now, TimeSpan lease) =>
        rig.UnscopedAsync(db => OutboxClaims.ClaimAsync(db, worker, now, lease, 10, CancellationToken.None));
}
