using System.Text;
using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Audit;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Integrations.Local;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Tests.Integrations;
using ResponseDrafter.Api.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace ResponseDrafter.Api.Tests.Outbox;

[TestClass]
public sealed class OutboxWorkerTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% the signed letter\n%%EOF\n");

    [TestMethod]
    public async Task DispatchSendsTheSignedPdfAndRecordsTheDraftAsDispatched()
    {
        await using var rig = await OutboxRig.StartAsync();
        var now = DateTime.UtcNow;
        var draftId = await rig.InTenantAsync(db => Seed.ApprovedDraftWithEntryAsync(db, now, Pdf, OutboxKinds.Dispatch, id => new DispatchPayload(id)));

        await rig.NewWorker().RunOnceAsync(CancellationToken.None);

        var eml = await MimeKit.MimeMessage.LoadAsync(Path.Combine(rig.DataPath, "outbox", OutboxRig.Tenant, $"draft-{draftId}-dispatch.eml"));
        CollectionAssert.AreEqual(new[] { Seed.HomeOffice, Seed.ChiefInspector }, eml.To.Mailboxes.Select(m => m.Address).ToList());
        CollectionAssert.AreEqual(new[] { Seed.ChiefConstable }, eml.Cc.Mailboxes.Select(m => m.Address).ToList());
        var attachment = eml.Attachments.OfType<MimeKit.MimePart>().Single();
        Assert.AreEqual("the-hidden-victims-modern-slavery-super-complaint-signed.pdf", attachment.FileName);
        using var attached = new MemoryStream();
        await attachment.Content!.DecodeToAsync(attached);
        CollectionAssert.AreEqual(Pdf, attached.ToArray());
        var (draft, audit, entry) = await rig.InTenantAsync(async db => (
            await db.Drafts.AsNoTracking().SingleAsync(d => d.Id == draftId),
            await Seed.AuditAsync(db, draftId),
            await db.Outbox.AsNoTracking().SingleAsync()));
        Assert.AreEqual(DraftState.Dispatched, draft.State);
        Assert.IsNotNull(draft.DispatchedAt);
        Assert.AreEqual($"<draft-{draftId}-dispatch@localhost>", draft.DispatchMessageId);
        Assert.AreEqual(6, draft.Version, "the dispatch is a write: the draft's ETag moves on");
        var dispatched = audit.Single(e => e.Action == "dispatched");
        Assert.AreEqual(AuditTrail.System.Id, dispatched.ActorId);
        Assert.AreEqual(Seed.Sha256(Pdf), dispatched.VersionSha256, "the audit names the exact PDF sent");
        StringAssert.Contains(dispatched.Detail, $"{Seed.HomeOffice}, {Seed.ChiefInspector}, cc {Seed.ChiefConstable}");
        Assert.IsTrue(AuditTrail.Verify(audit).Intact);
        Assert.IsNotNull(entry.CompletedAt);
        Assert.AreEqual(0, entry.Attempts);
    }

    [TestMethod]
    public async Task DispatchWaitsForThePdfWhileItIsBeingMadeWithoutCountingAnAttempt()
    {
        await using var rig = await OutboxRig.StartAsync();
        var now = DateTime.UtcNow;
        var draftId = await rig.InTenantAsync(async db =>
        {
            await Seed.ProfileAsync(db, now);
            var id = await Seed.ApprovedDraftAsync(db, now, pdf: null);
            Seed.Entry(db, OutboxKinds.Finalise, id, new FinalisePayload(id), now).DueAt = now.AddHours(1);
            Seed.Entry(db, OutboxKinds.Dispatch, id, new DispatchPayload(id), now);
            await db.SaveChangesAsync();
            return id;
        });

        await rig.NewWorker().RunOnceAsync(CancellationToken.None);

        var dispatch = await rig.InTenantAsync(db => db.Outbox.AsNoTracking().SingleAsync(e => e.Kind == OutboxKinds.Dispatch));
        Assert.AreEqual(0, dispatch.Attempts);
        Assert.IsNull(dispatch.CompletedAt);
        Assert.IsNull(dispatch.FailedAt);
        Assert.IsNull(dispatch.LastAttemptAt, "nothing was tried, so no send can be in flight");
        Assert.IsGreaterThan(now, dispatch.DueAt);
        Assert.AreEqual("Waiting for the signed letter's PDF.", dispatch.LastError);
        Assert.IsFalse(Directory.Exists(Path.Combine(rig.DataPath, "outbox")), "nothing was sent");
        Assert.AreEqual(DraftState.Approved, await rig.InTenantAsync(db => db.Drafts.Where(d => d.Id == draftId).Select(d => d.State).SingleAsync()));
    }

    [TestMethod]
    public async Task DispatchWithoutAPdfOrAnyoneMakingOneIsGivenUpAndAudited()
    {
        await using var rig = await OutboxRig.StartAsync();
        var now = DateTime.UtcNow;
        var draftId = await rig.InTenantAsync(db => Seed.ApprovedDraftWithEntryAsync(db, now, pdf: null, OutboxKinds.Dispatch, id => new DispatchPayload(id)));

        await rig.NewWorker().RunOnceAsync(CancellationToken.None);

        var (entry, audit) = await rig.InTenantAsync(async db => (await db.Outbox.AsNoTracking().SingleAsync(), await Seed.AuditAsync(db, draftId)));
        Assert.IsNotNull(entry.FailedAt);
        Assert.AreEqual(1, entry.Attempts);
        StringAssert.Contains(entry.LastError, "has no PDF and none is being produced");
        var failed = audit.Single();
        Assert.AreEqual("dispatch-failed", failed.Action);
        StringAssert.Contains(failed.Detail, "needs a person");
        Assert.IsTrue(AuditTrail.Verify(audit).Intact);
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task TransientFailuresComeBackLaterAndTooManyAreGivenUp_LoopbackGraph()
    {
        await using var graph = await GraphStandIn.StartAsync();
        graph.RandomFaults = route => route == GraphRoute.SendMail ? Fault.ServiceUnavailable : null;
        await using var rig = await OutboxRig.StartAsync(graph: graph, overrides: new Dictionary<string, string?>
        {
            ["Outbox:MaxAttempts"] = "2",
            ["Integrations:Graph:SentItemsSettleTime"] = "00:00:00.100",
        });
        var now = DateTime.UtcNow;
        var draftId = await rig.InTenantAsync(db => Seed.ApprovedDraftWithEntryAsync(db, now, Pdf, OutboxKinds.Dispatch, id => new DispatchPayload(id)));
        var worker = rig.NewWorker();

        await worker.RunOnceAsync(CancellationToken.None);
        var afterFirst = await rig.InTenantAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        await rig.DrainAsync(TimeSpan.FromSeconds(30), worker);
        var (last, audit) = await rig.InTenantAsync(async db => (await db.Outbox.AsNoTracking().SingleAsync(), await Seed.AuditAsync(db, draftId)));

        Assert.AreEqual(1, afterFirst.Attempts);
        Assert.IsNull(afterFirst.FailedAt);
        Assert.IsGreaterThan(afterFirst.LastAttemptAt!.Value, afterFirst.DueAt, "put back to wait");
        StringAssert.Contains(afterFirst.LastError, "answered 503");
        Assert.AreEqual(2, last.Attempts);
        Assert.IsNotNull(last.FailedAt);
        Assert.AreEqual("dispatch-failed", audit.Single().Action);
        Assert.HasCount(6, graph.RequestsTo(GraphRoute.SendMail), "2 rounds of 1 call and 2 pipeline retries: the pipeline is the only retry layer");
        Assert.IsEmpty(graph.SentItems);
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task ARestartedWorkerWaitsForSentItemsInsteadOfSendingTheLetterAgain_LoopbackGraph()
    {
        await using var graph = await GraphStandIn.StartAsync();
        graph.SentItemsLag = TimeSpan.FromSeconds(3);
        await using var rig = await OutboxRig.StartAsync(graph: graph, overrides: new Dictionary<string, string?>
        {
            ["Integrations:Graph:SentItemsSettleTime"] = "00:00:08",
            ["Integrations:Resilience:AttemptTimeout"] = "00:00:10",
        });
        var now = DateTime.UtcNow;
        var draftId = await rig.InTenantAsync(db => Seed.ApprovedDraftWithEntryAsync(db, now, Pdf, OutboxKinds.Dispatch, id => new DispatchPayload(id)));
        var key = DispatchHandler.MessageKey(draftId);

        // A worker in another process claims the entry, sends, and dies before recording anything. (Its process is
        // started first: the Sent Items settle time runs from the claim, and starting is not part of the window.)
        await using (var crashed = await GraphRig.StartAsync(sharedGraph: graph))
        {
            var crashedAt = DateTime.UtcNow;
            await rig.UnscopedAsync(db => OutboxClaims.ClaimAsync(db, "crashed-process", crashedAt, TimeSpan.FromMilliseconds(100), 10, CancellationToken.None));
            await crashed.Mail.SendAsync(OutboxRig.Tenant, Samples.Letter(key), CancellationToken.None);
        }

        var accepted = graph.SentItems.Single();
        await Task.Delay(150);
        await rig.NewWorker().RunOnceAsync(CancellationToken.None);

        var firstLookAfterCrash = graph.RequestsTo(GraphRoute.SentItems).First(r => r.At > accepted.AcceptedAt);
        Assert.IsLessThan(accepted.AcceptedAt + graph.SentItemsLag, firstLookAfterCrash.At, "the restarted worker looked before Sent Items showed the letter");
        Assert.HasCount(1, graph.SentItems, "the letter went out once");
        var draft = await rig.InTenantAsync(db => db.Drafts.AsNoTracking().SingleAsync(d => d.Id == draftId));
        Assert.AreEqual(DraftState.Dispatched, draft.State);
        Assert.AreEqual($"<{accepted.Id}@stand-in.example>", draft.DispatchMessageId, "the message found in Sent Items is the one recorded");
    }

    [TestMethod]
    public async Task ASubmittedVersionIsStoredAndItsWebUrlKept()
    {
        await using var rig = await OutboxRig.StartAsync();
        var now = DateTime.UtcNow;
        var draftId = await rig.InTenantAsync(async db =>
        {
            await Seed.ProfileAsync(db, now);
            var id = await Seed.SubmittedDraftAsync(db, now, stage: 0, DateOnly.FromDateTime(now).AddDays(20));
            Seed.Entry(db, OutboxKinds.StoreVersion, id, new StoreVersionPayload(id, 1), now);
            await db.SaveChangesAsync();
            return id;
        });

        await rig.NewWorker().RunOnceAsync(CancellationToken.None);

        var version = await rig.InTenantAsync(db => db.DraftVersions.AsNoTracking().SingleAsync());
        var folder = $"ResponseDrafter/vetting-misconduct-and-misogyny-in-the-police-service-{draftId.ToString("N")[..8]}";
        Assert.AreEqual($"/files/{OutboxRig.Tenant}/{folder}/vetting-misconduct-and-misogyny-in-the-police-service-v1.docx", version.WebUrl);
        var file = Path.Combine(rig.DataPath, "documents", OutboxRig.Tenant, folder, "vetting-misconduct-and-misogyny-in-the-police-service-v1.docx");
        CollectionAssert.AreEqual(version.Docx, await File.ReadAllBytesAsync(file));
    }

    [TestMethod]
    public async Task FinalisingStoresTheSignedLetterAndFreezesItsPdfAndWebVersion_LoopbackGraph()
    {
        await using var graph = await GraphStandIn.StartAsync();
        await using var rig = await OutboxRig.StartAsync(graph: graph);
        var now = DateTime.UtcNow;
        var draftId = await rig.InTenantAsync(db => Seed.ApprovedDraftWithEntryAsync(db, now, pdf: null, OutboxKinds.Finalise, id => new FinalisePayload(id)));

        await rig.NewWorker().RunOnceAsync(CancellationToken.None);

        var (final, audit) = await rig.InTenantAsync(async db => (await db.FinalLetters.AsNoTracking().SingleAsync(), await Seed.AuditAsync(db, draftId)));
        var storedDocx = graph.Items.Single(i => i.Path.EndsWith("-signed.docx", StringComparison.Ordinal));
        CollectionAssert.AreEqual(final.Docx, storedDocx.Content);
        CollectionAssert.AreEqual(GraphStandIn.PdfOf(storedDocx), final.Pdf, "the PDF is the store's conversion of the stored letter");
        Assert.AreEqual(Seed.Sha256(final.Pdf!), final.PdfSha256);
        CollectionAssert.AreEqual(final.Pdf, graph.Items.Single(i => i.Path.EndsWith("-signed.pdf", StringComparison.Ordinal)).Content);
        StringAssert.StartsWith(final.DocxWebUrl, "https://contoso.sharepoint.com/");
        StringAssert.EndsWith(final.PdfWebUrl, "-signed.pdf");
        var produced = audit.Single(e => e.Action == "final-pdf-produced");
        Assert.AreEqual(final.PdfSha256, produced.VersionSha256);
        StringAssert.Contains(produced.Detail, final.DocxSha256);

        // The web version is made from the same signed bytes, stored beside the PDF and frozen with its hash.
        CollectionAssert.AreEqual(Documents.Publication.WebVersion.Make(final.Docx), final.Html, "the web version of the signed letter");
        Assert.AreEqual(Seed.Sha256(final.Html!), final.HtmlSha256);
        CollectionAssert.AreEqual(final.Html, graph.Items.Single(i => i.Path.EndsWith("-signed.html", StringComparison.Ordinal)).Content);
        StringAssert.EndsWith(final.HtmlWebUrl, "-signed.html");
        var made = audit.Single(e => e.Action == "final-web-version-made");
        Assert.AreEqual(final.HtmlSha256, made.VersionSha256);
        StringAssert.Contains(made.Detail, final.DocxSha256);
    }

    [TestMethod]
    public async Task ANotificationEntryReachesThePersonsList()
    {
        await using var rig = await OutboxRig.StartAsync();
        var notification = new ActivityNotification("draft-1-v1-stage1-person", new NotificationRecipient(Seed.Head.Id, Seed.Head.Email),
            Notifications.ApprovalRequested, "The hidden victims", "Version 1 awaits your decision.", "/taskpane.html?draft=1", new Dictionary<string, string>());
        await rig.InTenantAsync(async db =>
        {
            Seed.Entry(db, OutboxKinds.Notify, null, new NotifyPayload(notification), DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        await rig.NewWorker().RunOnceAsync(CancellationToken.None);

        var list = await rig.Services.GetRequiredService<LocalNotifier>().ReadAsync(OutboxRig.Tenant, Seed.Head.Id, CancellationToken.None);
        Assert.AreEqual("Version 1 awaits your decision.", list.Single().Text);
        Assert.AreEqual(Notifications.ApprovalRequested, list.Single().ActivityType);
    }
}
