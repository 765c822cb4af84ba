using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ResponseDrafter.Api.Http;

/// <summary>How many requests one caller may make in a window.</summary>
public sealed class RateLimit
{
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The section <c>RateLimiting</c>. Defaults are far above what a person does (the pane saves the document a few times a
/// minute while someone types) and low enough that one caller cannot keep the server parsing Word files all day.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Word documents saved or uploaded (the pane's autosave, templates), per user.</summary>
    [ValidateObjectMembers]
    public RateLimit Uploads { get; set; } = new() { PermitLimit = 240 };

    /// <summary>Recommendation and assurance imports, previews included, per user.</summary>
    [ValidateObjectMembers]
    public RateLimit Imports { get; set; } = new() { PermitLimit = 60 };

    /// <summary>Approvers' decisions, edited versions and document reviews, per user.</summary>
    [ValidateObjectMembers]
    public RateLimit Decisions { get; set; } = new() { PermitLimit = 60 };

    /// <summary>Local development sign-in, per calling address.</summary>
    [ValidateObjectMembers]
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 120 };
}

public static class RateLimits
{
    public const string Uploads = "uploads";
    public const string Imports = "imports";
    public const string Decisions = "decisions";
    public const string SignIn = "sign-in";

    /// <summary>Fixed windows per user (the token's tenant and object id) or, for anonymous sign-in, per address; 429 with Retry-After.</summary>
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Uploads, context => PerCaller(context, o => o.Uploads));
            limiter.AddPolicy(Imports, context => PerCaller(context, o => o.Imports));
            limiter.AddPolicy(Decisions, context => PerCaller(context, o => o.Decisions));
            limiter.AddPolicy(SignIn, context => PerCaller(context, o => o.SignIn));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var seconds = (int)Math.Ceiling(Math.Max(wait.TotalSeconds, 1));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"You have sent this kind of request too often. Wait {seconds} seconds and try again; nothing was changed.",
                    },
                });
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerCaller(HttpContext context, Func<RateLimitingOptions, RateLimit> pick)
    {
        var limit = pick(context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(CallerKey(context.User, context.Connection.RemoteIpAddress?.ToString()), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
    }

    /// <summary>The signed-in user (tenant and object id from the validated token), or the address of an anonymous caller.</summary>
    public static string CallerKey(ClaimsPrincipal user, string? address)
    {
        var subject = user.FindFirst("oid") ?? user.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")
            ?? user.FindFirst("sub") ?? user.FindFirst(ClaimTypes.NameIdentifier);
        var tenant = user.FindFirst("tid") ?? user.FindFirst("http://schemas.microsoft.com/identity/claims/tenantid");
        return user.Identity?.IsAuthenticated == true && subject is not null
            ? $"user:{tenant?.Value}:{subject.Value}"
            : $"address:{address ?? "unknown"}";
    }
}
