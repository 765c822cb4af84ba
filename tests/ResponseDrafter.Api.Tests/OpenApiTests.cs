using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests;

[TestClass]
public sealed class OpenApiTests
{
    [TestMethod]
    public async Task TheOpenApiDocumentDescribesEveryEndpoint()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(null);

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/openapi", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Path: OpenApiPath(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToList();

        var missing = mapped.Where(e => paths[e.Path]?[e.Method] is null).Select(e => $"{e.Method} {e.Path}").ToList();

        Assert.AreEqual(0, missing.Count, "Not in the OpenAPI document: " + string.Join(", ", missing));
        Assert.IsTrue(mapped.Count >= 20);
    }

    [TestMethod]
    public async Task TheOpenApiDocumentDeclaresBearerAuthOnProtectedEndpointsOnly()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(null);

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

        Assert.AreEqual("bearer", (string)document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!);
        Assert.IsNotNull(document["paths"]!["/api/drafts/{id}"]!["get"]!["security"]);
        Assert.IsNull(document["paths"]!["/health/live"]!["get"]!["security"]);
    }

    [TestMethod]
    public async Task EnumsAppearAsTheStringsTheApiAccepts()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(null);

        var text = await client.GetStringAsync("/openapi/v1.json");

        StringAssert.Contains(text, "\"super-complaint\"");
        StringAssert.Contains(text, "\"action-proposed\"");
    }

    private static string OpenApiPath(string routePattern) =>
        System.Text.RegularExpressions.Regex.Replace(routePattern.TrimEnd('/'), @"\{\*{0,2}(\w+)(:[^}]*)?\}", "{$1}") is { Length: > 0 } path ? path : "/";
}
