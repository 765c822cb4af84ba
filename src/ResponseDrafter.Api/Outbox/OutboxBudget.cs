using ResponseDrafter.Api.Integrations;

namespace ResponseDrafter.Api.Outbox;

/// <summary>
/// What the two retry layers add up to for one entry that fails every time: the durable rounds
/// (<c>Outbox:MaxAttempts</c>) times the pipeline's tries within a round (<c>Integrations:Resilience:MaxRetryAttempts</c> + 1),
/// and the latest moment it can be given up. Each round is bounded by the pipeline's total timeout, each wait
/// between rounds by the jittered backoff or the capped <c>Retry-After</c>, and a due entry is claimed within one poll
/// while the workers keep up. An open circuit only shortens a round, so the calls are a ceiling, not a promise.
/// </summary>
/// <param name="Rounds">Rounds before the entry is marked failed and audited.</param>
/// <param name="TriesPerRound">Tries of the external action within one round.</param>
/// <param name="LongestToGiveUp">From the entry being due to it being marked failed, at the longest.</param>
public sealed record OutboxBudget(int Rounds, int TriesPerRound, TimeSpan LongestToGiveUp)
{
    /// <summary>Tries of the external action, all rounds together.</summary>
    public int Calls => Rounds * TriesPerRound;

    public static OutboxBudget From(OutboxOptions outbox, OutboxResilienceOptions resilience)
    {
        var longest = TimeSpan.Zero;
        for (var round = 1; round <= outbox.MaxAttempts; round++)
        {
            longest += outbox.PollInterval + resilience.TotalTimeout;
            if (round < outbox.MaxAttempts)
            {
                longest += outbox.LongestWaitAfter(round);
            }
        }

        return new OutboxBudget(outbox.MaxAttempts, resilience.MaxRetryAttempts + 1, longest);
    }

    /// <summary>A dispatch waits, uncounted, while the PDF is being made: at the longest until the finalise entry
    /// is given up, then one round finds no PDF and gives up too.</summary>
    public TimeSpan LongestDispatchToGiveUp(OutboxOptions outbox, OutboxResilienceOptions resilience) =>
        LongestToGiveUp + outbox.PollInterval + outbox.PollInterval + resilience.TotalTimeout;
}
