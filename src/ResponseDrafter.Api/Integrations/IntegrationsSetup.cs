using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ResponseDrafter.Api.Integrations.Graph;
using ResponseDrafter.Api.Integrations.Local;

namespace ResponseDrafter.Api.Integrations;

public enum IntegrationMode
{
    /// <summary>The embedded default: files in the data folder, .eml outbox, LibreOffice, in-app notifications.</summary>
    Local,

    /// <summary>Microsoft 365 through Graph: SharePoint/OneDrive, Graph PDF conversion, sendMail, Teams.</summary>
    Graph,
}

public static class IntegrationsSetup
{
    public const string ModeKey = "Integrations:Mode";

    /// <summary>
    /// Registers the document store, PDF converter, mail sender and notifier chosen by <c>Integrations:Mode</c>
    /// (<c>Local</c> by default, or <c>Graph</c>), and the outbox's resilience pipeline. Resolve the capabilities
    /// in a scope (background work opens one of its own): the Graph ones are scoped.
    /// </summary>
    public static IServiceCollection AddIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOutboxPipeline();
        return Mode(configuration) == IntegrationMode.Graph ? services.AddGraphIntegrations() : services.AddLocalIntegrations(configuration);
    }

    public static IntegrationMode Mode(IConfiguration configuration)
    {
        var value = configuration[ModeKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return IntegrationMode.Local;
        }

        return Enum.TryParse<IntegrationMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new InvalidOperationException($"{ModeKey} is '{value}'; use Local or Graph.");
    }

    private static IServiceCollection AddGraphIntegrations(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();
        services.AddSingleton<GraphHttp>();
        services.AddSingleton<MailAttempts>();
        services.AddScoped<IGraphTokenSource, TokenAcquisitionTokenSource>();
        services.AddScoped<IUserDelegation, GraphUserDelegation>();
        services.AddScoped<GraphClients>();
        services.AddScoped<IDocumentStore, GraphDocumentStore>();
        services.AddScoped<IPdfConverter, GraphPdfConverter>();
        services.AddScoped<IMailSender, GraphMailSender>();
        services.AddScoped<INotifier, GraphNotifier>();
        return services;
    }

    private static IServiceCollection AddLocalIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        var dataPath = configuration["Storage:DataPath"];
        services.AddOptions<LocalOptions>()
            .Configure(o => o.DataPath = string.IsNullOrWhiteSpace(dataPath) ? o.DataPath : dataPath)
            .BindConfiguration(LocalOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<LocalPaths>();
        services.AddSingleton<LocalDocumentStore>();
        services.AddSingleton<LocalMailSender>();
        services.AddSingleton<LocalNotifier>();
        services.AddSingleton<IUserDelegation, NoUserDelegation>();
        // Singleton forwarders: a scope disposes whatever its factories hand out, and would dispose the shared notifier.
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<LocalDocumentStore>());
        services.AddScoped<IPdfConverter, LocalPdfConverter>();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<LocalMailSender>());
        services.AddSingleton<INotifier>(sp => sp.GetRequiredService<LocalNotifier>());
        return services;
    }
}
