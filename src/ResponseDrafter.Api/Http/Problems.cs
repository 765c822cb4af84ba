using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ResponseDrafter.Api.Http;

public static class Problems
{
    /// <summary>The title ASP.NET gives a validation problem when none is set; never shown to anyone.</summary>
    private const string AspNetValidationTitle = "One or more validation errors occurred.";

    public static IServiceCollection AddApiProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // ValidationProblem's default title is ASP.NET's boilerplate; say what happened in the app's words instead.
            if (context.ProblemDetails.Title == AspNetValidationTitle)
            {
                context.ProblemDetails.Title = "The request has problems; nothing was changed.";
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures throw, so that the handler below can name the field instead of answering an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static ProblemHttpResult PreconditionRequired() => TypedResults.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired,
        title: "If-Match required",
        detail: "Send the ETag you last read in an If-Match header, so that no one else's change is overwritten.");

    public static ProblemHttpResult PreconditionFailed() => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "Changed since you read it",
        detail: "Someone else saved a newer version. Read it again, reapply your change and send the new ETag.");

    public static ProblemHttpResult Unprocessable(string title, IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = title,
        });

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not yours to do", detail: detail);

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: detail);

    /// <summary>Names the JSON field that could not be read, without echoing the parser's message.</summary>
    public static IDictionary<string, string[]> ForJson(JsonException exception) => new Dictionary<string, string[]>
    {
        [FieldOf(exception.Path)] = ["Is not valid here: malformed JSON, or a value of the wrong type."],
    };

    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "$" : jsonPath.TrimStart('$', '.');
}

/// <summary>Turns request-reading failures (bad JSON, oversize or missing bodies) into ProblemDetails with their own status.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var status = badRequest.StatusCode;
        var fields = status == StatusCodes.Status400BadRequest ? await ApiJson.DescribeBodyAsync(httpContext) : null;
        if (fields is null && badRequest.InnerException is JsonException json)
        {
            fields = Problems.ForJson(json);
        }

        ProblemDetails problem = fields is not null
            ? new HttpValidationProblemDetails(fields) { Title = "The request body could not be read." }
            : new ProblemDetails { Title = TitleFor(status) };
        problem.Status = status;
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type.",
        _ => "The request could not be read.",
    };
}
