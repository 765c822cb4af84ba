using Polly;

namespace ResponseDrafter.Api.Outbox;

/// <summary>
/// Carries out one kind of outbox entry. A handler reads what it needs, makes its external call through
/// <see cref="OutboxJob.RunExternalAsync{T}"/>, and records the outcome on the scope's <c>DraftingDb</c> without
/// saving: the worker commits those changes together with the entry's completion, or discards them.
/// </summary>
public interface IOutboxHandler
{
    Task HandleAsync(OutboxJob job, CancellationToken cancellationToken);
}

/// <summary>The entry cannot run yet because another entry it depends on has not finished (the dispatch waits
/// for the PDF). The worker puts it back without counting an attempt.</summary>
public sealed class OutboxEntryNotReadyException : Exception
{
    public OutboxEntryNotReadyException()
    {
    }

    public OutboxEntryNotReadyException(string message)
        : base(message)
    {
    }

    public OutboxEntryNotReadyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>One run of one entry: the entry itself, when it was last tried, and the one way out to the outside world.</summary>
public sealed partial class OutboxJob(
    OutboxEntry entry, DateTime? previousAttemptAt, ResiliencePipeline pipeline, OutboxDiagnosticsOptions diagnostics, TimeProvider time, ILogger logger)
{
    public OutboxEntry Entry => entry;

    /// <summary>When this entry was last tried before this run, for a sender that must not repeat itself
    /// (<see cref="Integrations.OutgoingMail.PreviousAttemptAt"/>).</summary>
    public DateTimeOffset? PreviousAttemptAt => previousAttemptAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;

    public TPayload Payload<TPayload>() => OutboxWrites.Read<TPayload>(entry);

    private List<Action>? completed;

    /// <summary>Something to do once the entry's outcome is committed (a metric of what it did), never if it is not.</summary>
    public void OnCompleted(Action action) => (completed ??= []).Add(action);

    internal void Completed()
    {
        foreach (var action in completed ?? [])
        {
            action();
        }
    }

    /// <summary>Runs the external call through the <c>graph-outbox</c> pipeline: its few quick tries are this round's.</summary>
    public async Task<T> RunExternalAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        var result = await pipeline.ExecuteAsync(call, cancellationToken);
        if (diagnostics.PauseAfterExternalCall == entry.Kind)
        {
            LogPausing(logger, entry.Id, entry.Kind, diagnostics.PauseFor);
            await Task.Delay(diagnostics.PauseFor, time, cancellationToken);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox entry {EntryId} ({Kind}) pausing {Pause} after its external call, before recording it (Outbox:Diagnostics:PauseAfterExternalCall)")]
    private static partial void LogPausing(ILogger logger, Guid entryId, string kind, TimeSpan pause);
}
