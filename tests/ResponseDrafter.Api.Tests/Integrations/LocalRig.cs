using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResponseDrafter.Api.Integrations;

namespace ResponseDrafter.Api.Tests.Integrations;

/// <summary>The embedded implementations as <c>AddIntegrations</c> wires them, over a fresh data folder.</summary>
internal sealed class LocalRig : IAsyncDisposable
{
    public const string Tenant = "5b0f4c1e-8a43-4c1b-9d7e-3f2a6c9e1b70";

    private readonly ServiceProvider services;
    private readonly AsyncServiceScope scope;

    private LocalRig(string dataPath, ServiceProvider services)
    {
        DataPath = dataPath;
        this.services = services;
        scope = services.CreateAsyncScope();
    }

    public string DataPath { get; }

    public IDocumentStore Documents => scope.ServiceProvider.GetRequiredService<IDocumentStore>();

    public IPdfConverter Pdf => scope.ServiceProvider.GetRequiredService<IPdfConverter>();

    public IMailSender Mail => scope.ServiceProvider.GetRequiredService<IMailSender>();

    public INotifier Notifier => scope.ServiceProvider.GetRequiredService<INotifier>();

    public T Get<T>()
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public static LocalRig Start(IDictionary<string, string?>? overrides = null)
    {
        var dataPath = Directory.CreateTempSubdirectory("responsedrafter-local-").FullName;
        var settings = new Dictionary<string, string?> { ["Storage:DataPath"] = dataPath };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        collection.AddIntegrations(configuration);
        return new LocalRig(dataPath, collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await services.DisposeAsync();
        Directory.Delete(DataPath, recursive: true);
    }
}
