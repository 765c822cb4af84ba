using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Api.Telemetry;

public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Where to send traces, metrics and logs by OTLP (HTTP/protobuf), when the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is not set. Neither: nothing is exported and no exporter is loaded.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>A draft not yet dispatched is at risk once its report's statutory last day is this close.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 56)]
    public int AtRiskDays { get; set; } = 14;

    /// <summary>How long one reading of the database serves the gauges, however often they are collected.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan GaugeCacheFor { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// The gauges: outbox depth and the age of its oldest entry, entries given up, drafts by state, and drafts at risk
/// of missing the statutory deadline. One set of small aggregate queries (across tenants) serves all of them, run
/// only when a listener collects (an exporter's interval, a test) and then reused for <see cref="TelemetryOptions.GaugeCacheFor"/>.
/// </summary>
public sealed class ProductGauges(IServiceScopeFactory scopes, IOptions<TelemetryOptions> options, TimeProvider clock)
{
    private static readonly string[] Kinds = [OutboxKinds.StoreVersion, OutboxKinds.Notify, OutboxKinds.Finalise, OutboxKinds.Dispatch];
    private static readonly DraftState[] NotYetSent = [DraftState.Drafting, DraftState.InReview, DraftState.AwaitingApproval, DraftState.ChangesRequested, DraftState.Approved];

    private readonly Lock gate = new();
    private Snapshot? last;

    internal void Register(Meter meter)
    {
        meter.CreateObservableGauge("responsedrafter.outbox.depth", () => PerKind(s => s.Pending), "{entry}",
            "Outbox entries not yet completed or given up, by kind.");
        meter.CreateObservableGauge("responsedrafter.outbox.oldest_age", () => PerKind(s => s.OldestAgeSeconds), "s",
            "Age of the oldest outbox entry not yet completed or given up, by kind (0 when there is none).");
        meter.CreateObservableGauge("responsedrafter.outbox.failed", () => PerKind(s => s.Failed), "{entry}",
            "Outbox entries given up after their retries, each needing a person, by kind.");
        meter.CreateObservableGauge("responsedrafter.drafts", () => Read().DraftsByState.Select(d =>
            new Measurement<long>(d.Value, new KeyValuePair<string, object?>("state", d.Key))), "{draft}", "Drafts by state.");
        meter.CreateObservableGauge("responsedrafter.responses.at_risk", () =>
        {
            var s = Read();
            return new[]
            {
                new Measurement<long>(s.DueSoon, new KeyValuePair<string, object?>("when", "due-soon")),
                new Measurement<long>(s.Overdue, new KeyValuePair<string, object?>("when", "overdue")),
            };
        }, "{draft}", "Drafts not yet dispatched whose report's statutory last day (56 days from publication) is within Telemetry:AtRiskDays (due-soon) or has passed (overdue).");
    }

    private IEnumerable<Measurement<T>> PerKind<T>(Func<KindCounts, T> value)
        where T : struct
    {
        var snapshot = Read();
        return Kinds.Select(kind => new Measurement<T>(value(snapshot.Outbox.GetValueOrDefault(kind) ?? KindCounts.None), new KeyValuePair<string, object?>("kind", kind)));
    }

    private Snapshot Read()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (last is null || now - last.At >= options.Value.GaugeCacheFor)
            {
                last = Query(now);
            }

            return last;
        }
    }

    private Snapshot Query(DateTimeOffset now)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DraftingDb>();
        var utcNow = now.UtcDateTime;
        var outbox = db.Outbox.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.CompletedAt == null)
            .GroupBy(e => new { e.Kind, Failed = e.FailedAt != null })
            .Select(g => new { g.Key.Kind, g.Key.Failed, Count = g.Count(), Oldest = g.Min(e => e.CreatedAt) })
            .ToList();
        var byKind = outbox.GroupBy(o => o.Kind).ToDictionary(
            g => g.Key,
            g => (KindCounts?)new KindCounts(
                g.Where(o => !o.Failed).Sum(o => (long)o.Count),
                g.Where(o => !o.Failed).Select(o => Math.Max((utcNow - o.Oldest).TotalSeconds, 0)).DefaultIfEmpty(0).Max(),
                g.Where(o => o.Failed).Sum(o => (long)o.Count)),
            StringComparer.Ordinal);

        var states = db.Drafts.IgnoreQueryFilters().AsNoTracking().GroupBy(d => d.State).Select(g => new { State = g.Key, Count = g.Count() }).ToList();
        var draftsByState = Enum.GetValues<DraftState>().ToDictionary(s => Tag(s), s => (long)states.Where(x => x.State == s).Sum(x => x.Count));

        var today = DateOnly.FromDateTime(utcNow);
        var publishedOns = db.Drafts.IgnoreQueryFilters().AsNoTracking().Where(d => NotYetSent.Contains(d.State)).Select(d => d.Report!.PublishedOn).ToList();
        var daysLeft = publishedOns.Select(p => StatutoryDeadline.DaysLeft(p, today)).ToList();
        return new Snapshot(now, byKind, draftsByState,
            DueSoon: daysLeft.Count(d => d >= 0 && d <= options.Value.AtRiskDays),
            Overdue: daysLeft.Count(d => d < 0));
    }

    private static string Tag(DraftState state) => JsonNamingPolicy.KebabCaseLower.ConvertName(state.ToString());

    private sealed record Snapshot(DateTimeOffset At, Dictionary<string, KindCounts?> Outbox, Dictionary<string, long> DraftsByState, long DueSoon, long Overdue);

    private sealed record KindCounts(long Pending, double OldestAgeSeconds, long Failed)
    {
        public static KindCounts None { get; } = new(0, 0, 0);
    }
}
