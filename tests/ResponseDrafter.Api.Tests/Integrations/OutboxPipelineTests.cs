using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Integrations.Graph;

namespace ResponseDrafter.Api.Tests.Integrations;

[TestClass]
public sealed class OutboxPipelineTests
{
    [TestMethod]
    public void PipelineIsTotalTimeoutThenRetryThenCircuitBreakerThenAttemptTimeout()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddIntegrations(configuration).BuildServiceProvider();

        var descriptor = services.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(OutboxPipeline.Name).GetPipelineDescriptor();

        var options = descriptor.Strategies.Select(s => s.Options).ToList();
        Assert.HasCount(4, options);
        var total = (TimeoutStrategyOptions)options[0]!;
        var retry = (RetryStrategyOptions)options[1]!;
        var breaker = (CircuitBreakerStrategyOptions)options[2]!;
        var attempt = (TimeoutStrategyOptions)options[3]!;
        Assert.AreEqual(TimeSpan.FromMinutes(5), total.Timeout);
        Assert.AreEqual(2, retry.MaxRetryAttempts);
        Assert.AreEqual(TimeSpan.FromSeconds(10), retry.MaxDelay);
        Assert.AreEqual(Polly.DelayBackoffType.Exponential, retry.BackoffType);
        Assert.IsTrue(retry.UseJitter);
        Assert.AreEqual(TimeSpan.FromSeconds(2), retry.Delay);
        Assert.IsNotNull(retry.DelayGenerator, "Retry-After must be able to override the backoff");
        Assert.AreEqual(0.5, breaker.FailureRatio);
        Assert.AreEqual(10, breaker.MinimumThroughput);
        Assert.AreEqual(TimeSpan.FromSeconds(30), breaker.BreakDuration);
        Assert.AreEqual(TimeSpan.FromMinutes(3), attempt.Timeout);
    }

    [TestMethod]
    public void GraphClientIsBuiltWithoutTheSdksRetryHandler()
    {
        var handlers = GraphHttp.CreateHandlers();

        Assert.IsFalse(handlers.OfType<RetryHandler>().Any());
        Assert.IsTrue(handlers.OfType<RedirectHandler>().Any(), "the PDF conversion's redirect is still followed");
    }

    [TestMethod]
    public async Task ASingle503ReachesThePipelineInsteadOfBeingRetriedInsideTheSdk_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();
        rig.Graph.Inject(GraphRoute.SendMail, Fault.ServiceUnavailable);

        var e = await Assert.ThrowsExactlyAsync<IntegrationException>(() =>
            rig.Mail.SendAsync(GraphRig.Tenant, Samples.Letter("draft-1-dispatch-v1"), CancellationToken.None));
        Assert.AreEqual(1, rig.Graph.RequestsTo(GraphRoute.SendMail).Count);
        Assert.IsTrue(e.IsTransient);
        Assert.AreEqual(503, e.StatusCode);

        rig.Graph.Inject(GraphRoute.SendMail, Fault.ServiceUnavailable);
        await rig.Pipeline.ExecuteAsync(async ct => await rig.Mail.SendAsync(GraphRig.Tenant, Samples.Letter("draft-2-dispatch-v1"), ct));
        Assert.AreEqual(3, rig.Graph.RequestsTo(GraphRoute.SendMail).Count);
        Assert.AreEqual(1, rig.Graph.SentItems.Count);
    }

    [TestMethod]
    public async Task RetryAfterFromA429IsWaitedOutBeforeTheNextAttempt_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();
        rig.Graph.Inject(GraphRoute.Upload, Fault.TooManyRequests(retryAfterSeconds: 1));

        await rig.Pipeline.ExecuteAsync(async ct => await rig.Documents.SaveAsync(GraphRig.Tenant, new DocumentToStore("Drafts", "v1.docx", [1, 2, 3]), ct));

        var uploads = rig.Graph.RequestsTo(GraphRoute.Upload);
        Assert.HasCount(2, uploads);
        // The timer that waits and the clock that stamps requests are different clocks, a few milliseconds apart at worst;
        // the backoff alone would be 20 ms, so only Retry-After explains a wait of (nearly) a second.
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950), uploads[1].At - uploads[0].At, "the backoff alone is 20 ms; only Retry-After explains a 1 s wait");
    }

    [TestMethod]
    public async Task ServiceUnavailableAndGatewayTimeoutAreRetried_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();
        var stored = await rig.Documents.SaveAsync(GraphRig.Tenant, new DocumentToStore("Signed", "response.docx", [1, 2, 3]), CancellationToken.None);
        rig.Graph.Inject(GraphRoute.Content, Fault.ServiceUnavailable, Fault.GatewayTimeout);

        var pdf = await rig.Pipeline.ExecuteAsync(async ct => await rig.Pdf.ConvertToPdfAsync(GraphRig.Tenant, stored.Id, ct));

        Assert.AreEqual(3, rig.Graph.RequestsTo(GraphRoute.Content).Count);
        StringAssert.StartsWith(System.Text.Encoding.ASCII.GetString(pdf), "%PDF-");
    }

    [TestMethod]
    public async Task ASlowAnswerIsCutOffByTheAttemptTimeoutAndRetried_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync(new Dictionary<string, string?> { ["Integrations:Resilience:AttemptTimeout"] = "00:00:00.300" });
        await rig.WarmAppTokenAsync();
        rig.Graph.Inject(GraphRoute.Upload, Fault.SlowAnswer(TimeSpan.FromSeconds(10)));
        var clock = Stopwatch.StartNew();

        await rig.Pipeline.ExecuteAsync(async ct => await rig.Documents.SaveAsync(GraphRig.Tenant, new DocumentToStore("Drafts", "v1.docx", [1, 2, 3]), ct));

        Assert.IsLessThan(TimeSpan.FromSeconds(5), clock.Elapsed);
        Assert.AreEqual(2, rig.Graph.RequestsTo(GraphRoute.Upload).Count);
        Assert.AreEqual(1, rig.Graph.Items.Count);
    }

    [TestMethod]
    public async Task ADroppedConnectionIsRetried_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync();
        rig.Graph.Inject(GraphRoute.Upload, Fault.DropConnection);

        var stored = await rig.Pipeline.ExecuteAsync(async ct => await rig.Documents.SaveAsync(GraphRig.Tenant, new DocumentToStore("Drafts", "v1.docx", [1, 2, 3]), ct));

        Assert.AreEqual(2, rig.Graph.RequestsTo(GraphRoute.Upload).Count);
        Assert.AreEqual(rig.Graph.Items.Single().Id, stored.Id);
    }

    [TestMethod]
    public async Task CircuitOpensAfterRepeatedFailuresAndStopsCallingGraph_LoopbackGraph()
    {
        await using var rig = await GraphRig.StartAsync(new Dictionary<string, string?>
        {
            ["Integrations:Resilience:MinimumThroughput"] = "3",
            ["Integrations:Resilience:FailureRatio"] = "1.0",
            ["Integrations:Resilience:MaxRetryAttempts"] = "10",
            ["Integrations:Resilience:BreakDuration"] = "00:00:30",
        });
        rig.Graph.RandomFaults = route => route == GraphRoute.Upload ? Fault.ServiceUnavailable : null;
        var document = new DocumentToStore("Drafts", "v1.docx", [1, 2, 3]);

        var first = await Assert.ThrowsExactlyAsync<BrokenCircuitException>(() =>
            rig.Pipeline.ExecuteAsync(async ct => await rig.Documents.SaveAsync(GraphRig.Tenant, document, ct)).AsTask());
        var second = await Assert.ThrowsExactlyAsync<BrokenCircuitException>(() =>
            rig.Pipeline.ExecuteAsync(async ct => await rig.Documents.SaveAsync(GraphRig.Tenant, document, ct)).AsTask());

        Assert.AreEqual(3, rig.Graph.RequestsTo(GraphRoute.Upload).Count, "once open, the circuit answers without calling Graph");
        Assert.IsTrue(IntegrationFailures.IsTransient(first) && IntegrationFailures.IsTransient(second), "the outbox keeps the entry for later");
    }

    [TestMethod]
    public void RetryAfterIsReadAsSecondsOrAsAnHttpDate()
    {
        var now = new DateTimeOffset(2026, 5, 13, 10, 0, 0, TimeSpan.Zero);

        Assert.AreEqual(TimeSpan.FromSeconds(7), GraphCall.ParseRetryAfter("7", now));
        Assert.AreEqual(TimeSpan.FromSeconds(30), GraphCall.ParseRetryAfter("Wed, 13 May 2026 10:00:30 GMT", now));
        Assert.AreEqual(TimeSpan.Zero, GraphCall.ParseRetryAfter("Wed, 13 May 2026 09:59:00 GMT", now));
        Assert.IsNull(GraphCall.ParseRetryAfter("soon", now));
    }
}
