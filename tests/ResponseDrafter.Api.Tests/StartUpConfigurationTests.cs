using System.Net;
using System.Text.Json;
using ResponseDrafter.Api.Health;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests;

/// <summary>
/// The real Program (which validates every registration on build and scope use in every environment) in each
/// integration mode and environment: it starts and says it is ready, or it refuses to start naming the setting to fix.
/// </summary>
[TestClass]
public sealed class StartUpConfigurationTests
{
    private static readonly string[] Dependencies = ["database", "document-store", "mail", "pdf-converter", "token-acquisition"];

    [TestMethod]
    [DataRow("Local", "Development")]
    [DataRow("Local", "Production")]
    [DataRow("Graph", "Development")]
    [DataRow("Graph", "Production")]
    public async Task EachModeStartsInEachEnvironmentWithItsSettingsAndReportsEveryDependencyReady(string mode, string environment)
    {
        using var host = await ApiHost.StartAsync(environment: environment, extra: mode == "Graph" ? Microsoft365() : null);
        using var client = host.ClientFor(null);

        var response = await client.GetAsync("/health/ready");

        var health = await response.ReadAsync<HealthDto>();
        Assert.AreEqual("healthy", health.Status);
        CollectionAssert.AreEquivalent(Dependencies, health.Checks.Keys.ToList());
        Assert.IsTrue(health.Checks.Values.All(s => s == "healthy"), JsonSerializer.Serialize(health.Checks));
    }

    [TestMethod]
    public async Task TheEmbeddedDefaultStartsInDevelopmentWithNoSettingsAndIsReady()
    {
        using var host = ApiHost.StartLocal();
        using var client = host.CreateClient();

        var health = await (await client.GetAsync("/health/ready")).ReadAsync<HealthDto>();

        Assert.AreEqual("healthy", health.Status);
        CollectionAssert.AreEquivalent(Dependencies, health.Checks.Keys.ToList());
    }

    [TestMethod]
    [DataRow("Local", "Production", null, null, "AzureAd:ClientId is not configured")]
    [DataRow("Graph", "Production", null, null, "AzureAd:ClientId is not configured")]
    [DataRow("Graph", "Development", null, null, "AzureAd:ClientId is not configured, and Integrations:Mode is Graph")]
    [DataRow("Local", "Production", "AzureAd:Instance", null, "AzureAd:Instance is required")]
    [DataRow("Graph", "Development", "AzureAd:Instance", null, "AzureAd:Instance is required")]
    [DataRow("Local", "Production", "AzureAd:Instance", "http://login.microsoftonline.com/", "AzureAd:Instance must be an https URL")]
    [DataRow("Local", "Production", "AzureAd:TenantId", null, "AzureAd:TenantId is required")]
    [DataRow("Local", "Production", "AzureAd:TenantId", "the opcc", "AzureAd:TenantId must be a directory (tenant) id")]
    [DataRow("Local", "Production", "AzureAd:ClientId", "response-drafter", "AzureAd:ClientId must be the app registration's application (client) id, a GUID")]
    [DataRow("Local", "Production", "AzureAd:Audience", "not a uri", "AzureAd:Audience must be the API's application id URI")]
    [DataRow("Graph", "Production", "AzureAd:ClientSecret", null, "AzureAd:ClientSecret, AzureAd:ClientCertificates or AzureAd:ClientCredentials is required when Integrations:Mode is Graph")]
    [DataRow("Graph", "Development", "AzureAd:ClientSecret", null, "AzureAd:ClientSecret, AzureAd:ClientCertificates or AzureAd:ClientCredentials is required when Integrations:Mode is Graph")]
    [DataRow("Local", "Production", "PublicOrigin", null, "PublicOrigin is required")]
    [DataRow("Graph", "Production", "PublicOrigin", "http://responsedrafter.opcc.example", "PublicOrigin must use https outside Development")]
    [DataRow("Graph", "Production", "Integrations:Graph:Tenants", null, "Integrations:Graph:Tenants must configure at least one tenant")]
    public void AMissingOrMalformedSettingStopsStartUpNamingIt(string mode, string environment, string? key, string? value, string message)
    {
        var settings = new Dictionary<string, string?>();
        if (key is not null)
        {
            settings = Entra();
            if (mode == "Graph")
            {
                foreach (var (k, v) in Microsoft365())
                {
                    settings[k] = v;
                }
            }

            foreach (var k in settings.Keys.Where(k => k == key || k.StartsWith(key + ":", StringComparison.Ordinal)).ToList())
            {
                settings.Remove(k);
            }

            settings[key] = value;
        }
        else if (mode == "Graph")
        {
            settings["Integrations:Mode"] = "Graph";
        }

        using var host = ApiHost.Unstarted(settings, environment);

        var refusal = Assert.Throws<Exception>(() => host.Server);

        // A refusal from options validation reaches WebApplicationFactory as an ObjectDisposedException now and then (it
        // reads the failed host's services), so what an operator would read is checked too: the host's own log line.
        StringAssert.Contains($"{Messages(refusal)}\n{string.Join('\n', host.Logs.Lines)}", message);
    }

