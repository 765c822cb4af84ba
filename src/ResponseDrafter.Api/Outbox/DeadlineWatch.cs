using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResponseDrafter.Api.Audit;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Assembly;

namespace ResponseDrafter.Api.Outbox;

/// <summary>
/// Reminds a stage's approvers when its due date is near, and tells them and the escalation contact when it has
/// passed: once per stage and submission (the schedule records it), as outbox notifications committed with the
/// record. Several instances may watch at once; the draft's version decides which one records a reminder.
/// </summary>
public sealed partial class DeadlineWatch(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, PublicOrigin publicOrigin, TimeProvider clock, ILogger<DeadlineWatch> logger)
    : BackgroundService
{
    private static readonly DraftState[] Watched = [DraftState.InReview, DraftState.AwaitingApproval];

    /// <summary>Looks at every draft with approvers, in every tenant.</summary>
    /// <returns>How many reminders and escalations were recorded.</returns>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        List<(Guid Id, string TenantId)> drafts;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DraftingDb>();
            drafts = (await db.Drafts.IgnoreQueryFilters().AsNoTracking()
                .Where(d => Watched.Contains(d.State))
                .Select(d => new { d.Id, d.TenantId })
                .ToListAsync(cancellationToken))
                .Select(d => (d.Id, d.TenantId))
                .ToList();
        }

        var recorded = 0;
        foreach (var (id, tenantId) in drafts)
        {
            recorded += await CheckDraftAsync(id, tenantId, cancellationToken) ? 1 : 0;
        }

        return recorded;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
            {
                LogCheckFailed(logger, e);
            }

            try
            {
                await Task.Delay(options.Value.DeadlineCheckInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> CheckDraftAsync(Guid draftId, string tenantId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().ActFor(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<DraftingDb>();
        var draft = await db.Drafts.Include(d => d.Report).FirstOrDefaultAsync(d => d.Id == draftId && Watched.Contains(d.State), cancellationToken);
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (draft?.Stage is not { } stageIndex || profile is null || stageIndex >= profile.SignOff.Stages.Count
            || draft.Schedule.FirstOrDefault(s => s.Stage == stageIndex) is not { } due)
        {
            return false;
        }

        var today = clock.Today();
        var overdue = today > due.DueOn && due.EscalatedAt is null;
        var remind = !overdue && due.RemindedAt is null && today >= due.DueOn.AddDays(-profile.SignOff.ReminderDaysBefore);
        if (!overdue && !remind)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var stage = profile.SignOff.Stages[stageIndex];
        var versionSha256 = await db.DraftVersions.Where(v => v.DraftId == draft.Id && v.Number == draft.VersionCount).Select(v => v.Sha256).FirstOrDefaultAsync(cancellationToken);
        var stageName = string.Create(CultureInfo.InvariantCulture, $"stage {stageIndex + 1} ({stage.Name})");
        if (overdue)
        {
            // An overdue notice says all a reminder would, so a reminder never follows it.
            IReadOnlyList<Person> people = profile.SignOff.EscalateTo is { } escalateTo ? [.. stage.Approvers, escalateTo] : stage.Approvers;
            Enqueue(db, draft, people, "overdue", 0,
                string.Create(CultureInfo.InvariantCulture, $"Overdue: version {draft.VersionCount} was due for a decision at {stageName} on {UkDate.Format(due.DueOn)}."), now);
            draft.Schedule = Replace(draft.Schedule, due with { EscalatedAt = now, RemindedAt = due.RemindedAt ?? now });
            await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draft.Id), AuditTrail.System, "escalated", draft.Id, versionSha256,
                $"{Capitalised(stageName)} was due on {due.DueOn:yyyy-MM-dd}; told {Names(people)}."), now, cancellationToken);
        }
        else
        {
            var daysLeft = due.DueOn.DayNumber - today.DayNumber;
            Enqueue(db, draft, stage.Approvers, "reminder", daysLeft,
                string.Create(CultureInfo.InvariantCulture, $"Reminder: your decision on version {draft.VersionCount} at {stageName} is due on {UkDate.Format(due.DueOn)}."), now);
            draft.Schedule = Replace(draft.Schedule, due with { RemindedAt = now });
            await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.DraftStream(draft.Id), AuditTrail.System, "reminder-scheduled", draft.Id, versionSha256,
                $"{Capitalised(stageName)} is due on {due.DueOn:yyyy-MM-dd}; reminded {Names(stage.Approvers)}."), now, cancellationToken);
        }

        draft.Touch(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone acted on the draft at the same moment (another instance's watch, or a person); the next check sees the outcome.
            LogConflict(logger, draft.Id);
            return false;
        }

        LogRecorded(logger, draft.Id, overdue ? "escalation" : "reminder", stageIndex + 1);
        return true;
    }

    /// <summary>One notification per person, keyed by draft, submission, stage and kind, so each goes out once.</summary>
    private void Enqueue(DraftingDb db, Draft draft, IEnumerable<Person> people, string kind, int daysLeft, string text, DateTime now) =>
        Notifications.Enqueue(
            db,
            draft,
            draft.Report!.Title,
            people,
            Notifications.DeadlineApproaching,
            string.Create(CultureInfo.InvariantCulture, $"v{draft.VersionCount}-stage{(draft.Stage ?? 0) + 1}-{kind}"),
            text,
            publicOrigin.DraftLink(draft.Id),
            now,
            new Dictionary<string, string> { ["daysLeft"] = Math.Max(daysLeft, 0).ToString(CultureInfo.InvariantCulture) });

    private static List<StageDue> Replace(List<StageDue> schedule, StageDue updated) =>
        [.. schedule.Select(s => s.Stage == updated.Stage ? updated : s)];

    private static string Names(IEnumerable<Person> people) => string.Join(", ", people.Select(p => p.Name).Distinct(StringComparer.Ordinal));

    private static string Capitalised(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Draft {DraftId}: {What} recorded for stage {Stage}")]
    private static partial void LogRecorded(ILogger logger, Guid draftId, string what, int stage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Draft {DraftId} changed while its deadline was checked; the next check looks again")]
    private static partial void LogConflict(ILogger logger, Guid draftId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The deadline check failed; it runs again at the next interval")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
