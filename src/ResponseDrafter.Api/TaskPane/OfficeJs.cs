using Microsoft.Extensions.Options;

namespace ResponseDrafter.Api.TaskPane;

public enum OfficeJsSource
{
    /// <summary>wwwroot/lib/office-js, copied from the npm package at build: development and tests.</summary>
    Local,

    /// <summary>Microsoft's CDN, which add-ins offered through Microsoft's store must load Office.js from.</summary>
    Cdn,
}

public sealed class OfficeJsOptions
{
    public const string Section = "OfficeJs";

    /// <summary>Where the pages load Office.js from. Unset: <see cref="OfficeJsSource.Cdn"/> in Production, <see cref="OfficeJsSource.Local"/> elsewhere.</summary>
    public OfficeJsSource? Source { get; set; }
}

/// <summary>
/// The pages carry the local Office.js script tag and a Content-Security-Policy allowing scripts from their own origin
/// only. When Office.js comes from Microsoft's CDN, each page that loads it is served with the tag pointed at the CDN
/// and the CDN's origin added to script-src, and nowhere else: the policy stays as strict as the source allows.
/// </summary>
public static class OfficeJs
{
    public const string LocalScript = "lib/office-js/office.js";
    public const string CdnOrigin = "https://appsforoffice.microsoft.com";
    public const string CdnScript = CdnOrigin + "/lib/1/hosted/office.js";

    private const string LocalTag = $"<script src=\"{LocalScript}\"></script>";
    private const string ScriptSource = "script-src 'self';";

    public static IServiceCollection AddOfficeJs(this IServiceCollection services)
    {
        services.AddOptions<OfficeJsOptions>().BindConfiguration(OfficeJsOptions.Section);
        services.AddSingleton<OfficeJsPages>();
        return services;
    }

    /// <summary>Serves the pages that load Office.js as the configured source needs them. Reads them at start, so a page that cannot be rewritten stops start-up.</summary>
    public static IApplicationBuilder UseOfficeJs(this WebApplication app)
    {
        var pages = app.Services.GetRequiredService<OfficeJsPages>();
        if (pages.Rewritten.Count == 0)
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && pages.Rewritten.TryGetValue(request.Path.Value ?? string.Empty, out var html))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.CacheControl = "no-cache";
                if (HttpMethods.IsGet(request.Method))
                {
                    await context.Response.WriteAsync(html, context.RequestAborted);
                }

                return;
            }

            await next(context);
        });
    }

    /// <summary>The page with Office.js from the CDN and the CDN's origin allowed for scripts; refuses a page whose tag or policy it cannot find.</summary>
    public static string ForCdn(string html, string page)
    {
        if (!html.Contains(LocalTag, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{page} does not load Office.js as {LocalTag}, so it cannot be pointed at Microsoft's CDN.");
        }

        if (!html.Contains(ScriptSource, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{page}'s Content-Security-Policy has no \"{ScriptSource}\" to add Microsoft's CDN to.");
        }

        return html
            .Replace(LocalTag, $"<script src=\"{CdnScript}\"></script>", StringComparison.Ordinal)
            .Replace(ScriptSource, $"script-src 'self' {CdnOrigin};", StringComparison.Ordinal);
    }
}

/// <summary>The pages (by request path) served rewritten for the CDN; none when Office.js is local.</summary>
public sealed class OfficeJsPages
{
    public OfficeJsPages(IWebHostEnvironment environment, IOptions<OfficeJsOptions> options)
    {
        Source = options.Value.Source ?? (environment.IsProduction() ? OfficeJsSource.Cdn : OfficeJsSource.Local);
        if (Source != OfficeJsSource.Cdn)
        {
            return;
        }

        foreach (var file in environment.WebRootFileProvider.GetDirectoryContents(string.Empty))
        {
            if (file.IsDirectory || !file.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            using var reader = new StreamReader(file.CreateReadStream());
            var html = reader.ReadToEnd();
            if (html.Contains(OfficeJs.LocalScript, StringComparison.Ordinal))
            {
                Rewritten["/" + file.Name] = OfficeJs.ForCdn(html, file.Name);
            }
        }
    }

    public OfficeJsSource Source { get; }

    public Dictionary<string, string> Rewritten { get; } = new(StringComparer.OrdinalIgnoreCase);
}
