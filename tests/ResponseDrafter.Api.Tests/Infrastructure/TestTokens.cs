using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ResponseDrafter.Api.Tests.Infrastructure;

/// <summary>Someone calling the API: a tenant, roles, and (for the negative cases) what is wrong with their token.</summary>
public sealed record Caller(string Name, string TenantId, IReadOnlyList<string> Roles)
{
    public static string TenantA { get; } = "11111111-1111-1111-1111-111111111111";

    public static string TenantB { get; } = "22222222-2222-2222-2222-222222222222";

    public static Caller Drafter { get; } = new("Dana Drafter", TenantA, ["Drafter"]);

    public static Caller Approver { get; } = new("Avery Approver", TenantA, ["Approver"]);

    public static Caller Admin { get; } = new("Ash Admin", TenantA, ["Admin"]);

    /// <summary>Has every role, in another OPCC: whatever it reaches of tenant A's is a leak.</summary>
    public static Caller OtherTenant { get; } = new("Olly Other", TenantB, ["Drafter", "Approver", "Admin"]);

    public static Caller AdminB { get; } = new("Bea AdminB", TenantB, ["Admin", "Drafter"]);

    /// <summary>Approvers for sign-off tests: the head of policy, the commissioner, and a deputy.</summary>
    public static Caller HeadOfPolicy { get; } = new("Harper Head", TenantA, ["Approver"]);

    public static Caller Commissioner { get; } = new("Alex Mercer", TenantA, ["Approver"]);

    public static Caller Deputy { get; } = new("Dee Deputy", TenantA, ["Approver"]);

    /// <summary>The same person in every token (derived from tenant and name), as Entra's oid is.</summary>
    public string ObjectId => new Guid(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{TenantId}/{Name}"))[..16]).ToString();

    public override string ToString() => Name;
}

/// <summary>
/// Mints Entra-shaped v2 access tokens with a key only the tests hold; the API learns the key the way it would
/// in production, from OpenID metadata (served by <see cref="FakeEntra"/>).
/// </summary>
public static class TestTokens
{
    public const string ClientId = "6f3c9a52-7c1e-4d6e-9b7a-0c2d4e6f8a10";
    public const string KeyId = "test-signing-key";

    private static readonly RSA Rsa = RSA.Create(2048);
    private static readonly RSA OtherRsa = RSA.Create(2048);

    public static RsaSecurityKey Key { get; } = new(Rsa) { KeyId = KeyId };

    public static string IssuerFor(string tenantId) => $"https://login.microsoftonline.com/{tenantId}/v2.0";

    public static string For(
        Caller caller,
        string? audience = null,
        string? issuer = null,
        string? scope = "access_as_user",
        DateTime? expires = null,
        bool wrongKey = false)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["tid"] = caller.TenantId,
            ["oid"] = caller.ObjectId,
            ["name"] = caller.Name,
            ["ver"] = "2.0",
            ["azp"] = "0b5d1f2e-0000-4000-8000-00000000a11c",
            ["roles"] = caller.Roles.ToArray(),
        };
        if (scope is not null)
        {
            claims["scp"] = scope;
        }

        var expiry = expires ?? now.AddMinutes(30);
        var key = wrongKey ? new RsaSecurityKey(OtherRsa) { KeyId = KeyId } : Key;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? IssuerFor(caller.TenantId),
            Audience = audience ?? ClientId,
            IssuedAt = expiry.AddMinutes(-60),
            NotBefore = expiry.AddMinutes(-60),
            Expires = expiry,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
