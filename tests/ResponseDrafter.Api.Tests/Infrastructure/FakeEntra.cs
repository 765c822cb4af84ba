using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace ResponseDrafter.Api.Tests.Infrastructure;

/// <summary>
/// Answers the two Entra metadata requests a multi-tenant web API makes (the "organizations" OpenID configuration
/// and its signing keys) with the tests' key, so the real JwtBearer and Identity.Web validation runs offline.
/// </summary>
public sealed class FakeEntra : HttpMessageHandler
{
    public const string Authority = "https://login.microsoftonline.com/organizations/v2.0";
    private const string KeysUri = "https://login.microsoftonline.com/organizations/discovery/v2.0/keys";

    private static readonly string[] Algorithms = ["RS256"];

    /// <summary>Shared by every host: a handler with no state of its own keeps working after a host disposes it.</summary>
    public static FakeEntra Shared { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!.ToString();
        string? body = uri switch
        {
            _ when uri.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal) => Metadata(),
            _ when uri.StartsWith(KeysUri, StringComparison.Ordinal) => Keys(),
            _ => null,
        };
        return Task.FromResult(body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }

    private static string Metadata() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
        ["jwks_uri"] = KeysUri,
        ["authorization_endpoint"] = "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize",
        ["token_endpoint"] = "https://login.microsoftonline.com/organizations/oauth2/v2.0/token",
        ["id_token_signing_alg_values_supported"] = Algorithms,
    });

    private static string Keys()
    {
        var parameters = TestTokens.Key.Rsa.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = TestTokens.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        });
    }
}
