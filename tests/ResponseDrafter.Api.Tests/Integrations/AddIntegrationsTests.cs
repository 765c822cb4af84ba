using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Integrations.Graph;
using ResponseDrafter.Api.Integrations.Local;

namespace ResponseDrafter.Api.Tests.Integrations;

[TestClass]
public sealed class AddIntegrationsTests
{
    [TestMethod]
    public async Task WithoutConfigurationTheAppRunsOnTheEmbeddedImplementations()
    {
        await using var rig = LocalRig.Start();

        Assert.IsInstanceOfType<LocalDocumentStore>(rig.Documents);
        Assert.IsInstanceOfType<LocalPdfConverter>(rig.Pdf);
        Assert.IsInstanceOfType<LocalMailSender>(rig.Mail);
        Assert.IsInstanceOfType<LocalNotifier>(rig.Notifier);
        Assert.IsInstanceOfType<NoUserDelegation>(rig.Get<IUserDelegation>());
    }

    [TestMethod]
    public async Task TheLocalNotifierStillWorksAfterTheScopeThatUsedItEnds()
    {
        await using var rig = LocalRig.Start();
        var services = rig.Get<IServiceProvider>();
        var notification = new ActivityNotification("key-1", new NotificationRecipient("oid-1", "a@opcc.example"), "approvalRequested", "T", "Text", "/", new Dictionary<string, string>());

        await using (var first = services.CreateAsyncScope())
        {
            await first.ServiceProvider.GetRequiredService<INotifier>().NotifyAsync(LocalRig.Tenant, notification, CancellationToken.None);
        }

        await using var second = services.CreateAsyncScope();
        await second.ServiceProvider.GetRequiredService<INotifier>().NotifyAsync(LocalRig.Tenant, notification with { Key = "key-2" }, CancellationToken.None);
        Assert.HasCount(2, await rig.Get<LocalNotifier>().ReadAsync(LocalRig.Tenant, "oid-1", CancellationToken.None));
    }

    [TestMethod]
    public void GraphModeRegistersOneGraphClassPerCapability()
    {
        var services = Services(new() { ["Integrations:Mode"] = "graph" });

        Assert.AreEqual(typeof(GraphDocumentStore), Implementation<IDocumentStore>(services));
        Assert.AreEqual(typeof(GraphPdfConverter), Implementation<IPdfConverter>(services));
        Assert.AreEqual(typeof(GraphMailSender), Implementation<IMailSender>(services));
        Assert.AreEqual(typeof(GraphNotifier), Implementation<INotifier>(services));
        Assert.AreEqual(typeof(TokenAcquisitionTokenSource), Implementation<IGraphTokenSource>(services));
        Assert.AreEqual(typeof(GraphUserDelegation), Implementation<IUserDelegation>(services));
    }

    [TestMethod]
    public async Task GraphModeWithATenantMissingItsDriveStopsStartUpNamingTheKey()
    {
        var refusal = await StartUpRefusalAsync(new() { ["Integrations:Graph:Tenants:contoso:SenderMailbox"] = "dispatch@opcc.example" });

        StringAssert.Contains(refusal, "Integrations:Graph:Tenants:contoso:DriveId is required.");
    }

    [TestMethod]
    public async Task GraphModeWithAnEndlessUserSessionTimeoutStopsStartUpNamingTheKey()
    {
        var refusal = await StartUpRefusalAsync(new()
        {
            ["Integrations:Graph:UserSessionTimeout"] = "00:10:00",
            ["Integrations:Graph:Tenants:contoso:DriveId"] = "b!letters",
            ["Integrations:Graph:Tenants:contoso:SenderMailbox"] = "dispatch@opcc.example",
        });

        StringAssert.Contains(refusal, "Integrations:Graph:UserSessionTimeout must be more than zero and at most one minute");
    }

    /// <summary>Starts a host in Graph mode with <paramref name="settings"/>; returns why start-up refused them.</summary>
    private static async Task<string> StartUpRefusalAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Append(new("Integrations:Mode", "Graph")));
        builder.Services.AddIntegrations(builder.Configuration);
        using var host = builder.Build();
        return (await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => host.StartAsync())).Message;
    }

    [TestMethod]
    public void AnUnknownModeIsRefusedNamingTheKey()
    {
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => Services(new() { ["Integrations:Mode"] = "Exchange2010" }));

        StringAssert.Contains(e.Message, "Integrations:Mode");
    }

    [TestMethod]
    public async Task LocalFilesLiveInTheAppsDataFolderUnlessIntegrationsSayOtherwise()
    {
        await using var rig = LocalRig.Start();
        var elsewhere = Path.Combine(rig.DataPath, "integrations");
        using var provider = Services(new() { ["Storage:DataPath"] = rig.DataPath, ["Integrations:Local:DataPath"] = elsewhere }).BuildServiceProvider();

        Assert.AreEqual(rig.DataPath, rig.Get<LocalPaths>().Root);
        Assert.AreEqual(elsewhere, provider.GetRequiredService<LocalPaths>().Root);
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging().AddSingleton<IConfiguration>(configuration).AddIntegrations(configuration);
        return services;
    }

    private static Type? Implementation<T>(ServiceCollection services) => services.Last(d => d.ServiceType == typeof(T)).ImplementationType;
}
