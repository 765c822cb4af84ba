using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests.Integrations;

/// <summary>One request to the stand-in's token endpoint, as it understood it.</summary>
public sealed record TokenRequest(string GrantType, string ClientId, string Scope, string? UserObjectId, string Tenant);

/// <summary>
/// A loopback stand-in for Entra ID over HTTPS (a self-signed certificate made here, trusted only by the handler
/// <see cref="CreateHandler"/> gives): the OpenID metadata and signing keys a web API reads, Azure AD's instance
/// discovery answer, and a token endpoint handling client credentials, on-behalf-of
/// (<c>urn:ietf:params:oauth:grant-type:jwt-bearer</c>) and refresh tokens. It checks the client secret and the
/// on-behalf-of assertion (a token it issued for the API), and issues Graph tokens signed with its own key.
/// </summary>
public sealed class EntraStandIn : IAsyncDisposable
{
    public const string ClientSecret = "stand-in-client-secret";
    public const string GraphAudience = "https://graph.microsoft.com";
    public const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /// <summary>The application permissions the stand-in grants the app (client credentials).</summary>
    public static readonly string[] AppRoles = ["Files.ReadWrite.All", "Mail.Send", "TeamsActivity.Send"];

    /// <summary>The delegated permissions it grants on behalf of a user.</summary>
    public const string DelegatedScopes = "Files.ReadWrite.All";

    private const string KeyId = "entra-stand-in-key";
    private const string ReroutedHeader = "X-Stand-In-Rerouted-From";
    private static readonly string[] Algorithms = ["RS256"];

    private readonly WebApplication app;
    private readonly X509Certificate2 certificate;
    private readonly RSA rsa = RSA.Create(2048);
    private readonly ConcurrentQueue<TokenRequest> requests = new();
    private readonly ConcurrentDictionary<string, (string Tenant, Caller User)> refreshTokens = new();
    private readonly ConcurrentDictionary<string, Caller> users = new();

    private EntraStandIn(WebApplication app, X509Certificate2 certificate)
    {
        this.app = app;
        this.certificate = certificate;
        SigningKey = new RsaSecurityKey(rsa) { KeyId = KeyId };
        app.Run(HandleAsync);
    }

    public string Origin { get; private set; } = "";

    /// <summary>What <c>AzureAd:Instance</c> is set to.</summary>
    public string Instance => Origin + "/";

    public RsaSecurityKey SigningKey { get; }

    /// <summary>How long the access tokens it issues last (Entra: 60–90 minutes).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(60);

    public IReadOnlyList<TokenRequest> TokenRequests => [.. requests];

    /// <summary>How long the token endpoint takes to answer (an Entra that is slow or does not answer).</summary>
    public TimeSpan TokenDelay { get; set; } = TimeSpan.Zero;

    private volatile string[] refusedGrants = [];

    /// <summary>
    /// From now on the token endpoint refuses these grant types (for example <see cref="JwtBearerGrant"/>) with
    /// invalid_grant, as Entra does when consent was withdrawn or a session's refresh token has expired; none to stop.
    /// </summary>
    public void Refuse(params string[] grantTypes) => refusedGrants = grantTypes;

    /// <summary>Every request it received (method, path and query; "(rerouted)" first when addressed to login.microsoftonline.com).</summary>
    public IReadOnlyList<string> Requests => [.. all];

    private readonly ConcurrentQueue<string> all = new();

    public string IssuerFor(string tenantId) => $"{Origin}/{tenantId}/v2.0";

    public static async Task<EntraStandIn> StartAsync()
    {
        var certificate = SelfSignedLoopbackCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var standIn = new EntraStandIn(builder.Build(), certificate);
        await standIn.app.StartAsync();
        var address = standIn.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.Origin = address.TrimEnd('/');
        return standIn;
    }

