using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ResponseDrafter.Api.Http;

/// <summary>Where people open the app, and the proxies allowed to say who called.</summary>
public sealed class PublicOriginOptions
{
    public const string Key = "PublicOrigin";

    /// <summary>https://host[:port], no path: the only source of absolute links (Teams messages, mails) and of AllowedHosts.</summary>
    public string? PublicOrigin { get; set; }

    public ProxySettings ForwardedHeaders { get; set; } = new();
}

/// <summary>The section <c>ForwardedHeaders</c>: who may tell the app the caller's address and scheme.</summary>
public sealed class ProxySettings
{
    /// <summary>Proxies (IP addresses) whose X-Forwarded-For and X-Forwarded-Proto are believed; none by default.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/24) whose forwarded headers are believed; none by default.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>The app's public origin: links are built from configuration, never from the request's Host.</summary>
public sealed class PublicOrigin(IOptions<PublicOriginOptions> options, IHostEnvironment environment, IServiceProvider services)
{
    private readonly Lazy<Uri> origin = new(() => Resolve(options.Value, environment, services));

    public Uri Value => origin.Value;

    /// <summary>An absolute link to a path of the app ("/taskpane.html?draft=…").</summary>
    public string LinkTo(string pathAndQuery) => Value.GetLeftPart(UriPartial.Authority) + "/" + pathAndQuery.TrimStart('/');

    public string DraftLink(Guid draftId) => LinkTo($"/taskpane.html?draft={draftId}");

    /// <summary>Configured, or in Development without a setting, the address the server listens on (as `dotnet run` starts it).</summary>
    private static Uri Resolve(PublicOriginOptions options, IHostEnvironment environment, IServiceProvider services)
    {
        if (!string.IsNullOrWhiteSpace(options.PublicOrigin))
        {
            return new Uri(options.PublicOrigin);
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{PublicOriginOptions.Key} is required outside Development.");
        }

        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var listening = addresses.OrderByDescending(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
        if (listening is null || !Uri.TryCreate(listening, UriKind.Absolute, out var address))
        {
            return new Uri("http://localhost");
        }

        var host = address.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : address.Host;
        return new UriBuilder(address.Scheme, host, address.Port).Uri;
    }
}

public static class PublicHosting
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>The public origin (checked at start), AllowedHosts set from it, and forwarded headers believed from configured proxies only.</summary>
    public static WebApplicationBuilder AddPublicOrigin(this WebApplicationBuilder builder)
    {
        builder.Services.AddPublicOrigin();
        if (!string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
        {
            throw new InvalidOperationException($"AllowedHosts is set from {PublicOriginOptions.Key}; remove the AllowedHosts setting.");
        }

        builder.Services.AddOptions<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>()
            .Configure<IOptions<PublicOriginOptions>, IHostEnvironment>((hosts, origin, environment) =>
            {
                var allowed = new List<string>();
                if (Uri.TryCreate(origin.Value.PublicOrigin, UriKind.Absolute, out var configured))
                {
                    allowed.Add(configured.Host);
                }

                if (environment.IsDevelopment())
                {
                    allowed.AddRange(LoopbackHosts);
                }

                hosts.AllowedHosts = allowed;
            });
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<PublicOriginOptions>>((forwarded, origin) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in origin.Value.ForwardedHeaders.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in origin.Value.ForwardedHeaders.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>Registers <see cref="PublicOrigin"/> and its checked options (also for hosts without the web pipeline, such as the outbox's tests).</summary>
    public static IServiceCollection AddPublicOrigin(this IServiceCollection services)
    {
        services.AddOptions<PublicOriginOptions>().BindConfiguration(string.Empty).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicOriginOptions>, PublicOriginValidator>();
        services.AddSingleton<PublicOrigin>();
        return services;
    }

    /// <summary>Believes X-Forwarded-For/-Proto only from the configured proxies; with none configured, from no one.</summary>
    public static IApplicationBuilder UseProxyHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();
}

internal sealed class PublicOriginValidator(IHostEnvironment environment) : IValidateOptions<PublicOriginOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicOriginOptions options)
    {
        var failures = new List<string>();
        var key = PublicOriginOptions.Key;
        if (string.IsNullOrWhiteSpace(options.PublicOrigin))
        {
            if (!environment.IsDevelopment())
            {
                failures.Add($"{key} is required: the https address where people open the app, such as https://responsedrafter.opcc.example. " +
                    "Links in notifications are built from it, and requests for any other host are refused.");
            }
        }
        else if (!Uri.TryCreate(options.PublicOrigin, UriKind.Absolute, out var origin) || origin.Scheme is not ("https" or "http")
            || origin.AbsolutePath != "/" || origin.Query.Length > 0 || origin.Fragment.Length > 0 || origin.UserInfo.Length > 0)
        {
            failures.Add($"{key} must be an absolute URL with no path, such as https://responsedrafter.opcc.example (it is '{options.PublicOrigin}').");
        }
        else if (origin.Scheme != "https" && !environment.IsDevelopment())
        {
            failures.Add($"{key} must use https outside Development (it is '{options.PublicOrigin}').");
        }

        foreach (var proxy in options.ForwardedHeaders.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            failures.Add($"ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address.");
        }

        foreach (var network in options.ForwardedHeaders.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            failures.Add($"ForwardedHeaders:KnownNetworks has '{network}', which is not a network such as 10.0.0.0/24.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
