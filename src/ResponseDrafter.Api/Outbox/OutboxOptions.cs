using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using ResponseDrafter.Api.Integrations;

namespace ResponseDrafter.Api.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Off: nothing is sent, stored or reminded by this instance (entries wait for one that is on).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the worker sleeps when it found nothing due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed entry stays with its worker; after that (a crashed worker) another may take it.
    /// Longer than <c>Integrations:Resilience:TotalTimeout</c>, so a live worker never loses an entry it is running.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Entries claimed at once, and run side by side, by one worker.</summary>
    [Range(1, 100)]
    public int BatchSize { get; set; } = 10;

    /// <summary>Rounds through the resilience pipeline before an entry is given up (FailedAt) and audited. With the
    /// pipeline's own short retry inside each round, an entry is tried at most
    /// <c>MaxAttempts × (Integrations:Resilience:MaxRetryAttempts + 1)</c> times (<see cref="OutboxBudget"/>).</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the next round after a failed one, doubling each time up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest a service's <c>Retry-After</c> (or an open circuit) may push the next round back, so that
    /// a service asking for a day cannot hold a letter past the time this schedule promises to give up.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryAfterMaxWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the deadline watch looks for stages to remind or escalate.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromHours(1);

    public OutboxDiagnosticsOptions Diagnostics { get; set; } = new();

    private const double MaxJitter = 0.2;

    /// <summary>The wait after the <paramref name="failedRounds"/>th failed round: exponential, with up to 20 % jitter.</summary>
    public TimeSpan Backoff(int failedRounds) =>
        TimeSpan.FromMilliseconds(CappedBackoffMs(failedRounds) * (1 + (Random.Shared.NextDouble() * MaxJitter)));

    /// <summary>The wait after a failed round: the backoff, or what the service asked for when that is longer
    /// (up to <see cref="RetryAfterMaxWait"/>).</summary>
    public TimeSpan WaitAfter(int failedRounds, TimeSpan? requested)
    {
        var backoff = Backoff(failedRounds);
        return requested is { } asked && Min(asked, RetryAfterMaxWait) > backoff ? Min(asked, RetryAfterMaxWait) : backoff;
    }

    /// <summary>The longest <see cref="WaitAfter"/> can be after the <paramref name="failedRounds"/>th failed round.</summary>
    public TimeSpan LongestWaitAfter(int failedRounds)
    {
        var backoff = TimeSpan.FromMilliseconds(CappedBackoffMs(failedRounds) * (1 + MaxJitter));
        return backoff > RetryAfterMaxWait ? backoff : RetryAfterMaxWait;
    }

    private double CappedBackoffMs(int failedRounds) =>
        Math.Min(RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(failedRounds - 1, 0, 30)), RetryMaxDelay.TotalMilliseconds);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

/// <summary>A development aid, refused outside the Development environment: it exists so that the crash test can kill
/// the process at a known moment, after an external action happened and before it was recorded.</summary>
public sealed class OutboxDiagnosticsOptions
{
    /// <summary>An outbox kind (e.g. <c>dispatch</c>): entries of that kind wait <see cref="PauseFor"/> after their
    /// external call returns, before the result is recorded, and log that they do.</summary>
    public string? PauseAfterExternalCall { get; set; }

    public TimeSpan PauseFor { get; set; } = TimeSpan.FromMinutes(5);
}

internal sealed class OutboxOptionsValidator(IOptions<OutboxResilienceOptions> resilience, IHostEnvironment environment) : IValidateOptions<OutboxOptions>
{
    private static readonly string[] Kinds = [OutboxKinds.StoreVersion, OutboxKinds.Notify, OutboxKinds.Finalise, OutboxKinds.Dispatch];

    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (options.Lease <= resilience.Value.TotalTimeout)
        {
            failures.Add($"{OutboxOptions.Section}:Lease ({options.Lease}) must be longer than {OutboxResilienceOptions.Section}:TotalTimeout " +
                $"({resilience.Value.TotalTimeout}), or a slow entry could be taken over while it is still running.");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{OutboxOptions.Section}:RetryMaxDelay must not be shorter than {OutboxOptions.Section}:RetryBaseDelay.");
        }

        if (options.Diagnostics.PauseAfterExternalCall is { } kind)
        {
            if (!environment.IsDevelopment())
            {
                failures.Add($"{OutboxOptions.Section}:Diagnostics:PauseAfterExternalCall is a development aid and is refused in the {environment.EnvironmentName} environment; remove it.");
            }

            if (!Kinds.Contains(kind))
            {
                failures.Add($"{OutboxOptions.Section}:Diagnostics:PauseAfterExternalCall is '{kind}'; use one of {string.Join(", ", Kinds)}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
