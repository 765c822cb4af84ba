using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Integrations.Graph;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests.Integrations;

[TestClass]
public sealed class GraphDocumentStoreTests
{
    [TestMethod]
    public async Task VersionIsUploadedToTheOpccLibraryAndKeepsItsWordUrl_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();
        var docx = Samples.Bytes(40_000, seed: 1);

        var stored = await rig.Documents.SaveAsync(GraphRig.Tenant, new DocumentToStore("Drafts/hidden-victims-2021", "Response v1.docx", docx), CancellationToken.None);

        var upload = rig.Graph.RequestsTo(GraphRoute.Upload).Single();
        Assert.AreEqual("PUT", upload.Method);
        Assert.AreEqual("/v1.0/drives/b!opcc-letters/root:/Drafts/hidden-victims-2021/Response v1.docx:/content", Uri.UnescapeDataString(upload.PathAndQuery));
        var token = await rig.Entra.GraphTokenAsync(upload.Authorization, GraphRig.Tenant);
        Assert.AreEqual("app", token.GetClaim("idtyp").Value, "background work acts as the app");
        Assert.AreEqual(EntraStandIn.AppObjectId, token.GetClaim("oid").Value);
        CollectionAssert.AreEqual(docx, upload.Body);
        Assert.AreEqual(rig.Graph.Items.Single().Id, stored.Id);
        Assert.AreEqual("Response v1.docx", stored.Name);
        Assert.AreEqual(docx.Length, stored.Size);
        Assert.AreEqual("https://contoso.sharepoint.com/sites/opcc/Shared%20Documents/Drafts/hidden-victims-2021/Response%20v1.docx", stored.WebUrl);
        CollectionAssert.AreEqual(docx, await rig.Documents.ReadAsync(GraphRig.Tenant, stored.Id, CancellationToken.None));
    }

    [TestMethod]
    public async Task AVersionIsStoredAsItsSubmitterThroughTheirOnBehalfOfSession_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();
        var drafter = GraphRig.InTenant(Caller.Drafter);
        var session = await rig.UserSessionAsync(drafter);

        await rig.Documents.SaveAsync(GraphRig.Tenant, new DocumentToStore("Drafts/a", "Response v1.docx", Samples.Bytes(10_000, seed: 3), session), CancellationToken.None);
        await rig.Documents.SaveAsync(GraphRig.Tenant, new DocumentToStore("Drafts/a", "Response v2.docx", Samples.Bytes(700_000, seed: 4), session), CancellationToken.None);

        foreach (var request in rig.Graph.RequestsTo(GraphRoute.Upload).Concat(rig.Graph.RequestsTo(GraphRoute.CreateUploadSession)))
        {
            var token = await rig.Entra.GraphTokenAsync(request.Authorization, GraphRig.Tenant);
            Assert.AreEqual(drafter.ObjectId, token.GetClaim("oid").Value, $"{request.Method} {request.PathAndQuery} acts as the submitter");
            Assert.AreEqual(EntraStandIn.DelegatedScopes, token.GetClaim("scp").Value);
        }

        Assert.HasCount(2, rig.Graph.RequestsTo(GraphRoute.Upload).Concat(rig.Graph.RequestsTo(GraphRoute.CreateUploadSession)).ToList());
        CollectionAssert.DoesNotContain(rig.Entra.TokenRequests.Select(r => r.GrantType).ToList(), "client_credentials", "No call fell back to the app.");
        Assert.AreEqual(drafter.ObjectId, rig.Entra.TokenRequests.Single(r => r.GrantType == EntraStandIn.JwtBearerGrant).UserObjectId,
            "The submitter's token was exchanged once; later calls came from the session's cache.");
    }

    [TestMethod]
    public async Task SavingTheSameVersionAgainReplacesItInsteadOfAddingAFile_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();
        var document = new DocumentToStore("Drafts/d-7", "v2.docx", Samples.Bytes(1_000, seed: 2));

        var first = await rig.Documents.SaveAsync(GraphRig.Tenant, document, CancellationToken.None);
        var second = await rig.Documents.SaveAsync(GraphRig.Tenant, document, CancellationToken.None);

        Assert.AreEqual(first.Id, second.Id);
        Assert.AreEqual(1, rig.Graph.Items.Count);
    }

    [TestMethod]
    public async Task LargeVersionIsUploadedInSlicesThroughAnUploadSession_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();
        var docx = Samples.Bytes(1_000_000, seed: 3);

        var stored = await rig.Documents.SaveAsync(GraphRig.Tenant, new DocumentToStore("Drafts/d-8", "Response v3.docx", docx), CancellationToken.None);

        var session = rig.Graph.RequestsTo(GraphRoute.CreateUploadSession).Single();
        Assert.AreEqual("/v1.0/drives/b!opcc-letters/root:/Drafts/d-8/Response v3.docx:/createUploadSession", Uri.UnescapeDataString(session.PathAndQuery));
        Assert.AreEqual("replace", session.Json["item"]!["@microsoft.graph.conflictBehavior"]!.GetValue<string>());
        Assert.AreEqual(0, rig.Graph.RequestsTo(GraphRoute.Upload).Count);

        var slices = rig.Graph.RequestsTo(GraphRoute.UploadSlice);
        Assert.AreEqual(
            "bytes 0-327679/1000000, bytes 327680-655359/1000000, bytes 655360-983039/1000000, bytes 983040-999999/1000000",
            string.Join(", ", slices.Select(s => s.ContentRange)));
        Assert.IsTrue(slices.All(s => s.Authorization is null), "upload URLs are pre-authenticated and must not receive the Graph token");
        CollectionAssert.AreEqual(docx, rig.Graph.Items.Single().Content);
        Assert.AreEqual(1_000_000, stored.Size);
        StringAssert.EndsWith(stored.WebUrl, "/Drafts/d-8/Response%20v3.docx");
    }

    [TestMethod]
    public async Task FileNamesSharePointRefusesAreRejectedBeforeAnyCall_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();

        var e = await Assert.ThrowsExactlyAsync<IntegrationException>(() =>
            rig.Documents.SaveAsync(GraphRig.Tenant, new DocumentToStore("Drafts/../secrets", "v1.docx", [1]), CancellationToken.None));

        Assert.IsFalse(e.IsTransient);
        Assert.AreEqual(0, rig.Graph.Requests.Count);
    }
}
