using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Tests.Outbox;

namespace ResponseDrafter.Api.Tests.Drafting;

/// <summary>What the deadline board is told about each draft: when dispatch was asked for, and where Word can open its document.</summary>
[TestClass]
public sealed class BoardDataTests
{
    private const string SignedLetter = "https://contoso.sharepoint.com/sites/opcc/Shared%20Documents/ResponseDrafter/hidden-victims-signed.docx";
    private const string Version = "https://contoso.sharepoint.com/sites/opcc/Shared%20Documents/ResponseDrafter/vetting-v1.docx";

    [TestMethod]
    public async Task TheBoardIsGivenTheStoredDocumentsWebAddressTheSignedLetterOnceApprovedElseTheVersionWithApprovers()
    {
        await using var rig = await OutboxRig.StartAsync();
        var now = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
        var (approved, submitted) = await rig.InTenantAsync(async db =>
        {
            await Seed.ProfileAsync(db, now);
            var approved = await Seed.ApprovedDraftAsync(db, now, pdf: null);
            var submitted = await Seed.SubmittedDraftAsync(db, now, stage: 0, new DateOnly(2026, 6, 20));
            (await db.FinalLetters.SingleAsync(f => f.DraftId == approved)).DocxWebUrl = SignedLetter;
            (await db.DraftVersions.SingleAsync(v => v.DraftId == submitted)).WebUrl = Version;
            await db.SaveChangesAsync();
            return (approved, submitted);
        });

        var drafts = (await rig.InTenantAsync(db => DraftsApi.List(db, FixedClock.On(2026, 6, 2), CancellationToken.None))).Value!;

        var signed = drafts.Single(d => d.Id == approved);
        Assert.AreEqual(SignedLetter, signed.DocumentWebUrl);
        Assert.AreEqual(now, signed.DispatchRequestedAt);
        Assert.AreEqual(DateTimeKind.Utc, signed.DispatchRequestedAt!.Value.Kind);
        var withApprovers = drafts.Single(d => d.Id == submitted);
        Assert.AreEqual(Version, withApprovers.DocumentWebUrl);
        Assert.IsNull(withApprovers.DispatchRequestedAt);
    }

    [TestMethod]
    public async Task TheEmbeddedStoresOwnPathsAreNotOfferedToWord()
    {
        await using var rig = await OutboxRig.StartAsync();
        var now = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
        var submitted = await rig.InTenantAsync(async db =>
        {
            await Seed.ProfileAsync(db, now);
            var submitted = await Seed.SubmittedDraftAsync(db, now, stage: 0, new DateOnly(2026, 6, 20));
            (await db.DraftVersions.SingleAsync(v => v.DraftId == submitted)).WebUrl = "/files/tenant/ResponseDrafter/vetting-v1.docx";
            await db.SaveChangesAsync();
            return submitted;
        });

        var drafts = (await rig.InTenantAsync(db => DraftsApi.List(db, FixedClock.On(2026, 6, 2), CancellationToken.None))).Value!;

        Assert.IsNull(drafts.Single(d => d.Id == submitted).DocumentWebUrl, "An app path is downloaded by the board, not handed to Word.");
    }
}
