using System.Net;
using ResponseDrafter.Api.Health;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests;

[TestClass]
public sealed class HealthTests
{
    [TestMethod]
    public async Task LivenessAnswersWithoutAToken()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(null);

        var response = await client.GetAsync("/health/live");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task ReadinessIncludesTheDatabase()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(null);

        var health = await (await client.GetAsync("/health/ready")).ReadAsync<HealthDto>();

        Assert.AreEqual("healthy", health.Status);
        Assert.AreEqual("healthy", health.Checks["database"]);
    }
}
