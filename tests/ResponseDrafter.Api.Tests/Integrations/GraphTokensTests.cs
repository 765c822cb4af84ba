using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using ResponseDrafter.Api.Integrations.Graph;

namespace ResponseDrafter.Api.Tests.Integrations;

[TestClass]
public sealed class GraphTokensTests
{
    private const string Scopes = "https://graph.microsoft.com/Files.ReadWrite.All https://graph.microsoft.com/Sites.Selected";

    private static TokenAcquisitionTokenSource Source(RecordingTokenAcquisition acquisition, GraphOptions? options = null) =>
        new(acquisition, Options.Create(options ?? new GraphOptions { UserScopes = Scopes }), NullLogger<TokenAcquisitionTokenSource>.Instance);

    [TestMethod]
    public async Task BackgroundWorkAsksForAnAppTokenInTheOpccsTenant()
    {
        var acquisition = new RecordingTokenAcquisition();

        var token = await Source(acquisition).GetAccessTokenAsync("tenant-a", null, CancellationToken.None);

        Assert.AreEqual("app token", token);
        Assert.AreEqual("app https://graph.microsoft.com/.default tenant-a", acquisition.Calls.Single());
    }

    [TestMethod]
    public async Task AUsersRequestStartsALongRunningOnBehalfOfSessionAndReturnsItsKey()
    {
        var acquisition = new RecordingTokenAcquisition();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("oid", "dana")], "Bearer"));

        var key = await Source(acquisition).StartUserSessionAsync(user, "tenant-a", CancellationToken.None);

        Assert.AreEqual("session-1", key);
        Assert.AreEqual($"user {Scopes} tenant-a session:{TokenAcquisitionOptions.LongRunningWebApiSessionKeyAuto} as dana", acquisition.Calls.Single());
    }

    [TestMethod]
    public async Task WorkTheUserCausedLaterAsksForTheirTokenWithTheSessionKey()
    {
        var acquisition = new RecordingTokenAcquisition();

        var token = await Source(acquisition).GetAccessTokenAsync("tenant-a", "session-1", CancellationToken.None);

        Assert.AreEqual("user token", token);
        Assert.AreEqual($"user {Scopes} tenant-a session:session-1 as nobody", acquisition.Calls.Single());
    }

    [TestMethod]
    public async Task WhenTheUsersSessionIsGoneTheWorkIsDoneAsTheApp()
    {
        var acquisition = new RecordingTokenAcquisition { UserFailure = new MsalUiRequiredException("invalid_grant", "The refresh token has expired.") };

        var token = await Source(acquisition).GetAccessTokenAsync("tenant-a", "session-1", CancellationToken.None);

        Assert.AreEqual("app token", token);
        CollectionAssert.AreEqual(new[] { $"user {Scopes} tenant-a session:session-1 as nobody", "app https://graph.microsoft.com/.default tenant-a" }, acquisition.Calls);
    }

    [TestMethod]
    public async Task WhenEntraCannotStartASessionTheRequestGoesOnWithoutOne()
    {
        var acquisition = new RecordingTokenAcquisition { UserFailure = new HttpRequestException("login.microsoftonline.com is unreachable") };
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("oid", "dana")], "Bearer"));

        Assert.IsNull(await Source(acquisition).StartUserSessionAsync(user, "tenant-a", CancellationToken.None));
    }

    [TestMethod]
    public async Task AnEntraThatDoesNotAnswerDelaysTheRequestOnlyUntilTheSessionTimeout()
    {
        var acquisition = new RecordingTokenAcquisition { Hang = true };
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("oid", "dana")], "Bearer"));
        var options = new GraphOptions { UserScopes = Scopes, UserSessionTimeout = TimeSpan.FromMilliseconds(50) };

        var started = Source(acquisition, options).StartUserSessionAsync(user, "tenant-a", CancellationToken.None);

        Assert.AreSame(started, await Task.WhenAny(started, Task.Delay(TimeSpan.FromSeconds(30))), "The session timeout ended the wait.");
        Assert.IsNull(await started);
    }

    private sealed class RecordingTokenAcquisition : ITokenAcquisition
    {
        public List<string> Calls { get; } = [];

        public Exception? UserFailure { get; init; }

        public bool Hang { get; init; }

        public Task<string> GetAccessTokenForAppAsync(string scope, string? authenticationScheme, string? tenant = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null)
        {
            Calls.Add($"app {scope} {tenant}");
            return Task.FromResult("app token");
        }

        public Task<string> GetAccessTokenForAppAsync(string scope, string? tenant = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) =>
            GetAccessTokenForAppAsync(scope, null, tenant, tokenAcquisitionOptions);

        public async Task<string> GetAccessTokenForUserAsync(IEnumerable<string> scopes, string? authenticationScheme, string? tenantId = null, string? userFlow = null, ClaimsPrincipal? user = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null)
        {
            Calls.Add($"user {string.Join(' ', scopes)} {tenantId} session:{tokenAcquisitionOptions?.LongRunningWebApiSessionKey} as {user?.FindFirst("oid")?.Value ?? "nobody"}");
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, tokenAcquisitionOptions!.CancellationToken);
            }

            if (UserFailure is not null)
            {
                throw UserFailure;
            }

            if (tokenAcquisitionOptions?.LongRunningWebApiSessionKey == TokenAcquisitionOptions.LongRunningWebApiSessionKeyAuto)
            {
                tokenAcquisitionOptions.LongRunningWebApiSessionKey = "session-1";
            }

            return "user token";
        }

        public Task<string> GetAccessTokenForUserAsync(IEnumerable<string> scopes, string? tenantId = null, string? userFlow = null, ClaimsPrincipal? user = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) =>
            GetAccessTokenForUserAsync(scopes, null, tenantId, userFlow, user, tokenAcquisitionOptions);

        public Task<AuthenticationResult> GetAuthenticationResultForAppAsync(string scope, string? authenticationScheme, string? tenant = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) => throw new NotSupportedException();

        public Task<AuthenticationResult> GetAuthenticationResultForAppAsync(string scope, string? tenant = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) => throw new NotSupportedException();

        public Task<AuthenticationResult> GetAuthenticationResultForUserAsync(IEnumerable<string> scopes, string? authenticationScheme, string? tenantId = null, string? userFlow = null, ClaimsPrincipal? user = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) => throw new NotSupportedException();

        public Task<AuthenticationResult> GetAuthenticationResultForUserAsync(IEnumerable<string> scopes, string? tenantId = null, string? userFlow = null, ClaimsPrincipal? user = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) => throw new NotSupportedException();

        public string GetEffectiveAuthenticationScheme(string? authenticationScheme) => authenticationScheme ?? "Bearer";

        public void ReplyForbiddenWithWwwAuthenticateHeader(IEnumerable<string> scopes, MsalUiRequiredException msalServiceException, HttpResponse? httpResponse = null) => throw new NotSupportedException();

        public void ReplyForbiddenWithWwwAuthenticateHeader(IEnumerable<string> scopes, MsalUiRequiredException msalServiceException, string? authenticationScheme, HttpResponse? httpResponse = null) => throw new NotSupportedException();

        public Task ReplyForbiddenWithWwwAuthenticateHeaderAsync(IEnumerable<string> scopes, MsalUiRequiredException msalServiceException, HttpResponse? httpResponse = null) => throw new NotSupportedException();
    }
}
