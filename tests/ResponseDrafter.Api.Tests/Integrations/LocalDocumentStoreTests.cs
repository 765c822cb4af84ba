using ResponseDrafter.Api.Integrations;

namespace ResponseDrafter.Api.Tests.Integrations;

[TestClass]
public sealed class LocalDocumentStoreTests
{
    [TestMethod]
    public async Task VersionIsKeptUnderTheTenantsFolderAndReadBack()
    {
        await using var rig = LocalRig.Start();
        var docx = Samples.Bytes(3_000, seed: 5);

        var stored = await rig.Documents.SaveAsync(LocalRig.Tenant, new DocumentToStore("Drafts/hidden-victims-2021", "Response v1.docx", docx), CancellationToken.None);

        Assert.AreEqual("Drafts/hidden-victims-2021/Response v1.docx", stored.Id);
        Assert.AreEqual($"/files/{LocalRig.Tenant}/Drafts/hidden-victims-2021/Response%20v1.docx", stored.WebUrl);
        Assert.AreEqual(3_000, stored.Size);
        CollectionAssert.AreEqual(docx, await File.ReadAllBytesAsync(Path.Combine(rig.DataPath, "documents", LocalRig.Tenant, "Drafts", "hidden-victims-2021", "Response v1.docx")));
        CollectionAssert.AreEqual(docx, await rig.Documents.ReadAsync(LocalRig.Tenant, stored.Id, CancellationToken.None));
    }

    [TestMethod]
    public async Task SavingTheSameVersionAgainReplacesIt()
    {
        await using var rig = LocalRig.Start();
        await rig.Documents.SaveAsync(LocalRig.Tenant, new DocumentToStore("Drafts", "v1.docx", [1, 1]), CancellationToken.None);

        var stored = await rig.Documents.SaveAsync(LocalRig.Tenant, new DocumentToStore("Drafts", "v1.docx", [2, 2, 2]), CancellationToken.None);

        Assert.AreEqual("020202", Convert.ToHexString(await rig.Documents.ReadAsync(LocalRig.Tenant, stored.Id, CancellationToken.None)));
        Assert.AreEqual(1, Directory.GetFiles(Path.Combine(rig.DataPath, "documents", LocalRig.Tenant, "Drafts")).Length, "no temporary file is left behind");
    }

    [TestMethod]
    public async Task APathThatWouldLeaveTheTenantsFolderIsRefused()
    {
        await using var rig = LocalRig.Start();

        var escape = await Assert.ThrowsExactlyAsync<IntegrationException>(() => rig.Documents.ReadAsync(LocalRig.Tenant, "../other-tenant/secret.docx", CancellationToken.None));
        var badTenant = await Assert.ThrowsExactlyAsync<IntegrationException>(() => rig.Documents.ReadAsync("../..", "x.docx", CancellationToken.None));

        Assert.IsFalse(escape.IsTransient || badTenant.IsTransient);
    }

    [TestMethod]
    public async Task ReadingADocumentThatDoesNotExistFailsForGood()
    {
        await using var rig = LocalRig.Start();

        var e = await Assert.ThrowsExactlyAsync<IntegrationException>(() => rig.Documents.ReadAsync(LocalRig.Tenant, "Drafts/missing.docx", CancellationToken.None));

        Assert.IsFalse(e.IsTransient);
        Assert.AreEqual(404, e.StatusCode);
    }
}
