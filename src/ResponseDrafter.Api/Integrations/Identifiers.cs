using System.Text.RegularExpressions;

namespace ResponseDrafter.Api.Integrations;

/// <summary>Tenant ids and message keys end up in file names, URLs and OData filters, so they are checked first.</summary>
internal static partial class Identifiers
{
    public static string Tenant(string tenantId) =>
        SafeToken().IsMatch(tenantId ?? "") ? tenantId! : throw Invalid($"Tenant id '{tenantId}' is not valid.");

    public static string MessageKey(string messageKey) =>
        SafeToken().IsMatch(messageKey ?? "") ? messageKey! : throw Invalid($"Message key '{messageKey}' is not valid: use letters, digits, '.', '_' and '-' (at most 128).");

    private static IntegrationException Invalid(string message) => new(message, isTransient: false);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex SafeToken();
}
