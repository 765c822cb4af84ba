using ResponseDrafter.Api.Integrations;

namespace ResponseDrafter.Api.Tests.Integrations;

[TestClass]
public sealed class GraphPdfConverterTests
{
    [TestMethod]
    public async Task PdfIsGraphsConversionOfTheStoredDocumentFollowedThroughItsRedirect_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();
        var stored = await rig.Documents.SaveAsync(GraphRig.Tenant, new DocumentToStore("Signed", "response.docx", Samples.Bytes(2_000, seed: 4)), CancellationToken.None);

        var pdf = await rig.Pdf.ConvertToPdfAsync(GraphRig.Tenant, stored.Id, CancellationToken.None);

        var conversion = rig.Graph.RequestsTo(GraphRoute.Content).Single();
        Assert.AreEqual($"/v1.0/drives/b!opcc-letters/items/{stored.Id}/content?format=pdf", Uri.UnescapeDataString(conversion.PathAndQuery));
        Assert.AreEqual(1, rig.Graph.RequestsTo(GraphRoute.Download).Count);
        CollectionAssert.AreEqual(GraphStandIn.PdfOf(rig.Graph.Items.Single()), pdf);
    }

    [TestMethod]
    public async Task ConvertingADocumentGraphDoesNotHaveFailsForGood_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();

        var e = await Assert.ThrowsExactlyAsync<IntegrationException>(() =>
            rig.Pipeline.ExecuteAsync(async ct => await rig.Pdf.ConvertToPdfAsync(GraphRig.Tenant, "01MISSING", ct)).AsTask());

        Assert.IsFalse(e.IsTransient);
        Assert.AreEqual(404, e.StatusCode);
        Assert.AreEqual(1, rig.Graph.RequestsTo(GraphRoute.Content).Count, "a permanent failure is not retried");
    }
}
