using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ResponseDrafter.Api.Http;

namespace ResponseDrafter.Api.Auth;

public sealed class LocalSignInOptions
{
    public const string Section = "LocalSignIn";

    /// <summary>The tenant every local user belongs to (the sample data is seeded into it).</summary>
    [Required]
    public string TenantId { get; set; } = string.Empty;

    [MinLength(1)]
    public List<LocalUser> Users { get; set; } = [];
}

public sealed class LocalUser
{
    [Required]
    public string Id { get; set; } = string.Empty;

    [Required]
    public string Name { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];
}

public sealed record LocalUserDto(string Id, string Name, IReadOnlyList<string> Roles, string TenantId);

public sealed record LocalSignInRequest(string? User);

public sealed record LocalToken(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, string SignInMode);

/// <summary>
/// Signs short-lived tokens with a key made at start-up (never stored, never logged), shaped like Entra's
/// (tid, oid, name, scp, roles), so the browser code and the policies are the same in both modes.
/// </summary>
public sealed class LocalTokenIssuer : IDisposable
{
    public const string Issuer = "urn:response-drafter:local-development";
    public const string Audience = "urn:response-drafter:api";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly RSA rsa = RSA.Create(2048);
    private readonly TimeProvider clock;

    public LocalTokenIssuer(TimeProvider clock)
    {
        this.clock = clock;
        Key = new RsaSecurityKey(rsa) { KeyId = "local-development" };
    }

    public RsaSecurityKey Key { get; }

    public LocalToken IssueFor(LocalUser user, string tenantId)
    {
        var now = clock.GetUtcNow();
        var expires = now + Lifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                [Claims.TenantId] = tenantId,
                [Claims.ObjectId] = ObjectIdFor(user.Id),
                [Claims.Name] = user.Name,
                [Claims.Scope] = Claims.RequiredScope,
                [Claims.Roles] = user.Roles.ToArray(),
            },
        });
        return new LocalToken(token, "Bearer", expires, "local-development");
    }

    public void Dispose() => rsa.Dispose();

    /// <summary>A local user's stable object id, as Entra's oid would be.</summary>
    public static string ObjectIdFor(string userId) =>
        new Guid(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("local-development:" + userId))[..16]).ToString();
}

public static class LocalSignIn
{
    private static readonly string[] PortSettings = ["http_ports", "https_ports"];

    public static WebApplicationBuilder AddLocalSignIn(this WebApplicationBuilder builder)
    {
        var nonLoopback = NonLoopbackBindings(builder.Configuration);
        if (nonLoopback.Count > 0)
        {
            throw new InvalidOperationException(
                "The local development sign-in only listens on loopback addresses, but these bindings are not loopback: " +
                string.Join(", ", nonLoopback) + ". Bind to http://127.0.0.1 or http://localhost, or configure Entra ID (AzureAd:ClientId).");
        }

        builder.Services.AddOptions<LocalSignInOptions>()
            .BindConfiguration(LocalSignInOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Users.Count > 0, "LocalSignIn:Users must list at least one user.")
            .ValidateOnStart();
        builder.Services.AddSingleton<LocalTokenIssuer>();
        builder.Services.AddHostedService<LoopbackGuard>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<LocalTokenIssuer>((options, issuer) =>
            {
                SignIn.UseTokenClaimNames(options);
                options.TokenValidationParameters.ValidIssuer = LocalTokenIssuer.Issuer;
                options.TokenValidationParameters.ValidAudience = LocalTokenIssuer.Audience;
                options.TokenValidationParameters.IssuerSigningKey = issuer.Key;
            });
        return builder;
    }

    public static IEndpointRouteBuilder MapLocalSignIn(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<SignInInfo>().Mode != SignInMode.LocalDevelopment)
        {
            return app;
        }

        var dev = app.MapGroup("/dev").AllowAnonymous().WithTags("Local development sign-in");
        dev.MapGet("/users", ListUsers).WithSummary("The configured local users (Development only).");
        dev.MapPost("/sign-in", SignInAs).RequireRateLimiting(RateLimits.SignIn).WithSummary("A token for one local user (Development only).");
        return app;
    }

    public static Ok<IReadOnlyList<LocalUserDto>> ListUsers(IOptions<LocalSignInOptions> options) =>
        TypedResults.Ok<IReadOnlyList<LocalUserDto>>(options.Value.Users.Select(u => new LocalUserDto(u.Id, u.Name, u.Roles, options.Value.TenantId)).ToList());

    public static Results<Ok<LocalToken>, ValidationProblem> SignInAs(LocalSignInRequest request, IOptions<LocalSignInOptions> options, LocalTokenIssuer issuer)
    {
        var user = options.Value.Users.FirstOrDefault(u => string.Equals(u.Id, request.User, StringComparison.OrdinalIgnoreCase));
        if (user is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["user"] = ["Is not one of the users in LocalSignIn:Users (see GET /dev/users)."],
            });
        }

        return TypedResults.Ok(issuer.IssueFor(user, options.Value.TenantId));
    }

    /// <summary>Bindings from configuration (urls, http_ports/https_ports, Kestrel endpoints) that are not loopback.</summary>
    public static IReadOnlyList<string> NonLoopbackBindings(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        var everyInterface = PortSettings
            .Where(key => !string.IsNullOrWhiteSpace(configuration[key]))
            .Select(key => $"{key}={configuration[key]} (every interface)");
        return urls.Where(url => !IsLoopback(url)).Concat(everyInterface).ToList();
    }

    public static bool IsLoopback(string url)
    {
        try
        {
            var host = BindingAddress.Parse(url).Host.Trim('[', ']');
            return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Catches bindings made in code rather than configuration: stops the app once the server reports them.</summary>
    private sealed class LoopbackGuard(IServer server, ILogger<LoopbackGuard> logger) : IHostedLifecycleService
    {
        public Task StartedAsync(CancellationToken cancellationToken)
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
            if (exposed.Count > 0)
            {
                throw new InvalidOperationException(
                    "The local development sign-in refuses to serve on non-loopback addresses: " + string.Join(", ", exposed));
            }

            logger.LogWarning("Local development sign-in is active: tokens are signed by this process and accepted only here. Not for real data.");
            return Task.CompletedTask;
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
