using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Tests.Workflow;

namespace ResponseDrafter.Api.Tests.Security;

/// <summary>
/// Every endpoint that takes a JSON body, found from the app's own endpoint data (so a new one is covered without being
/// listed here), is sent a corpus of hostile bodies: each is refused with 400, 413 or 415 and ProblemDetails that name
/// the problem in the app's own words, nothing is stored, and the server keeps serving.
/// </summary>
[TestClass]
public sealed class HostileJsonBodyTests
{
    /// <summary>The approver on the sign-off's first stage, with every other role as well, so that no endpoint refuses the caller before it reads the body.</summary>
    private static readonly Caller Everyone = new(Caller.HeadOfPolicy.Name, Caller.TenantA, ["Drafter", "Approver", "Admin"]);

    private const string AspNetBoilerplate = "One or more validation errors occurred";

    [TestMethod]
    public async Task EveryJsonEndpointRefusesEveryHostileBodyNamingTheProblemAndStoresNothing()
    {
        using var host = await ApiHost.StartAsync(extra: new Dictionary<string, string?>
        {
            ["RateLimiting:Uploads:PermitLimit"] = "100000",
            ["RateLimiting:Imports:PermitLimit"] = "100000",
            ["RateLimiting:Decisions:PermitLimit"] = "100000",
            ["RateLimiting:SignIn:PermitLimit"] = "100000",
        });
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        using var client = host.ClientFor(Everyone);
        var before = await SnapshotAsync(client, rig);
        var endpoints = JsonEndpoints(host);
        Assert.IsGreaterThanOrEqualTo(10, endpoints.Count, string.Join("\n", endpoints.Select(e => e.Display)));

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var url = Url(endpoint.Route, rig);
            var etag = await CurrentETagAsync(client, url, rig);
            foreach (var (name, body, contentType, allowed) in Corpus(endpoint.Property, endpoint.BodyLimit))
            {
                using var request = new HttpRequestMessage(endpoint.Method, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                request.Headers.TryAddWithoutValidation("If-Match", etag);
                var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var problem = IsProblem(response) ? JsonNode.Parse(text) as JsonObject : null;
                var named = problem is not null && (problem["errors"] is JsonObject { Count: > 0 } || !string.IsNullOrWhiteSpace((string?)problem["detail"]) || !string.IsNullOrWhiteSpace((string?)problem["title"]));
                if (!allowed.Contains(response.StatusCode) || problem is null || !named || text.Contains(AspNetBoilerplate, StringComparison.Ordinal))
                {
                    failures.Add($"{endpoint.Display} × {name}: {(int)response.StatusCode} {Truncate(text)}");
                }
            }

            Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync(rig.DraftUrl)).StatusCode, $"the server keeps serving after {endpoint.Display}");
        }

        Assert.IsEmpty(failures, string.Join("\n", failures));
        Assert.AreEqual(before, await SnapshotAsync(client, rig), "nothing was stored");
    }

    private sealed record JsonEndpoint(HttpMethod Method, string Route, (string? Name, bool MayBeNull) Property, long BodyLimit)
    {
        public string Display => $"{Method} {Route}";
    }

    /// <summary>Every route that accepts application/json, with one of its body type's properties to aim at.</summary>
    private static List<JsonEndpoint> JsonEndpoints(ApiHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (Endpoint: e, Method: method)))
            .Where(x => x.Endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Any(a => a.ContentTypes.Any(t => t.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))))
            .Select(x => new JsonEndpoint(new HttpMethod(x.Method), "/" + x.Endpoint.RoutePattern.RawText!.TrimStart('/'),
                FirstProperty(x.Endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Select(a => a.RequestType).FirstOrDefault(t => t is not null)),
                x.Endpoint.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? RequestLimits.Json))
            .ToList();

    /// <summary>The first property the body may not leave null (a nullable one is allowed to be null), or else the first.</summary>
    private static (string? Name, bool MayBeNull) FirstProperty(Type? type)
    {
        var properties = type is null ? [] : ApiJson.Options.GetTypeInfo(type).Properties;
        var property = properties.FirstOrDefault(p => !p.IsSetNullable) ?? properties.FirstOrDefault();
        return (property?.Name, property?.IsSetNullable ?? true);
    }

    /// <summary>The route with real ids, so that each request reaches an existing draft, report and item.</summary>
    private static string Url(string route, SignOffRig rig)
    {
        var url = route.Replace("{itemRef}", "2", StringComparison.Ordinal)
            .Replace("{delegationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        return url.Replace("{id:guid}", (route.StartsWith("/api/reports", StringComparison.Ordinal) ? rig.Scenario.ReportId : rig.Scenario.DraftId).ToString(), StringComparison.Ordinal);
    }

    /// <summary>Each hostile body, its content type, and the answers allowed for it.</summary>
    private static IEnumerable<(string Name, byte[] Body, string ContentType, HttpStatusCode[] Allowed)> Corpus((string? Name, bool MayBeNull) property, long bodyLimit)
    {
        HttpStatusCode[] bad = [HttpStatusCode.BadRequest];
        var p = property.Name ?? "value";
        const string json = "application/json";
        yield return ("an empty body", [], json, bad);
        yield return ("null", Utf8("null"), json, bad);
        // Well-formed, so the endpoint may first refuse it for the draft's state (a publication before dispatch: 409). Sent
        // only where the property may not be null (a response's fields may all be null: that clears the answer).
        if (!property.MayBeNull)
        {
            yield return ($"{p} null", Utf8($"{{\"{p}\": null}}"), json, [HttpStatusCode.BadRequest, HttpStatusCode.Conflict]);
        }

        yield return ($"{p} twice", Utf8($"{{\"{p}\": null, \"{p}\": null}}"), json, bad);
        yield return ("an array for the body", Utf8("[1, 2, 3]"), json, bad);
        yield return ("a number for the body", Utf8("42"), json, bad);
        yield return ($"an object for {p}", Utf8($"{{\"{p}\": {{\"unexpected\": [true, 1.5e308]}}}}"), json, bad);
        yield return ($"a number for {p}", Utf8($"{{\"{p}\": 12345678901234567890123}}"), json, bad);
        yield return ("10,000 nested arrays", Utf8(new string('[', 10_000) + new string(']', 10_000)), json, bad);
        yield return ($"10,000 nested arrays in {p}", Utf8($"{{\"{p}\": {new string('[', 10_000)}{new string(']', 10_000)}}}"), json, bad);
        yield return ("non-JSON text", Utf8("this is not JSON"), json, bad);
        yield return ("truncated JSON", Utf8($"{{\"{p}\": \"cut off"), json, bad);
        yield return ("invalid UTF-8", [(byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}'], json, bad);
        yield return ($"a string over the body limit in {p}", Utf8($"{{\"{p}\": \"{new string('x', (int)bodyLimit + 1024)}\"}}"), json, [HttpStatusCode.RequestEntityTooLarge]);
        yield return ("JSON sent as text/plain", Utf8($"{{\"{p}\": \"x\"}}"), "text/plain", [HttpStatusCode.UnsupportedMediaType]);
    }

    /// <summary>The ETag of whatever the URL changes (the draft, the report or the profile), so that If-Match is never why a body is refused.</summary>
    private static async Task<string> CurrentETagAsync(HttpClient client, string url, SignOffRig rig)
    {
        var owner = url.StartsWith(rig.DraftUrl, StringComparison.Ordinal) ? rig.DraftUrl
            : url.StartsWith(rig.Scenario.ReportUrl, StringComparison.Ordinal) ? rig.Scenario.ReportUrl
            : url.StartsWith("/api/profile", StringComparison.Ordinal) ? "/api/profile"
            : null;
        return owner is null ? "\"none\"" : (await client.GetAsync(owner)).ETag();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static bool IsProblem(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    private static string Truncate(string text) => text.Length > 400 ? text[..400] + "…" : text;

    /// <summary>Everything a stored change would show in: the draft, the report, the profile, and the lists of each.</summary>
    private static async Task<string> SnapshotAsync(HttpClient client, SignOffRig rig)
    {
        var parts = new List<string>();
        foreach (var url in new[] { rig.DraftUrl, rig.Scenario.ReportUrl, "/api/profile", "/api/drafts", "/api/reports", $"{rig.DraftUrl}/workflow" })
        {
            var response = await client.GetAsync(url);
            parts.Add($"{url} {(int)response.StatusCode} {response.Headers.ETag} {await response.Content.ReadAsStringAsync()}");
        }

        return string.Join("\n", parts);
    }
}
