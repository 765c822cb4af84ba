using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using ResponseDrafter.Api.Integrations.Graph;

namespace ResponseDrafter.Api.Tests.Integrations;

[TestClass]
public sealed class GraphTokensTests
{
    [TestMethod]
    public async Task BackgroundWorkAsksForAnAppTokenInTheOpccsTenant()
    {
        var acquisition = new RecordingTokenAcquisition();
        var source = new TokenAcquisitionTokenSource(acquisition, Options.Create(new GraphOptions()));

        var token = await source.GetAccessTokenAsync("tenant-a", GraphCaller.App, CancellationToken.None);

        Assert.AreEqual("app token", token);
        Assert.AreEqual("app https://graph.microsoft.com/.default tenant-a", acquisition.Calls.Single());
    }

    [TestMethod]
    public async Task UserActionsAskForATokenOnBehalfOfTheSignedInUser()
    {
        var acquisition = new RecordingTokenAcquisition();
        var source = new TokenAcquisitionTokenSource(acquisition, Options.Create(new GraphOptions { UserScopes = "https://graph.microsoft.com/Files.ReadWrite.All https://graph.microsoft.com/Sites.Selected" }));

        var token = await source.GetAccessTokenAsync("tenant-a", GraphCaller.SignedInUser, CancellationToken.None);

        Assert.AreEqual("user token", token);
        Assert.AreEqual("user https://graph.microsoft.com/Files.ReadWrite.All https://graph.microsoft.com/Sites.Selected tenant-a", acquisition.Calls.Single());
    }

    private sealed class RecordingTokenAcquisition : ITokenAcquisition
    {
        public List<string> Calls { get; } = [];

        public Task<string> GetAccessTokenForAppAsync(string scope, string? authenticationScheme, string? tenant = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null)
        {
            Calls.Add($"app {scope} {tenant}");
            return Task.FromResult("app token");
        }

        public Task<string> GetAccessTokenForAppAsync(string scope, string? tenant = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) =>
            GetAccessTokenForAppAsync(scope, null, tenant, tokenAcquisitionOptions);

        public Task<string> GetAccessTokenForUserAsync(IEnumerable<string> scopes, string? authenticationScheme, string? tenantId = null, string? userFlow = null, ClaimsPrincipal? user = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null)
        {
            Calls.Add($"user {string.Join(' ', scopes)} {tenantId}");
            return Task.FromResult("user token");
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
