using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.StaticFiles;
using ResponseDrafter.Api.Auth;

namespace ResponseDrafter.Api.Integrations.Local;

/// <summary>
/// Serves what the embedded document store keeps, at the web URLs it hands out (<c>/files/&lt;tenant&gt;/…</c>), to
/// signed-in users of that tenant only. With Microsoft 365 the documents live in SharePoint and this answers 404.
/// </summary>
public static class LocalFilesApi
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapLocalFiles(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        var prefix = configuration[$"{LocalOptions.Section}:{nameof(LocalOptions.DocumentsUrlPrefix)}"] ?? new LocalOptions().DocumentsUrlPrefix;
        app.MapGet($"{prefix.TrimEnd('/')}/{{tenantId}}/{{**path}}", Get).RequireAuthorization(Policies.Reader).WithTags("Documents")
            .WithSummary("A document kept by the embedded document store (a submitted version, the signed letter, its PDF).");
        return app;
    }

    /// <param name="store">Registered only in the embedded default (<c>Integrations:Mode=Local</c>).</param>
    public static async Task<Results<FileContentHttpResult, NotFound>> Get(
        string tenantId, string path, [FromServices] LocalDocumentStore? store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (store is null || tenantId != user.FindFirst(Claims.TenantId)?.Value)
        {
            return TypedResults.NotFound();
        }

        byte[] content;
        try
        {
            content = await store.ReadAsync(tenantId, path, cancellationToken);
        }
        catch (Exception exception) when (exception is IntegrationException or ArgumentException)
        {
            return TypedResults.NotFound();
        }

        var fileName = Path.GetFileName(path);
        return TypedResults.File(content, ContentTypes.TryGetContentType(fileName, out var type) ? type : "application/octet-stream", fileName);
    }
}
