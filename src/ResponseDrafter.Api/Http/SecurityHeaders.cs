using System.Text.RegularExpressions;
using ResponseDrafter.Api.TaskPane;

namespace ResponseDrafter.Api.Http;

/// <summary>
/// Security headers on every response. The pages' Content-Security-Policy stays in each page's meta tag (its one source,
/// which the Office.js CDN rewrite also edits); the header repeats it and adds what a meta tag cannot carry:
/// frame-ancestors, limited to the Office and Teams hosts that embed the pane and the tab.
/// </summary>
public static partial class SecurityHeaders
{
    /// <summary>
    /// Microsoft's documented frame ancestors for Teams and Microsoft 365 hosts (Teams platform "tab requirements"), plus
    /// Word on the web, whose add-in frame sits inside officeapps.live.com within the SharePoint/OneDrive document page.
    /// Desktop Word loads the pane as a top-level page, where frame-ancestors does not apply.
    /// </summary>
    public const string FrameAncestors = "frame-ancestors 'self' https://*.cloud.microsoft https://teams.microsoft.com https://*.teams.microsoft.com " +
        "https://*.microsoft365.com https://*.office.com https://*.officeapps.live.com https://*.sharepoint.com";

    /// <summary>Everything that is not a page (JSON, scripts, documents): nothing to run, nowhere to be framed.</summary>
    public const string NotAPage = "default-src 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) => services.AddSingleton<PagePolicies>();

    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        var pages = app.Services.GetRequiredService<PagePolicies>();
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = pages.For(context.Request.Path.Value) ?? NotAPage;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>A page's policy as its meta tag states it, with <see cref="FrameAncestors"/>; null when the page has none.</summary>
    public static string? PolicyOf(string html) =>
        MetaPolicy().Match(html) is { Success: true } match ? $"{match.Groups["policy"].Value.TrimEnd(' ', ';')}; {FrameAncestors}" : null;

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"(?<policy>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex MetaPolicy();
}

/// <summary>Each page's header policy, by request path, read at start from the pages as they are served.</summary>
public sealed class PagePolicies
{
    private readonly Dictionary<string, string> policies = new(StringComparer.OrdinalIgnoreCase);

    public PagePolicies(IWebHostEnvironment environment, OfficeJsPages officeJs)
    {
        foreach (var file in environment.WebRootFileProvider.GetDirectoryContents(string.Empty))
        {
            if (file.IsDirectory || !file.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var path = "/" + file.Name;
            string html;
            if (!officeJs.Rewritten.TryGetValue(path, out html!))
            {
                using var reader = new StreamReader(file.CreateReadStream());
                html = reader.ReadToEnd();
            }

            policies[path] = SecurityHeaders.PolicyOf(html)
                ?? throw new InvalidOperationException($"{file.Name} has no Content-Security-Policy meta tag; every page needs one.");
        }
    }

    public string? For(string? path) => path is not null && policies.TryGetValue(path, out var policy) ? policy : null;
}
