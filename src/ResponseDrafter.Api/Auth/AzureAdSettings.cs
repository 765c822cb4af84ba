using Microsoft.Extensions.Options;
using ResponseDrafter.Api.Integrations;

namespace ResponseDrafter.Api.Auth;

/// <summary>
/// The <c>AzureAd</c> settings Microsoft.Identity.Web reads, checked at start: with one missing or malformed the app
/// would start, report ready, and then fail every request (IDW10106 and the like).
/// </summary>
public sealed class AzureAdSettings
{
    public const string Section = "AzureAd";

    public string? Instance { get; set; }

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? Audience { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Whether <c>AzureAd:ClientCertificates</c> or <c>AzureAd:ClientCredentials</c> lists a credential (set from configuration, not bound).</summary>
    public bool HasCredentialDescriptions { get; set; }

    public bool HasCredential => !string.IsNullOrWhiteSpace(ClientSecret) || HasCredentialDescriptions;
}

public static class AzureAdSetup
{
    /// <summary>
    /// Checks the settings at start when Entra ID signs people in. Microsoft 365 mode needs Entra ID (it calls Graph with
    /// tokens Entra issues), so with the local development sign-in it stops here, naming the key that is missing.
    /// </summary>
    public static IServiceCollection AddAzureAdSettings(this IServiceCollection services, IConfiguration configuration, SignInMode mode)
    {
        var integrations = IntegrationsSetup.Mode(configuration);
        if (mode != SignInMode.Entra)
        {
            return integrations == IntegrationMode.Graph
                ? throw new InvalidOperationException(
                    $"AzureAd:ClientId is not configured, and {IntegrationsSetup.ModeKey} is Graph: Microsoft 365 mode calls Graph with tokens from " +
                    "Entra ID, which the local development sign-in cannot provide. Configure AzureAd:Instance, AzureAd:TenantId, AzureAd:ClientId and " +
                    $"a credential (AzureAd:ClientCertificates, AzureAd:ClientCredentials or AzureAd:ClientSecret), or set {IntegrationsSetup.ModeKey} to Local.")
                : services;
        }

        services.AddOptions<AzureAdSettings>()
            .BindConfiguration(AzureAdSettings.Section)
            .Configure<IConfiguration>((settings, config) => settings.HasCredentialDescriptions =
                config.GetSection($"{AzureAdSettings.Section}:ClientCertificates").GetChildren().Any()
                || config.GetSection($"{AzureAdSettings.Section}:ClientCredentials").GetChildren().Any())
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AzureAdSettings>>(new AzureAdSettingsValidator(integrations));
        return services;
    }
}

internal sealed class AzureAdSettingsValidator(IntegrationMode integrations) : IValidateOptions<AzureAdSettings>
{
    private static readonly string[] SharedTenants = ["organizations", "common"];

    public ValidateOptionsResult Validate(string? name, AzureAdSettings settings)
    {
        var failures = new List<string>();
        const string key = AzureAdSettings.Section;
        if (string.IsNullOrWhiteSpace(settings.Instance))
        {
            failures.Add($"{key}:Instance is required: the Entra ID sign-in address, https://login.microsoftonline.com/ (or a national cloud's).");
        }
        else if (!Uri.TryCreate(settings.Instance, UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{key}:Instance must be an https URL such as https://login.microsoftonline.com/ (it is '{settings.Instance}').");
        }

        if (string.IsNullOrWhiteSpace(settings.TenantId))
        {
            failures.Add($"{key}:TenantId is required: the OPCC's directory (tenant) id, or 'organizations' when several OPCCs' tenants use the app.");
        }
        else if (!IsTenant(settings.TenantId))
        {
            failures.Add($"{key}:TenantId must be a directory (tenant) id (a GUID), a verified domain, or 'organizations' (it is '{settings.TenantId}').");
        }

        if (!Guid.TryParse(settings.ClientId, out _))
        {
            failures.Add($"{key}:ClientId must be the app registration's application (client) id, a GUID (it is '{settings.ClientId}').");
        }

        if (!string.IsNullOrWhiteSpace(settings.Audience) && !Guid.TryParse(settings.Audience, out _) && !Uri.TryCreate(settings.Audience, UriKind.Absolute, out _))
        {
            failures.Add($"{key}:Audience must be the API's application id URI (such as api://<client id>) or its client id (it is '{settings.Audience}').");
        }

        if (integrations == IntegrationMode.Graph && !settings.HasCredential)
        {
            failures.Add($"{key}:ClientSecret, {key}:ClientCertificates or {key}:ClientCredentials is required when {IntegrationsSetup.ModeKey} is Graph: the app needs a credential " +
                "of its own to obtain Graph tokens, on behalf of the signed-in person or as itself.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsTenant(string tenantId) =>
        Guid.TryParse(tenantId, out _)
        || SharedTenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase)
        || (tenantId.Contains('.', StringComparison.Ordinal) && Uri.CheckHostName(tenantId) == UriHostNameType.Dns);
}
