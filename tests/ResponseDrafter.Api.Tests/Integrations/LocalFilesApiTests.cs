using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Integrations.Local;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests.Integrations;

[TestClass]
public sealed class LocalFilesApiTests
{
    [TestMethod]
    public async Task AStoredDocumentOpensAtItsWebUrlForItsOwnOpccOnly()
    {
        using var host = await ApiHost.StartAsync();
        var store = host.Services.GetRequiredService<LocalDocumentStore>();
        var pdf = "%PDF-1.7 signed letter"u8.ToArray();
        var stored = await store.SaveAsync(Caller.TenantA, new DocumentToStore("ResponseDrafter/hidden-victims", "signed.pdf", pdf), CancellationToken.None);
        using var drafter = host.ClientFor(Caller.Drafter);
        using var other = host.ClientFor(Caller.OtherTenant);
        using var anonymous = host.ClientFor(null);

        var response = await drafter.GetAsync(stored.WebUrl);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        CollectionAssert.AreEqual(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync(stored.WebUrl)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(stored.WebUrl)).StatusCode);
    }

    [TestMethod]
    public async Task APathThatLeavesTheTenantsFolderIsNotFound()
    {
        using var host = await ApiHost.StartAsync();
        using var drafter = host.ClientFor(Caller.Drafter);

        Assert.AreEqual(HttpStatusCode.NotFound, (await drafter.GetAsync($"/files/{Caller.TenantA}/..%2F..%2Fdrafting.db")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await drafter.GetAsync($"/files/{Caller.TenantA}/..%5C..%5Cdrafting.db")).StatusCode);
    }
}
