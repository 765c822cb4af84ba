using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Integrations.Graph;
using ResponseDrafter.Api.Integrations.Local;

namespace ResponseDrafter.Api.Health;

/// <summary>
/// Cheap checks, one per dependency, run on every readiness probe: nothing here calls Graph or Entra. Settings are read
/// through <see cref="IOptionsMonitor{TOptions}"/>, so a reloaded setting that no longer validates shows up here.
/// What is wrong goes to the log (the health check service logs each unhealthy check with its description), not to the
/// anonymous response.
/// </summary>
internal abstract class IntegrationCheck(IConfiguration configuration, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(IntegrationsSetup.Mode(configuration) == IntegrationMode.Graph ? Graph() : Local());
        }
        catch (OptionsValidationException e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(e.Message));
        }
    }

    protected T Settings<T>()
        where T : class => services.GetRequiredService<IOptionsMonitor<T>>().CurrentValue;

    protected T Service<T>()
        where T : notnull => services.GetRequiredService<T>();

    protected abstract HealthCheckResult Local();

    /// <summary>In Microsoft 365 mode: the Graph settings every capability needs (tenants, drives, mailboxes) are complete.</summary>
    protected virtual HealthCheckResult Graph()
    {
        var graph = Settings<GraphOptions>();
        return HealthCheckResult.Healthy($"Microsoft 365 through {graph.BaseUrl} for {graph.Tenants.Count} tenant(s).");
    }

    /// <summary>Creates and deletes a file in <paramref name="folder"/>: the app can write there.</summary>
    protected static HealthCheckResult Writable(string folder, string what)
    {
        try
        {
            Directory.CreateDirectory(folder);
            using (new FileStream(Path.Combine(folder, $".ready-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return HealthCheckResult.Healthy($"{what} in {folder}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"{what}: the data folder {folder} cannot be written ({e.GetType().Name}). Check Storage:DataPath and the folder's permissions.");
        }
    }
}

internal sealed class DocumentStoreCheck(IConfiguration configuration, IServiceProvider services) : IntegrationCheck(configuration, services)
{
    protected override HealthCheckResult Local() => Writable(Service<LocalPaths>().Root, "Documents are stored");
}

internal sealed class MailCheck(IConfiguration configuration, IServiceProvider services) : IntegrationCheck(configuration, services)
{
    protected override HealthCheckResult Local()
    {
        _ = Settings<LocalOptions>();
        return Writable(Path.Combine(Service<LocalPaths>().Root, "outbox"), "Mail is written as .eml files");
    }
}

internal sealed class PdfConverterCheck(IConfiguration configuration, IServiceProvider services) : IntegrationCheck(configuration, services)
{
    protected override HealthCheckResult Local()
    {
        var soffice = Settings<LocalOptions>().SofficePath;
        return Found(soffice)
            ? HealthCheckResult.Healthy($"LibreOffice at {soffice}.")
            : HealthCheckResult.Unhealthy($"LibreOffice was not found ('{soffice}'). {LocalPdfConverter.InstallHint}");
    }

    /// <summary>An absolute path that exists, or a program name found on PATH (as the process start will look for it).</summary>
    internal static bool Found(string program)
    {
        if (Path.IsPathFullyQualified(program) || program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(program);
        }

        var names = OperatingSystem.IsWindows() ? [program, program + ".exe"] : new[] { program };
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => names.Any(name => File.Exists(Path.Combine(folder, name))));
    }
}

/// <summary>
/// Entra ID settings complete (and, in Microsoft 365 mode, a credential and token acquisition registered). With the
/// local development sign-in and local integrations no token is ever needed, which is healthy too.
/// </summary>
internal sealed class TokenAcquisitionCheck(IConfiguration configuration, IServiceProvider services, SignInInfo signIn, IServiceProviderIsService registered)
    : IntegrationCheck(configuration, services)
{
    protected override HealthCheckResult Local() => signIn.Mode == SignInMode.Entra
        ? HealthCheckResult.Healthy($"Entra ID sign-in for client {Settings<AzureAdSettings>().ClientId}; no downstream tokens are needed in local mode.")
        : HealthCheckResult.Healthy("Local development sign-in; no tokens are needed.");

    protected override HealthCheckResult Graph()
    {
        // Start-up has already refused Graph mode with the local development sign-in (AzureAdSetup).
        var settings = Settings<AzureAdSettings>();
        if (!settings.HasCredential)
        {
            return HealthCheckResult.Unhealthy("AzureAd:ClientSecret, AzureAd:ClientCertificates or AzureAd:ClientCredentials is required in Microsoft 365 mode.");
        }

        return registered.IsService(typeof(ITokenAcquisition))
            ? HealthCheckResult.Healthy($"Token acquisition for client {settings.ClientId} in tenant {settings.TenantId}.")
            : HealthCheckResult.Unhealthy("Token acquisition is not registered, so Graph calls cannot get tokens.");
    }
}
