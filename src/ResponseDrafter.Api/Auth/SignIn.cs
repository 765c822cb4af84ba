using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;
using ResponseDrafter.Api.Integrations;

namespace ResponseDrafter.Api.Auth;

public enum SignInMode
{
    Entra,
    LocalDevelopment,
}

public sealed record SignInInfo(SignInMode Mode)
{
    public string Name => Mode == SignInMode.Entra ? "entra" : "local-development";
}

public static class SignIn
{
    /// <summary>
    /// Entra ID when <c>AzureAd:ClientId</c> is configured; otherwise, in Development only, the local development
    /// sign-in. Anywhere else a missing <c>AzureAd:ClientId</c> stops start-up.
    /// </summary>
    public static WebApplicationBuilder AddSignIn(this WebApplicationBuilder builder)
    {
        var mode = ModeFor(builder.Configuration, builder.Environment);
        builder.Services.AddAzureAdSettings(builder.Configuration, mode);
        builder.Services.AddSingleton(new SignInInfo(mode));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<TenantContext>();

        if (mode == SignInMode.Entra)
        {
            var webApi = builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"));
            if (IntegrationsSetup.Mode(builder.Configuration) == IntegrationMode.Graph)
            {
                // Graph calls act as the submitter (on behalf of) or as the app (client credentials); the tokens are kept
                // where every instance, and the next start, finds them (see TokenCache).
                webApi.EnableTokenAcquisitionToCallDownstreamApi().AddDistributedTokenCaches();
                builder.Services.AddSharedTokenCacheStore(builder.Configuration);
            }
            builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, UseTokenClaimNames);
        }
        else
        {
            builder.AddLocalSignIn();
        }

        return builder;
    }

    public static SignInMode ModeFor(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]))
        {
            return SignInMode.Entra;
        }

        if (environment.IsDevelopment())
        {
            return SignInMode.LocalDevelopment;
        }

        throw new InvalidOperationException(
            "AzureAd:ClientId is not configured. Entra ID sign-in needs AzureAd:Instance, AzureAd:TenantId and AzureAd:ClientId; " +
            "the local development sign-in is available only in the Development environment.");
    }

    /// <summary>Keeps claims named as in the token (tid, scp, roles) so policies read the same in both modes.</summary>
    internal static void UseTokenClaimNames(JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = Claims.Name;
        options.TokenValidationParameters.RoleClaimType = Claims.Roles;
    }

    /// <summary>Labels every response in local development mode so no one mistakes it for a real sign-in.</summary>
    public static IApplicationBuilder UseSignInModeLabel(this WebApplication app)
    {
        var info = app.Services.GetRequiredService<SignInInfo>();
        if (info.Mode == SignInMode.LocalDevelopment)
        {
            app.Use((context, next) =>
            {
                context.Response.Headers["X-Sign-In-Mode"] = info.Name;
                return next(context);
            });
        }

        return app;
    }
}