    [TestMethod]
    public async Task WithoutLibreOfficeTheLocalPdfConverterIsUnhealthyAndReadinessSays503()
    {
        using var host = await ApiHost.StartAsync(extra: new Dictionary<string, string?> { ["Integrations:Local:SofficePath"] = "/nonexistent/soffice" });
        using var client = host.ClientFor(null);

        var response = await client.GetAsync("/health/ready");

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = JsonSerializer.Deserialize<HealthDto>(await response.Content.ReadAsStringAsync(), HttpCalls.Json)!;
        Assert.AreEqual("unhealthy", health.Status);
        Assert.AreEqual("unhealthy", health.Checks["pdf-converter"]);
        Assert.AreEqual("healthy", health.Checks["database"]);
        Assert.AreEqual("healthy", health.Checks["document-store"]);
        Assert.IsTrue(host.Logs.Lines.Any(l => l.Contains("LibreOffice was not found ('/nonexistent/soffice')", StringComparison.Ordinal)),
            "the log says what is wrong; the anonymous response does not");
        Assert.DoesNotContain("nonexistent", await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task ADataFolderThatCannotBeWrittenMakesTheDocumentStoreAndMailUnhealthy()
    {
        var file = Path.GetTempFileName();
        try
        {
            using var host = await ApiHost.StartAsync(extra: new Dictionary<string, string?> { ["Integrations:Local:DataPath"] = Path.Combine(file, "data") });
            using var client = host.ClientFor(null);

            var response = await client.GetAsync("/health/ready");

            Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var health = JsonSerializer.Deserialize<HealthDto>(await response.Content.ReadAsStringAsync(), HttpCalls.Json)!;
            Assert.AreEqual("unhealthy", health.Checks["document-store"]);
            Assert.AreEqual("unhealthy", health.Checks["mail"]);
            Assert.AreEqual("healthy", health.Checks["database"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>What <see cref="ApiHost.StartAsync"/> configures for Entra ID sign-in, to take one setting away from.</summary>
    private static Dictionary<string, string?> Entra() => new()
    {
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = "organizations",
        ["AzureAd:ClientId"] = TestTokens.ClientId,
        ["AzureAd:ClientSecret"] = "loopback-tests-not-a-secret",
        ["PublicOrigin"] = ApiHost.PublicOrigin,
    };

    private static Dictionary<string, string?> Microsoft365() => new()
    {
        ["Integrations:Mode"] = "Graph",
        [$"Integrations:Graph:Tenants:{Caller.TenantA}:DriveId"] = "b!letters",
        [$"Integrations:Graph:Tenants:{Caller.TenantA}:SenderMailbox"] = "dispatch@opcc.example",
    };

    private static string Messages(Exception e) =>
        e is AggregateException aggregate
            ? string.Join(" | ", aggregate.InnerExceptions.Select(Messages))
            : e.Message + (e.InnerException is null ? string.Empty : " | " + Messages(e.InnerException));
}
