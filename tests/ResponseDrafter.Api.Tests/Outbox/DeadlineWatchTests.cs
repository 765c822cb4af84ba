using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Audit;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Tests.Outbox;

[TestClass]
public sealed class DeadlineWatchTests
{
    private static readonly DateOnly DueOn = new(2026, 6, 10);

    [TestMethod]
    public async Task ApproversAreRemindedOnceWhenTheirStageIsDueWithinTheReminderDays()
    {
        await using var rig = await OutboxRig.StartAsync();
        var draftId = await SubmittedAsync(rig, stage: 1);

        var early = await rig.NewWatch(FixedClock.On(2026, 6, 6)).CheckAsync(CancellationToken.None);
        var threeDaysBefore = await rig.NewWatch(FixedClock.On(2026, 6, 7)).CheckAsync(CancellationToken.None);
        var nextDay = await rig.NewWatch(FixedClock.On(2026, 6, 8)).CheckAsync(CancellationToken.None);

        Assert.AreEqual(0, early);
        Assert.AreEqual(1, threeDaysBefore);
        Assert.AreEqual(0, nextDay, "one reminder per stage and submission");
        var (draft, notifications, audit) = await ReadAsync(rig, draftId);
        var reminder = notifications.Single();
        Assert.AreEqual(Seed.Commissioner.Id, reminder.Recipient.UserId, "the stage the draft is at, not the one before");
        Assert.AreEqual(Notifications.DeadlineApproaching, reminder.ActivityType);
        Assert.AreEqual($"draft-{draftId:N}-v1-stage2-reminder-{Seed.Commissioner.Id}", reminder.Key);
        Assert.AreEqual("3", reminder.TemplateParameters["daysLeft"], "the Teams template says 'due in {daysLeft} days'");
        Assert.AreEqual($"https://responsedrafter.opcc.example/taskpane.html?draft={draftId}", reminder.Link);
        Assert.AreEqual("Reminder: your decision on version 1 at stage 2 (Commissioner) is due on 10 June 2026.", reminder.Text);
        Assert.AreEqual(FixedClock.On(2026, 6, 7).GetUtcNow().UtcDateTime, draft.Schedule[1].RemindedAt);
        Assert.IsNull(draft.Schedule[1].EscalatedAt);
        Assert.AreEqual(6, draft.Version, "recording the reminder is a write to the draft");
        var scheduled = audit.Single();
        Assert.AreEqual("reminder-scheduled", scheduled.Action);
        Assert.AreEqual("Stage 2 (Commissioner) is due on 2026-06-10; reminded Alex Mercer.", scheduled.Detail);
        Assert.IsNotNull(scheduled.VersionSha256);
    }

    [TestMethod]
    public async Task AnOverdueStageIsEscalatedOnceToItsApproversAndTheEscalationContact()
    {
        await using var rig = await OutboxRig.StartAsync();
        var draftId = await SubmittedAsync(rig, stage: 0);

        var reminded = await rig.NewWatch(FixedClock.On(2026, 6, 8)).CheckAsync(CancellationToken.None);
        var dueDay = await rig.NewWatch(FixedClock.On(2026, 6, 10)).CheckAsync(CancellationToken.None);
        var dayAfter = await rig.NewWatch(FixedClock.On(2026, 6, 11)).CheckAsync(CancellationToken.None);
        var later = await rig.NewWatch(FixedClock.On(2026, 6, 14)).CheckAsync(CancellationToken.None);

        Assert.AreEqual((1, 0, 1, 0), (reminded, dueDay, dayAfter, later), "a reminder, nothing on the due day itself, one escalation");
        var (draft, notifications, audit) = await ReadAsync(rig, draftId);
        var overdue = notifications.Where(n => n.Key.Contains("-overdue-", StringComparison.Ordinal)).ToList();
        CollectionAssert.AreEquivalent(new[] { Seed.Head.Id, Seed.ChiefExecutive.Id }, overdue.Select(n => n.Recipient.UserId).ToList());
        Assert.IsTrue(overdue.All(n => n.Text == "Overdue: version 1 was due for a decision at stage 1 (Head of policy) on 10 June 2026."));
        Assert.AreEqual(FixedClock.On(2026, 6, 11).GetUtcNow().UtcDateTime, draft.Schedule[0].EscalatedAt);
        Assert.IsNull(draft.Schedule[1].RemindedAt, "the next stage is untouched");
        CollectionAssert.AreEqual(new[] { "reminder-scheduled", "escalated" }, audit.Select(e => e.Action).ToList());
        Assert.AreEqual("Stage 1 (Head of policy) was due on 2026-06-10; told Harper Head-of-Policy, Casey Chief-Executive.", audit[1].Detail);
        Assert.IsTrue(AuditTrail.Verify(audit).Intact);
    }

    [TestMethod]
    public async Task DraftsNotWaitingForADecisionAreLeftAlone()
    {
        await using var rig = await OutboxRig.StartAsync();
        var now = DateTime.UtcNow;
        await rig.InTenantAsync(async db =>
        {
            await Seed.ProfileAsync(db, now);
            var id = await Seed.ApprovedDraftAsync(db, now, pdf: null);
            var draft = await db.Drafts.SingleAsync(d => d.Id == id);
            draft.Schedule = [new StageDue(0, DueOn)];
            await db.SaveChangesAsync();
        });

        var recorded = await rig.NewWatch(FixedClock.On(2026, 7, 1)).CheckAsync(CancellationToken.None);

        Assert.AreEqual(0, recorded);
        Assert.AreEqual(0, await rig.InTenantAsync(db => db.Outbox.CountAsync()));
    }

    [TestMethod]
    [DataRow(Database.Sqlite)]
    [DataRow(Database.PostgreSql)]
    public async Task TwoWatchesCheckingAtOnceRecordOneReminder(Database database)
    {
        await using var rig = await OutboxRig.StartAsync(database);
        var draftId = await SubmittedAsync(rig, stage: 1);
        var clock = FixedClock.On(2026, 6, 8);

        var recorded = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => rig.NewWatch(clock).CheckAsync(CancellationToken.None))));

        Assert.AreEqual(1, recorded.Sum());
        var (_, notifications, audit) = await ReadAsync(rig, draftId);
        Assert.HasCount(1, notifications);
        Assert.HasCount(1, audit);
    }

    private static Task<Guid> SubmittedAsync(OutboxRig rig, int stage) => rig.InTenantAsync(async db =>
    {
        var now = new DateTime(2026, 5, 20, 9, 0, 0, DateTimeKind.Utc);
        await Seed.ProfileAsync(db, now);
        return await Seed.SubmittedDraftAsync(db, now, stage, DueOn);
    });

    private static Task<(Drafts.Draft Draft, List<ActivityNotification> Notifications, List<AuditEntry> Audit)> ReadAsync(OutboxRig rig, Guid draftId) =>
        rig.InTenantAsync(async db =>
        {
            var draft = await db.Drafts.AsNoTracking().SingleAsync(d => d.Id == draftId);
            var entries = await db.Outbox.AsNoTracking().Where(e => e.Kind == OutboxKinds.Notify).ToListAsync();
            return (draft, entries.Select(e => OutboxWrites.Read<NotifyPayload>(e).Notification).ToList(), await Seed.AuditAsync(db, draftId));
        });
}
