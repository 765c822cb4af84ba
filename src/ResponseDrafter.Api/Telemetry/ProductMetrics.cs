using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ResponseDrafter.Api.Telemetry;

/// <summary>
/// The product's own instruments, on the <c>ResponseDrafter</c> meter: what the outbox did (counted by the worker
/// as it happens), how long letters took to go out, and the state of things (observable gauges read from the
/// database only when a listener collects them, see <see cref="ProductGauges"/>). With no listener, recording costs
/// next to nothing.
/// </summary>
public sealed class ProductMetrics
{
    public const string MeterName = "ResponseDrafter";

    /// <summary>The source of the outbox's own spans (one per entry run), which the HTTP and database spans nest in.</summary>
    public static readonly ActivitySource Activities = new(MeterName);

    private readonly Counter<long> outboxAttempts;
    private readonly Histogram<double> dispatchLatency;

    public ProductMetrics(IMeterFactory meters, ProductGauges gauges)
    {
        var meter = meters.Create(MeterName);
        outboxAttempts = meter.CreateCounter<long>("responsedrafter.outbox.attempts", "{round}",
            "Outbox rounds run, by kind of entry and outcome: completed, retrying (failed, due again later) or failed (given up, needs a person).");
        dispatchLatency = meter.CreateHistogram<double>("responsedrafter.dispatch.latency", "s",
            "From the final approval (the signed letter made) to the letter sent to the Home Office and HM Chief Inspector.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [60, 300, 900, 1800, 3600, 7200, 14400, 43200, 86400, 259200] });
        gauges.Register(meter);
    }

    public void OutboxRound(string kind, string outcome) =>
        outboxAttempts.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    public void LetterDispatched(TimeSpan sinceApproval) => dispatchLatency.Record(Math.Max(sinceApproval.TotalSeconds, 0));

    public static class Outcomes
    {
        public const string Completed = "completed";
        public const string Retrying = "retrying";
        public const string Failed = "failed";
    }
}