    /// <summary>
    /// The network as the app's HTTP clients see it: TLS to the stand-in trusted for its certificate alone, and Azure AD's
    /// instance discovery host (login.microsoftonline.com), which MSAL asks about any authority, answered by the stand-in.
    /// </summary>
    public HttpMessageHandler CreateHandler() => new ToStandIn(this)
    {
        InnerHandler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                    errors == SslPolicyErrors.None || (presented is not null && presented.GetCertHashString() == certificate.GetCertHashString()),
            },
        },
    };

    /// <summary>A token for the API itself (audience: the API's client id), as Entra issues a signed-in user.</summary>
    public string UserTokenFor(Caller caller, string scope = "access_as_user")
    {
        users[caller.ObjectId] = caller;
        return Issue(caller.TenantId, TestTokens.ClientId, new Dictionary<string, object>
        {
            ["oid"] = caller.ObjectId,
            ["name"] = caller.Name,
            ["scp"] = scope,
            ["roles"] = caller.Roles.ToArray(),
            ["azp"] = "0b5d1f2e-0000-4000-8000-00000000a11c",
        });
    }

    /// <summary>Reads a token the stand-in issued, checking its signature, issuer and lifetime.</summary>
    public async Task<JsonWebToken> ValidateAsync(string token, string tenantId, string audience)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = SigningKey,
            ValidIssuer = IssuerFor(tenantId),
            ValidAudience = audience,
        });
        if (!result.IsValid)
        {
            throw new AssertFailedException($"The token is not one the Entra stand-in issued for {audience}: {result.Exception?.Message}");
        }

        return (JsonWebToken)result.SecurityToken;
    }

    /// <summary>Reads the bearer token a Graph request carried: one the stand-in issued for Graph in <paramref name="tenantId"/>.</summary>
    public Task<JsonWebToken> GraphTokenAsync(string? authorization, string tenantId)
    {
        const string Bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.Ordinal))
        {
            throw new AssertFailedException($"Expected a bearer token, found '{authorization}'.");
        }

        return ValidateAsync(authorization[Bearer.Length..], tenantId, GraphAudience);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        certificate.Dispose();
        rsa.Dispose();
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=entra-stand-in", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        // Kestrel on Linux wants the key in a form it can hand to OpenSSL: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        all.Enqueue($"{(context.Request.Headers.ContainsKey(ReroutedHeader) ? "(rerouted) " : "")}{context.Request.Method} {path}{context.Request.QueryString}");
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (context.Request.Method == "GET" && path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal))
        {
            await JsonAsync(context, 200, Metadata(segments[0]));
        }
        else if (context.Request.Method == "GET" && path.EndsWith("/discovery/instance", StringComparison.Ordinal))
        {
            await JsonAsync(context, 200, InstanceDiscovery());
        }
        else if (context.Request.Method == "GET" && path.EndsWith("/discovery/v2.0/keys", StringComparison.Ordinal))
        {
            await JsonAsync(context, 200, Keys());
        }
        else if (context.Request.Method == "POST" && path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            var form = await context.Request.ReadFormAsync();
            if (TokenDelay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(TokenDelay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return; // the caller gave up waiting
                }
            }

            var (status, body) = await TokenAsync(segments[0], form);
            await JsonAsync(context, status, body);
        }
        else
        {
            await JsonAsync(context, 404, new Dictionary<string, object> { ["error"] = "not_found" });
        }
    }

    private Dictionary<string, object> Metadata(string tenant)
    {
        var issuerTenant = tenant is "organizations" or "common" ? "{tenantid}" : tenant;
        return new()
        {
            ["issuer"] = $"{Origin}/{issuerTenant}/v2.0",
            ["jwks_uri"] = $"{Origin}/{tenant}/discovery/v2.0/keys",
            ["authorization_endpoint"] = $"{Origin}/{tenant}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{Origin}/{tenant}/oauth2/v2.0/token",
            ["id_token_signing_alg_values_supported"] = Algorithms,
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "private_key_jwt" },
        };
    }

    private Dictionary<string, object> InstanceDiscovery()
    {
        var host = new Uri(Origin).Authority;
        return new()
        {
            ["tenant_discovery_endpoint"] = $"{Origin}/common/v2.0/.well-known/openid-configuration",
            ["api-version"] = "1.1",
            ["metadata"] = new[]
            {
                new Dictionary<string, object> { ["preferred_network"] = host, ["preferred_cache"] = host, ["aliases"] = new[] { host } },
            },
        };
    }

    private Dictionary<string, object> Keys()
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["keys"] = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        };
    }

    private async Task<(int Status, Dictionary<string, object> Body)> TokenAsync(string tenant, IFormCollection form)
    {
        string grant = form["grant_type"].ToString(), clientId = form["client_id"].ToString(), scope = form["scope"].ToString();
        if (clientId != TestTokens.ClientId || form["client_secret"].ToString() != ClientSecret)
        {
            requests.Enqueue(new TokenRequest(grant, clientId, scope, null, tenant));
            return Error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
        }

        if (refusedGrants.Contains(grant))
        {
            requests.Enqueue(new TokenRequest(grant, clientId, scope, null, tenant));
            return Error(400, "invalid_grant", "AADSTS65001: The user or administrator has not consented to use the application.");
        }

        var resource = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => s.EndsWith("/.default", StringComparison.Ordinal));
        var audience = resource?[..^"/.default".Length];
        switch (grant)
        {
            case "client_credentials":
                requests.Enqueue(new TokenRequest(grant, clientId, scope, null, tenant));
                if (audience is null)
                {
                    return Error(400, "invalid_scope", "AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default.");
                }

                return (200, Issued(Issue(tenant, audience, new Dictionary<string, object>
                {
                    ["roles"] = AppRoles,
                    ["idtyp"] = "app",
                    ["appid"] = clientId,
                    ["oid"] = AppObjectId,
                }), refreshToken: null, scope: null, tenant, user: null));

            case JwtBearerGrant:
            {
                var assertion = form["assertion"].ToString();
                if (form["requested_token_use"].ToString() != "on_behalf_of")
                {
                    return Error(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'requested_token_use'.");
                }

                var user = await ValidateAsync(assertion, tenant, TestTokens.ClientId);
                var caller = users[user.GetClaim("oid").Value];
                requests.Enqueue(new TokenRequest(grant, clientId, scope, caller.ObjectId, tenant));
                return (200, UserTokens(tenant, audience ?? GraphAudience, caller, scope));
            }

            case "refresh_token":
            {
                if (!refreshTokens.TryGetValue(form["refresh_token"].ToString(), out var holder))
                {
                    requests.Enqueue(new TokenRequest(grant, clientId, scope, null, tenant));
                    return Error(400, "invalid_grant", "AADSTS70000: The provided refresh token is not valid.");
                }

                requests.Enqueue(new TokenRequest(grant, clientId, scope, holder.User.ObjectId, tenant));
                return (200, UserTokens(holder.Tenant, audience ?? GraphAudience, holder.User, scope));
            }

            default:
                requests.Enqueue(new TokenRequest(grant, clientId, scope, null, tenant));
                return Error(400, "unsupported_grant_type", $"AADSTS70003: The grant type '{grant}' is not supported by the stand-in.");
        }
    }

    /// <summary>The app's service principal in every tenant (one id is enough for a stand-in).</summary>
    public static string AppObjectId => "a0a0a0a0-0000-4000-8000-0000000000a1";

    private Dictionary<string, object> UserTokens(string tenant, string audience, Caller caller, string requestedScope)
    {
        var access = Issue(tenant, audience, new Dictionary<string, object>
        {
            ["oid"] = caller.ObjectId,
            ["name"] = caller.Name,
            ["scp"] = DelegatedScopes,
            ["appid"] = TestTokens.ClientId,
        });
        var refresh = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        refreshTokens[refresh] = (tenant, caller);
        return Issued(access, refresh, requestedScope, tenant, caller);
    }

    private Dictionary<string, object> Issued(string accessToken, string? refreshToken, string? scope, string tenant, Caller? user)
    {
        var body = new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["access_token"] = accessToken,
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
            ["ext_expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
        };
        if (refreshToken is not null)
        {
            body["refresh_token"] = refreshToken;
        }

        if (scope is not null)
        {
            // As Entra answers a request for a resource's .default: the permissions granted, and the .default asked for.
            var resource = scope.Split(' ').FirstOrDefault(s => s.EndsWith("/.default", StringComparison.Ordinal)) ?? $"{GraphAudience}/.default";
            body["scope"] = $"{GraphAudience}/{DelegatedScopes} {resource}";
        }

        if (user is not null)
        {
            body["client_info"] = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { uid = user.ObjectId, utid = tenant }));
        }

        return body;
    }

    private string Issue(string tenant, string audience, Dictionary<string, object> claims)
    {
        var now = DateTime.UtcNow;
        claims["tid"] = tenant;
        claims["ver"] = "2.0";
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IssuerFor(tenant),
            Audience = audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now + AccessTokenLifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private static (int, Dictionary<string, object>) Error(int status, string error, string description) =>
        (status, new Dictionary<string, object> { ["error"] = error, ["error_description"] = description, ["error_codes"] = new[] { 0 } });

    private static async Task JsonAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body), Encoding.UTF8);
    }

    /// <summary>Sends what is addressed to Azure AD's public host to the stand-in instead, as a resolver would.</summary>
    private sealed class ToStandIn(EntraStandIn standIn) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { Host: "login.microsoftonline.com" } uri)
            {
                request.Headers.Add(ReroutedHeader, uri.Host);
                request.RequestUri = new Uri(new Uri(standIn.Origin), uri.PathAndQuery);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
