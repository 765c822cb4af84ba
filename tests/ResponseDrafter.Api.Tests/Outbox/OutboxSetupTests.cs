using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Outbox;

namespace ResponseDrafter.Api.Tests.Outbox;

[TestClass]
public sealed class OutboxSetupTests
{
    [TestMethod]
    public async Task ThePauseAfterAnExternalCallIsRefusedOutsideDevelopment()
    {
        var e = await StartFailsAsync(Environments.Production, new() { ["Outbox:Diagnostics:PauseAfterExternalCall"] = "dispatch" });

        StringAssert.Contains(e.Message, "Outbox:Diagnostics:PauseAfterExternalCall is a development aid and is refused in the Production environment");
    }

    [TestMethod]
    public async Task ThePauseNamesAKindOfEntry()
    {
        var e = await StartFailsAsync(Environments.Development, new() { ["Outbox:Diagnostics:PauseAfterExternalCall"] = "dispatch-letters" });

        StringAssert.Contains(e.Message, "use one of store-version, notify, finalise, dispatch");
    }

    [TestMethod]
    public async Task ALeaseNoLongerThanThePipelinesTotalTimeoutIsRefused()
    {
        var e = await StartFailsAsync(Environments.Production, new() { ["Outbox:Lease"] = "00:05:00" });

        StringAssert.Contains(e.Message, "Outbox:Lease (00:05:00) must be longer than Integrations:Resilience:TotalTimeout (00:05:00)");
    }

    [TestMethod]
    public void TheWorkerAndTheWatchRunUnlessTheOutboxIsSwitchedOff()
    {
        Assert.HasCount(2, HostedServices([]));
        Assert.IsEmpty(HostedServices(new() { ["Outbox:Enabled"] = "false" }));
    }

    [TestMethod]
    public async Task EveryKindOfEntryHasAHandler()
    {
        await using var rig = await OutboxRig.StartAsync();
        using var scope = rig.Services.CreateScope();

        foreach (var kind in new[] { OutboxKinds.StoreVersion, OutboxKinds.Notify, OutboxKinds.Finalise, OutboxKinds.Dispatch })
        {
            Assert.IsNotNull(scope.ServiceProvider.GetKeyedService<IOutboxHandler>(kind), kind);
        }
    }

    [TestMethod]
    public void TheBackoffDoublesEachRoundUpToTheMaximum()
    {
        var options = new OutboxOptions { RetryBaseDelay = TimeSpan.FromSeconds(30), RetryMaxDelay = TimeSpan.FromMinutes(5) };

        Assert.IsTrue(options.Backoff(1) is { TotalSeconds: >= 30 and <= 36 });
        Assert.IsTrue(options.Backoff(3) is { TotalSeconds: >= 120 and <= 144 });
        Assert.IsTrue(options.Backoff(30) is { TotalSeconds: >= 300 and <= 360 });
    }

    private static async Task<OptionsValidationException> StartFailsAsync(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings.Append(new("Outbox:Enabled", "false")));
        builder.Services.AddIntegrations(builder.Configuration);
        builder.Services.AddOutbox(builder.Configuration);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions()));
        using var host = builder.Build();
        return await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => host.StartAsync());
    }

    private static List<ServiceDescriptor> HostedServices(Dictionary<string, string?> settings) =>
        [.. Services(Environments.Production, settings).Where(d => d.ServiceType == typeof(IHostedService))];

    private static ServiceCollection Services(string environment, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment })
            .AddIntegrations(configuration)
            .AddOutbox(configuration);
        return services;
    }
}
