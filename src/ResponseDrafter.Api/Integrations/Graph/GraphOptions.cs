using Microsoft.Extensions.Options;

namespace ResponseDrafter.Api.Integrations.Graph;

public sealed class GraphOptions
{
    public const string Section = "Integrations:Graph";

    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Delegated scopes (space-separated) asked for on behalf of a user, for the work their actions cause (storing
    /// the version they submitted); <c>.default</c> means the delegated permissions consented on the app registration.</summary>
    public string UserScopes { get; set; } = "https://graph.microsoft.com/.default";

    /// <summary>How long a request waits for Entra to start a user's on-behalf-of session before going on without one.</summary>
    public TimeSpan UserSessionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Files larger than this go through an upload session instead of one PUT.</summary>
    public int LargeFileThresholdBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Upload session slice; SharePoint requires a multiple of 320 KiB.</summary>
    public int UploadSliceBytes { get; set; } = 10 * 320 * 1024;

    /// <summary>How long a message sent by sendMail may take to appear in Sent Items; a message whose last
    /// attempt is younger than this is looked for until then before it is sent again.</summary>
    public TimeSpan SentItemsSettleTime { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan SentItemsPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Per OPCC, keyed by its Entra tenant id.</summary>
    public Dictionary<string, GraphTenantOptions> Tenants { get; set; } = [];

    public GraphTenantOptions For(string tenantId) =>
        Tenants.TryGetValue(Identifiers.Tenant(tenantId), out var tenant)
            ? tenant
            : throw new IntegrationException($"Tenant '{tenantId}' has no {Section}:Tenants entry.", isTransient: false);
}

public sealed class GraphTenantOptions
{
    /// <summary>The document library (drive) letters are stored in.</summary>
    public string DriveId { get; set; } = "";

    /// <summary>The mailbox letters and fallback notifications are sent from (a shared mailbox works).</summary>
    public string SenderMailbox { get; set; } = "";
}

internal sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out _))
        {
            failures.Add($"{GraphOptions.Section}:BaseUrl must be an absolute URL.");
        }

        if (options.UploadSliceBytes <= 0 || options.UploadSliceBytes % (320 * 1024) != 0)
        {
            failures.Add($"{GraphOptions.Section}:UploadSliceBytes must be a positive multiple of 327680 (320 KiB).");
        }

        if (options.UserSessionTimeout <= TimeSpan.Zero || options.UserSessionTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{GraphOptions.Section}:UserSessionTimeout must be more than zero and at most one minute (a request waits that long).");
        }

        if (options.Tenants.Count == 0)
        {
            failures.Add($"{GraphOptions.Section}:Tenants must configure at least one tenant (DriveId and SenderMailbox).");
        }

        foreach (var (tenantId, tenant) in options.Tenants)
        {
            var key = $"{GraphOptions.Section}:Tenants:{tenantId}";
            if (string.IsNullOrWhiteSpace(tenant.DriveId))
            {
                failures.Add($"{key}:DriveId is required.");
            }

            if (string.IsNullOrWhiteSpace(tenant.SenderMailbox))
            {
                failures.Add($"{key}:SenderMailbox is required.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
