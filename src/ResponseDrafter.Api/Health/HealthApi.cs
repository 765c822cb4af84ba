using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ResponseDrafter.Api.Data;

namespace ResponseDrafter.Api.Health;

public sealed record HealthDto(string Status, IReadOnlyDictionary<string, string> Checks);

public static class HealthApi
{
    private const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<DraftingDb>("database", tags: [Ready])
            .AddCheck<DocumentStoreCheck>("document-store", tags: [Ready])
            .AddCheck<MailCheck>("mail", tags: [Ready])
            .AddCheck<PdfConverterCheck>("pdf-converter", tags: [Ready])
            .AddCheck<TokenAcquisitionCheck>("token-acquisition", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").AllowAnonymous().WithTags("Health");
        health.MapGet("/live", Live).WithSummary("The process is up.");
        health.MapGet("/ready", ReadyAsync).WithSummary("The process can serve requests: the database answers, and the document store, mail, PDF converter and token acquisition are configured.");
        return app;
    }

    public static Ok<HealthDto> Live() => TypedResults.Ok(new HealthDto("healthy", new Dictionary<string, string>()));

    public static async Task<Results<Ok<HealthDto>, JsonHttpResult<HealthDto>>> ReadyAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(Ready), cancellationToken);
        var dto = new HealthDto(
            report.Status.ToString().ToLowerInvariant(),
            report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString().ToLowerInvariant()));
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(dto)
            : TypedResults.Json(dto, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
