using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ResponseDrafter.Api.Integrations;

public sealed class OutboxResilienceOptions
{
    public const string Section = "Integrations:Resilience";

    /// <summary>The whole call, all attempts and waits included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One attempt. Longer than Graph's Sent Items settle time, which a mail attempt may wait out, and than
    /// LibreOffice's own conversion limit (Local:PdfTimeout), so a slow local conversion fails on its own terms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Retries within one outbox round: a short second and third try for a blip (a dropped connection,
    /// one 503), while anything longer is left to the outbox's durable schedule, which survives a restart.</summary>
    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    [Range(2, 1000)]
    public int MinimumThroughput { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The in-process part of the outbox's retries: a few tries within one round, seconds apart, inside the durable
/// schedule of rounds (<c>Outbox:MaxAttempts</c>, minutes to an hour apart). The Graph client is built without its
/// own retry handler, so these two, chosen together (<c>Outbox.OutboxBudget</c>), are all the retrying there is.
/// </summary>
public static class OutboxPipeline
{
    public const string Name = "graph-outbox";

    public static IServiceCollection AddOutboxPipeline(this IServiceCollection services)
    {
        services.AddOptions<OutboxResilienceOptions>().BindConfiguration(OutboxResilienceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddResiliencePipeline(Name, (builder, context) =>
            Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<OutboxResilienceOptions>>().Value));
        return services;
    }

    /// <summary>Outermost first: total timeout, retry, circuit breaker, attempt timeout.</summary>
    public static ResiliencePipelineBuilder Configure(ResiliencePipelineBuilder builder, OutboxResilienceOptions options) => builder
        .AddTimeout(new TimeoutStrategyOptions { Name = "total-timeout", Timeout = options.TotalTimeout })
        .AddRetry(new RetryStrategyOptions
        {
            Name = "retry",
            ShouldHandle = args => ValueTask.FromResult(IntegrationFailures.IsRetryable(args.Outcome.Exception)),
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            DelayGenerator = args => ValueTask.FromResult(RequestedDelay(args.Outcome.Exception)),
        })
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            Name = "circuit-breaker",
            ShouldHandle = args => ValueTask.FromResult(IntegrationFailures.IsRetryable(args.Outcome.Exception)),
            FailureRatio = options.FailureRatio,
            MinimumThroughput = options.MinimumThroughput,
            SamplingDuration = options.SamplingDuration,
            BreakDuration = options.BreakDuration,
        })
        .AddTimeout(new TimeoutStrategyOptions { Name = "attempt-timeout", Timeout = options.AttemptTimeout });

    /// <summary>The service's own <c>Retry-After</c> wins over the computed backoff; null falls back to it.</summary>
    internal static TimeSpan? RequestedDelay(Exception? exception) =>
        exception is IntegrationException { RetryAfter: { } wait } ? wait : null;
}
