using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ResponseDrafter.Api.Telemetry;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Tests.Outbox;

namespace ResponseDrafter.Api.Tests.Telemetry;

[TestClass]
public sealed class TelemetryExportTests
{
    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task AConfiguredOtlpEndpointReceivesTracesMetricsAndLogs_LoopbackOtlpStandIn()
    {
        await using var collector = await OtlpStandIn.StartAsync();
        using var host = await ApiHost.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Telemetry:OtlpEndpoint"] = collector.Origin,
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        });
        using var client = host.ClientFor(Caller.Drafter);

        var reports = await client.GetAsync("/api/reports");

        Assert.AreEqual(HttpStatusCode.OK, reports.StatusCode);
        var arrived = await collector.WaitForAsync(TimeSpan.FromSeconds(60),
            ("/v1/traces", "GET /api/reports"),
            ("/v1/metrics", "http.server.request.duration"),
            ("/v1/metrics", "responsedrafter.outbox.depth"),
            ("/v1/metrics", "responsedrafter.responses.at_risk"),
            ("/v1/logs", "Database ready"));
        var seen = string.Join(", ", collector.Received.Select(r => r.Path).Distinct());
        Assert.IsTrue(arrived, $"the request's span, ASP.NET Core's and the product's metrics, and the logs reached the collector; it saw: {seen}");
        Assert.IsTrue(collector.Received.All(r => r.ContentType == "application/x-protobuf"), "OTLP over HTTP/protobuf");
    }

    [TestMethod]
    public async Task WithoutAnEndpointNothingOfOpenTelemetryIsRegistered()
    {
        using var host = await ApiHost.StartAsync();

        Assert.IsNull(host.Services.GetService<MeterProvider>());
        Assert.IsNull(host.Services.GetService<TracerProvider>());
        Assert.IsNotNull(host.Services.GetService<ProductMetrics>(), "the product's own instruments are there for any listener");
    }

    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public async Task WithoutAnEndpointTheProcessLoadsNoOpenTelemetryAssemblyAndWithOneItDoes_LoopbackOtlpStandIn()
    {
        await using var collector = await OtlpStandIn.StartAsync();
        var data = Directory.CreateTempSubdirectory("rd-otel-").FullName;
        try
        {
            List<string> without, with;
            await using (var plain = await ApiProcess.StartAsync("API without telemetry", Path.Combine(data, "a"), new Dictionary<string, string?>()))
            {
                without = [.. plain.MappedFiles().Where(IsOpenTelemetry)];
            }

            await using (var exporting = await ApiProcess.StartAsync("API exporting", Path.Combine(data, "b"),
                new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Origin }))
            {
                with = [.. exporting.MappedFiles().Where(IsOpenTelemetry)];
            }

            Assert.IsEmpty(without, "no exporter, no SDK: " + string.Join(", ", without));
            CollectionAssert.Contains(with, "OpenTelemetry.Exporter.OpenTelemetryProtocol.dll", "the check sees the assemblies when they are loaded");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }

        static bool IsOpenTelemetry(string file) => file.StartsWith("OpenTelemetry", StringComparison.Ordinal);
    }

    [TestMethod]
    public void TheStandardVariableWinsAndANonHttpAddressIsRefusedNamingBothKeys()
    {
        static IConfiguration Settings(params (string Key, string Value)[] pairs) =>
            new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

        Assert.IsNull(TelemetrySetup.OtlpEndpoint(Settings()));
        Assert.AreEqual(new Uri("http://collector:4318"),
            TelemetrySetup.OtlpEndpoint(Settings(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"), ("Telemetry:OtlpEndpoint", "http://other:4318"))));
        Assert.AreEqual(new Uri("https://otlp.example"), TelemetrySetup.OtlpEndpoint(Settings(("Telemetry:OtlpEndpoint", "https://otlp.example"))));
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => TelemetrySetup.OtlpEndpoint(Settings(("Telemetry:OtlpEndpoint", "collector:4317"))));
        StringAssert.Contains(e.Message, "OTEL_EXPORTER_OTLP_ENDPOINT or Telemetry:OtlpEndpoint is 'collector:4317'");
    }
}
