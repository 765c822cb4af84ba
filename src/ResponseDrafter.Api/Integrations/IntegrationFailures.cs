using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ResponseDrafter.Api.Integrations;

/// <summary>How the outbox sorts a failure: keep the entry and try later, or give up and record why.</summary>
public static class IntegrationFailures
{
    private static readonly HashSet<int> TransientStatusCodes = [408, 429, 500, 502, 503, 504];

    public static bool IsTransientStatus(int statusCode) => TransientStatusCodes.Contains(statusCode);

    /// <summary>True when trying again later can succeed, including the pipeline's own refusals
    /// (an attempt or the whole call timed out, or the circuit is open).</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        IntegrationException e => e.IsTransient,
        TimeoutRejectedException or BrokenCircuitException => true,
        _ => false,
    };

    /// <summary>The failures the pipeline itself retries: not an open circuit, which the outbox defers instead.</summary>
    internal static bool IsRetryable(Exception? exception) => exception switch
    {
        IntegrationException e => e.IsTransient,
        TimeoutRejectedException => true,
        _ => false,
    };
}
