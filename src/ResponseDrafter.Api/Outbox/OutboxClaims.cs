using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Data;

namespace ResponseDrafter.Api.Outbox;

/// <summary>An entry a worker now holds, with when it was last tried before this claim (null: never).</summary>
public sealed class ClaimedEntry
{
    public Guid Id { get; set; }

    public string TenantId { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public DateTime? PreviousAttemptAt { get; set; }
}

/// <summary>
/// Hands due entries to one worker at a time. A claim sets ClaimedBy, LeaseUntil and LastAttemptAt (the moment
/// the attempt starts, committed before any external call) in one atomic step, so two workers, in one process
/// or in two, never hold the same entry, and an entry whose lease ran out (its worker died) is due again.
/// Claims read across tenants; everything after the claim runs as the entry's tenant.
/// </summary>
public static class OutboxClaims
{
    public static async Task<IReadOnlyList<ClaimedEntry>> ClaimAsync(
        DraftingDb db, string workerId, DateTime now, TimeSpan lease, int batchSize, CancellationToken cancellationToken)
    {
        var leaseUntil = now + lease;
        return db.Database.IsNpgsql()
            ? await ClaimOnPostgreSqlAsync(db, workerId, now, leaseUntil, batchSize, cancellationToken)
            : await ClaimOnSqliteAsync(db, workerId, now, leaseUntil, batchSize, cancellationToken);
    }

    /// <summary>
    /// One statement. <c>FOR UPDATE SKIP LOCKED</c> lets concurrent claimers pass over rows another is taking
    /// instead of waiting for them; a row another claimer took and committed meanwhile is re-checked against the
    /// WHERE clause and dropped, since its lease is now in the future. The CTE still sees LastAttemptAt as it was.
    /// </summary>
    private static async Task<List<ClaimedEntry>> ClaimOnPostgreSqlAsync(
        DraftingDb db, string workerId, DateTime now, DateTime leaseUntil, int batchSize, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<ClaimedEntry>($"""
            WITH due AS (
                SELECT "Id", "LastAttemptAt"
                FROM "Outbox"
                WHERE "CompletedAt" IS NULL AND "FailedAt" IS NULL AND "DueAt" <= {now}
                  AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= {now})
                ORDER BY "DueAt", "Id"
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED)
            UPDATE "Outbox" AS o
            SET "ClaimedBy" = {workerId}, "LeaseUntil" = {leaseUntil}, "LastAttemptAt" = {now}
            FROM due
            WHERE o."Id" = due."Id"
            RETURNING o."Id" AS "Id", o."TenantId" AS "TenantId", o."Kind" AS "Kind", due."LastAttemptAt" AS "PreviousAttemptAt"
            """).ToListAsync(cancellationToken);

    /// <summary>
    /// SQLite lets one writer in at a time, so a single UPDATE … WHERE Id IN (SELECT … LIMIT n) is already exclusive.
    /// Its RETURNING clause sees only the new row, so it leaves LastAttemptAt alone and returns it as it was; the
    /// second statement stamps the start, and one transaction holds both.
    /// </summary>
    private static async Task<List<ClaimedEntry>> ClaimOnSqliteAsync(
        DraftingDb db, string workerId, DateTime now, DateTime leaseUntil, int batchSize, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Database.SqlQuery<ClaimedEntry>($"""
            UPDATE "Outbox"
            SET "ClaimedBy" = {workerId}, "LeaseUntil" = {leaseUntil}
            WHERE "Id" IN (
                SELECT "Id"
                FROM "Outbox"
                WHERE "CompletedAt" IS NULL AND "FailedAt" IS NULL AND "DueAt" <= {now}
                  AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= {now})
                ORDER BY "DueAt", "Id"
                LIMIT {batchSize})
            RETURNING "Id", "TenantId", "Kind", "LastAttemptAt" AS "PreviousAttemptAt"
            """).ToListAsync(cancellationToken);
        if (claimed.Count > 0)
        {
            var ids = claimed.Select(c => c.Id).ToList();
            await db.Outbox.IgnoreQueryFilters()
                .Where(e => ids.Contains(e.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastAttemptAt, now), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }
}
