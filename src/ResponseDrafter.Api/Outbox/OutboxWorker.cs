using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using ResponseDrafter.Api.Audit;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Telemetry;

namespace ResponseDrafter.Api.Outbox;

/// <summary>
/// Carries out the outbox: claims due entries under a lease, runs each in a scope of its own as the entry's tenant,
/// and records the outcome. Success commits the handler's changes with the entry's completion in one transaction;
/// a failure the pipeline could not overcome puts the entry back with a growing delay, and one that can never
/// succeed (or too many rounds) marks it failed with an audit entry. Any number of workers may run against one database.
/// </summary>
public sealed partial class OutboxWorker(
    IServiceScopeFactory scopes,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<OutboxOptions> options,
    IOptions<OutboxResilienceOptions> resilience,
    ProductMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    private const int MaxErrorLength = 4000;

    private readonly ResiliencePipeline pipeline = pipelines.GetPipeline(OutboxPipeline.Name);

    /// <summary>Recorded as ClaimedBy on the entries this worker takes: host, process and instance.</summary>
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    private OutboxOptions Options => options.Value;

    /// <summary>Claims one batch of due entries and runs them side by side.</summary>
    /// <returns>How many entries were claimed.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ClaimedEntry> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DraftingDb>();
            claimed = await OutboxClaims.ClaimAsync(db, Id, Now(), Options.Lease, Options.BatchSize, cancellationToken);
        }

        foreach (var entry in claimed)
        {
            LogClaimed(logger, entry.Id, entry.Kind, Id);
        }

        await Task.WhenAll(claimed.Select(entry => RunAsync(entry, cancellationToken)));
        return claimed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var budget = OutboxBudget.From(Options, resilience.Value);
        LogStarted(logger, Id, budget.Calls, budget.Rounds, budget.LongestToGiveUp);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
            {
                // The database is unreachable or busy: claimed entries keep their lease and come back when it ends.
                LogRoundFailed(logger, e);
            }

            if (claimed < Options.BatchSize)
            {
                try
                {
                    await Task.Delay(Options.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RunAsync(ClaimedEntry claimed, CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = ProductMetrics.Activities.StartActivity($"outbox {claimed.Kind}");
        activity?.SetTag("outbox.kind", claimed.Kind);
        activity?.SetTag("outbox.entry_id", claimed.Id);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().ActFor(claimed.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<DraftingDb>();

        // Whatever one entry throws is recorded on that entry (and logged), so that no entry can stop the worker.
        try
        {
            var entry = await db.Outbox.AsNoTracking().FirstAsync(e => e.Id == claimed.Id, stoppingToken);
            var handler = scope.ServiceProvider.GetKeyedService<IOutboxHandler>(entry.Kind)
                ?? throw new IntegrationException($"No handler for outbox entries of kind '{entry.Kind}'.", isTransient: false);
            var job = new OutboxJob(entry, claimed.PreviousAttemptAt, pipeline, Options.Diagnostics, clock, logger);
            await handler.HandleAsync(job, stoppingToken);
            if (await CompleteAsync(db, claimed.Id))
            {
                metrics.OutboxRound(claimed.Kind, ProductMetrics.Outcomes.Completed);
                job.Completed();
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogCompleted(logger, claimed.Id, claimed.Kind, entry.Attempts, elapsedMs);
            }
            else
            {
                LogLeaseLost(logger, claimed.Id, claimed.Kind, Id);
            }
        }
        catch (OutboxEntryNotReadyException e)
        {
            db.ChangeTracker.Clear();
            await PutBackAsync(db, claimed, e.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            await ReleaseAsync(db, claimed);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            db.ChangeTracker.Clear();
            await FailAsync(db, claimed, e);
        }
    }

    /// <summary>The completion and the handler's changes in one transaction, provided this worker still holds the entry;
    /// if another took it over (this one outlived its lease), nothing of this run is saved and the other records it.</summary>
    private async Task<bool> CompleteAsync(DraftingDb db, Guid id)
    {
        var now = Now();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var held = await db.Outbox
            .Where(e => e.Id == id && e.ClaimedBy == Id && e.CompletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CompletedAt, now).SetProperty(e => e.LeaseUntil, (DateTime?)null), CancellationToken.None);
        if (held == 0)
        {
            return false;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return true;
    }

    /// <summary>Not ready yet: due again at the next poll, with no attempt counted and the last real attempt's time kept.</summary>
    private async Task PutBackAsync(DraftingDb db, ClaimedEntry claimed, string reason)
    {
        if (await HeldAsync(db, claimed.Id) is not { } entry)
        {
            return;
        }

        entry.LastAttemptAt = claimed.PreviousAttemptAt;
        entry.LastError = reason;
        entry.LeaseUntil = null;
        entry.DueAt = Now() + Options.PollInterval;
        await db.SaveChangesAsync(CancellationToken.None);
        LogNotReady(logger, claimed.Id, claimed.Kind, reason);
    }

    /// <summary>Shutting down mid-run: the entry is due again at once (for the next worker), and its LastAttemptAt still
    /// says an external call may have started.</summary>
    private async Task ReleaseAsync(DraftingDb db, ClaimedEntry claimed)
    {
        if (await HeldAsync(db, claimed.Id) is not { } entry)
        {
            return;
        }

        entry.LeaseUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
        LogReleased(logger, claimed.Id, claimed.Kind);
    }

    private async Task FailAsync(DraftingDb db, ClaimedEntry claimed, Exception exception)
    {
        if (await HeldAsync(db, claimed.Id) is not { } entry)
        {
            LogLeaseLost(logger, claimed.Id, claimed.Kind, Id);
            return;
        }

        var now = Now();
        entry.Attempts++;
        entry.LastAttemptAt = now;
        entry.LastError = Describe(exception);
        entry.LeaseUntil = null;
        if (IsTransient(exception) && entry.Attempts < Options.MaxAttempts)
        {
            entry.DueAt = now + Options.WaitAfter(entry.Attempts, RequestedWait(exception));
            await db.SaveChangesAsync(CancellationToken.None);
            metrics.OutboxRound(claimed.Kind, ProductMetrics.Outcomes.Retrying);
            LogRetrying(logger, exception, claimed.Id, claimed.Kind, entry.Attempts, entry.DueAt);
            return;
        }

        entry.FailedAt = now;
        var stream = entry.DraftId is { } draftId ? AuditTrail.DraftStream(draftId) : AuditTrail.ProfileStream;
        await AuditTrail.AppendAsync(db, new AuditRecord(stream, AuditTrail.System, $"{entry.Kind}-failed", entry.DraftId, null,
            $"Gave up after {entry.Attempts} attempt(s); it needs a person. Last error: {entry.LastError}"), now, CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        metrics.OutboxRound(claimed.Kind, ProductMetrics.Outcomes.Failed);
        LogGaveUp(logger, exception, claimed.Id, claimed.Kind, entry.Attempts);
    }

    private async Task<OutboxEntry?> HeldAsync(DraftingDb db, Guid id) =>
        await db.Outbox.FirstOrDefaultAsync(e => e.Id == id && e.ClaimedBy == Id && e.CompletedAt == null && e.FailedAt == null, CancellationToken.None);

    /// <summary>Worth another round later: the integrations' own verdict, and the database refusing this time
    /// (a concurrent change to the draft, a busy or unreachable server). Anything else is a defect or bad data.</summary>
    internal static bool IsTransient(Exception exception) =>
        IntegrationFailures.IsTransient(exception) || exception is DbUpdateException or DbException or TimeoutException or OperationCanceledException;

    /// <summary>What is stored in LastError: the integrations' messages are written to be shown (no secrets, no
    /// letter text); for anything else only the type, the rest is in the server log.</summary>
    internal static string Describe(Exception exception)
    {
        var text = exception switch
        {
            IntegrationException or ExecutionRejectedException => $"{exception.GetType().Name}: {exception.Message}",
            DbUpdateConcurrencyException => "The draft changed while the entry ran (DbUpdateConcurrencyException).",
            _ => $"{exception.GetType().Name} (details in the server log).",
        };
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }

    private static TimeSpan? RequestedWait(Exception exception) => exception switch
    {
        IntegrationException { RetryAfter: { } wait } => wait,
        BrokenCircuitException { RetryAfter: { } wait } => wait,
        _ => null,
    };

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Outbox worker {WorkerId} started; an entry that keeps failing is tried at most {Calls} times in {Rounds} rounds and given up within {LongestToGiveUp}")]
    private static partial void LogStarted(ILogger logger, string workerId, int calls, int rounds, TimeSpan longestToGiveUp);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox entry {EntryId} ({Kind}) claimed by {WorkerId}")]
    private static partial void LogClaimed(ILogger logger, Guid entryId, string kind, string workerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox entry {EntryId} ({Kind}) completed after {FailedAttempts} failed attempt(s) in {ElapsedMs:0} ms")]
    private static partial void LogCompleted(ILogger logger, Guid entryId, string kind, int failedAttempts, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox entry {EntryId} ({Kind}) not ready: {Reason}")]
    private static partial void LogNotReady(ILogger logger, Guid entryId, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox entry {EntryId} ({Kind}) released on shutdown")]
    private static partial void LogReleased(ILogger logger, Guid entryId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox entry {EntryId} ({Kind}) failed attempt {Attempt}; due again at {DueAt:o}")]
    private static partial void LogRetrying(ILogger logger, Exception exception, Guid entryId, string kind, int attempt, DateTime dueAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox entry {EntryId} ({Kind}) given up after {Attempts} attempt(s); it needs a person")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, Guid entryId, string kind, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox entry {EntryId} ({Kind}) is no longer held by {WorkerId}; its lease ran out and another worker records it")]
    private static partial void LogLeaseLost(ILogger logger, Guid entryId, string kind, string workerId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox round failed; claimed entries come back when their lease ends")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
