using Microsoft.AspNetCore.Http.Features;

namespace ResponseDrafter.Api.Http;

/// <summary>The most a request body may carry on an endpoint; endpoints without it get <see cref="RequestLimits.Json"/>.</summary>
public sealed record BodyLimit(long Bytes);

public static class RequestLimits
{
    public const long Json = 1024 * 1024;

    public const long Upload = 10 * 1024 * 1024;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = Upload);
        return builder;
    }

    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new BodyLimit(bytes));

    /// <summary>Refuses a declared oversize body before anything reads it, and caps streamed bodies at the same size.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? Json;
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request body is too large.",
                    Detail = $"This endpoint accepts at most {limit / 1024} KiB.",
                },
            });
            return;
        }

        await next(context);
    });
}
