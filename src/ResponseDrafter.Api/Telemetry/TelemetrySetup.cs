using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ResponseDrafter.Api.Telemetry;

public static class TelemetrySetup
{
    /// <summary>The standard OpenTelemetry variable; Azure Container Apps' managed agent and most collectors set it.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The product's meter and activity source, always (they cost nothing unobserved); OpenTelemetry's traces, metrics
    /// and logs (ASP.NET Core, HttpClient, EF Core, runtime, the product's own) exported by OTLP only when an endpoint
    /// is configured, so an instance without one loads no exporter at all.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddProductMetrics();
        if (OtlpEndpoint(builder.Configuration) is { } endpoint)
        {
            AddOpenTelemetry(builder, endpoint);
        }

        return builder;
    }

    /// <summary>The <c>ResponseDrafter</c> meter's instruments; the outbox records on them, so it adds them too.</summary>
    public static IServiceCollection AddProductMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ProductGauges>();
        services.TryAddSingleton<ProductMetrics>();
        return services;
    }

    /// <summary>The standard variable wins over <c>Telemetry:OtlpEndpoint</c>; null when neither is set.</summary>
    public static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var value = configuration[OtlpEndpointVariable] is { Length: > 0 } standard ? standard : configuration[$"{TelemetryOptions.Section}:{nameof(TelemetryOptions.OtlpEndpoint)}"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new InvalidOperationException(
                $"{OtlpEndpointVariable} or {TelemetryOptions.Section}:{nameof(TelemetryOptions.OtlpEndpoint)} is '{value}'; use an http or https address such as http://localhost:4318.");
    }

    // Kept apart so that the OpenTelemetry assemblies are only loaded when this runs.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOpenTelemetry(WebApplicationBuilder builder, Uri endpoint)
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // The standard OTEL_SERVICE_NAME, when set, names the service; otherwise the application does.
                if (string.IsNullOrEmpty(builder.Configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService(serviceName: builder.Environment.ApplicationName);
                }
            })
            .WithTracing(tracing => tracing
                .AddSource(ProductMetrics.MeterName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(ProductMetrics.MeterName)
                .AddInstrumentation(services => services.GetRequiredService<ProductMetrics>()) // creates the gauges on an instance without the outbox worker
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithLogging()
            .UseOtlpExporter(OtlpExportProtocol.HttpProtobuf, endpoint);
    }
}
