using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Api.Tests;

/// <summary>The expected status for each kind of caller; "other tenant" has every role, in another OPCC.</summary>
public sealed record Expect(int Anonymous, int Drafter, int Approver, int Admin, int OtherTenant);

public sealed record MatrixRow(string Endpoint, Func<Scenario, HttpRequestMessage> Request, Expect Expect);

/// <summary>
/// Every endpoint × {anonymous, Drafter, Approver, Admin, user of another tenant}. docs/api.md has the same table.
/// A new endpoint without a row here fails <see cref="EveryEndpointHasARow"/>.
/// </summary>
[TestClass]
public sealed class AuthorisationMatrixTests
{
    private static readonly Expect Public = new(200, 200, 200, 200, 200);
    private static readonly Expect Read = new(401, 200, 200, 200, 200);
    private static readonly Expect ReadOwn = new(401, 200, 200, 200, 404);

    private static readonly MatrixRow[] Rows =
    [
        new("GET /health/live", _ => Get("/health/live"), Public),
        new("GET /health/ready", _ => Get("/health/ready"), Public),
        new("GET /openapi/{documentName}.json", _ => Get("/openapi/v1.json"), Public),
        new("GET /api/me", _ => Get("/api/me"), Read),

        new("GET /api/reports/", _ => Get("/api/reports"), Read),
        new("GET /api/reports/{id:guid}", s => Get(s.ReportUrl), ReadOwn),
        new("POST /api/reports/", _ => Json(HttpMethod.Post, "/api/reports", Scenario.Report("Another report", new DateOnly(2024, 1, 1))), new(401, 201, 403, 201, 201)),
        new("PUT /api/reports/{id:guid}", s => Json(HttpMethod.Put, s.ReportUrl, Scenario.Report("Renamed", new DateOnly(2024, 1, 1)), s.ReportETag), new(401, 200, 403, 200, 404)),
        new("POST /api/reports/{id:guid}/archive", s => Json(HttpMethod.Post, $"{s.ReportUrl}/archive", null, s.ReportETag), new(401, 200, 403, 200, 404)),

        new("GET /api/drafts/", _ => Get("/api/drafts"), Read),
        new("POST /api/drafts/", s => Json(HttpMethod.Post, "/api/drafts", new NewDraftInput(s.ReportId)), new(401, 201, 403, 403, 400)),
        new("GET /api/drafts/{id:guid}", s => Get(s.DraftUrl), ReadOwn),
        new("PUT /api/drafts/{id:guid}", s => Json(HttpMethod.Put, s.DraftUrl, Letter(), s.DraftETag), new(401, 200, 403, 403, 404)),
        new("DELETE /api/drafts/{id:guid}", s => Json(HttpMethod.Delete, s.DraftUrl, null, s.DraftETag), new(401, 204, 403, 403, 404)),
        new("PUT /api/drafts/{id:guid}/selection", s => Json(HttpMethod.Put, $"{s.DraftUrl}/selection", new SelectionInput(["2"]), s.DraftETag), new(401, 200, 403, 403, 404)),
        new("PUT /api/drafts/{id:guid}/responses/{itemRef}", s => Json(HttpMethod.Put, $"{s.DraftUrl}/responses/2", new ResponseInput("Words.", ResponseStatus.ActionTaken, null), s.DraftETag), new(401, 200, 403, 403, 404)),
        new("PUT /api/drafts/{id:guid}/responses/{itemRef}/assurance", s => Json(HttpMethod.Put, $"{s.DraftUrl}/responses/2/assurance", new AssuranceInput("Assured.", "DCI Example", null, null), s.DraftETag), new(401, 200, 403, 403, 404)),
        new("DELETE /api/drafts/{id:guid}/responses/{itemRef}/assurance", s => Json(HttpMethod.Delete, $"{s.DraftUrl}/responses/2/assurance", null, s.DraftETag), new(401, 200, 403, 403, 404)),
        new("GET /api/drafts/{id:guid}/status", s => Get($"{s.DraftUrl}/status"), ReadOwn),
        new("GET /api/drafts/{id:guid}/document", s => Get($"{s.DraftUrl}/document"), ReadOwn),
        // A document without this draft's identity: permitted callers get as far as the identity check (409).
        new("PUT /api/drafts/{id:guid}/document", s => Docx(HttpMethod.Put, $"{s.DraftUrl}/document", s.DraftETag), new(401, 409, 403, 403, 404)),
        new("POST /api/drafts/{id:guid}/document/assemble", s => Json(HttpMethod.Post, $"{s.DraftUrl}/document/assemble", null, s.DraftETag), new(401, 200, 403, 403, 404)),
        new("POST /api/imports/recommendations/preview", _ => Imports.ImportCalls.PreviewRecommendationsRequest(), new(401, 200, 403, 200, 200)),
        new("POST /api/drafts/{id:guid}/assurance-import/preview", Imports.ImportCalls.PreviewAssuranceRequest, new(401, 200, 403, 403, 404)),
        new("POST /api/drafts/{id:guid}/assurance-import/", Imports.ImportCalls.ConfirmAssuranceRequest, new(401, 200, 403, 403, 404)),

        new("GET /api/notifications", _ => Get("/api/notifications"), Read),
        new("GET /api/profile/", _ => Get("/api/profile"), ReadOwn),
        new("PUT /api/profile/", s => Json(HttpMethod.Put, "/api/profile", Scenario.Profile(), s.ProfileETag), new(401, 403, 403, 200, 201)),
        new("GET /api/profile/template", _ => Get("/api/profile/template"), Read),
        new("PUT /api/profile/template", s => Template(s.ProfileETag), new(401, 403, 403, 200, 404)),
        new("DELETE /api/profile/template", s => Json(HttpMethod.Delete, "/api/profile/template", null, s.ProfileETag), new(401, 403, 403, 200, 404)),

        // Sign-off. The scenario's draft is incomplete and the profile has no approval chain, so permitted callers meet the
        // workflow's own refusals (409) or missing records (404): what matters here is who gets past authorisation.
        new("POST /api/drafts/{id:guid}/submit", s => Json(HttpMethod.Post, $"{s.DraftUrl}/submit", null, s.DraftETag), new(401, 409, 403, 403, 404)),
        new("GET /api/drafts/{id:guid}/workflow", s => Get($"{s.DraftUrl}/workflow"), ReadOwn),
        new("GET /api/drafts/{id:guid}/document/accessibility", s => Get($"{s.DraftUrl}/document/accessibility"), ReadOwn),
        new("GET /api/drafts/{id:guid}/review", s => Get($"{s.DraftUrl}/review"), ReadOwn),
        new("GET /api/drafts/{id:guid}/versions/{number:int}/document", s => Get($"{s.DraftUrl}/versions/1/document"), new(401, 404, 404, 404, 404)),
        new("POST /api/drafts/{id:guid}/decisions", s => Json(HttpMethod.Post, $"{s.DraftUrl}/decisions", new DecisionInput("approve", new string('0', 64), null)), new(401, 409, 409, 409, 404)),
        new("POST /api/drafts/{id:guid}/versions", s => Docx(HttpMethod.Post, $"{s.DraftUrl}/versions", null), new(401, 409, 409, 409, 404)),
        // Read-only, for anyone who can read the draft; the scenario's draft has no version yet to compare with (409).
        new("POST /api/drafts/{id:guid}/review/document", s => Docx(HttpMethod.Post, $"{s.DraftUrl}/review/document", null), new(401, 409, 409, 409, 404)),
        new("POST /api/drafts/{id:guid}/dispatch", s => Json(HttpMethod.Post, $"{s.DraftUrl}/dispatch", null), new(401, 409, 403, 403, 404)),
        new("POST /api/drafts/{id:guid}/publication", s => Json(HttpMethod.Post, $"{s.DraftUrl}/publication", new PublicationInput("https://example.org/l.pdf", "https://example.org/l")), new(401, 409, 403, 403, 404)),
        new("GET /api/drafts/{id:guid}/final/document", s => Get($"{s.DraftUrl}/final/document"), new(401, 404, 404, 404, 404)),
        new("GET /api/drafts/{id:guid}/final/pdf", s => Get($"{s.DraftUrl}/final/pdf"), new(401, 404, 404, 404, 404)),
        new("GET /api/drafts/{id:guid}/final/web", s => Get($"{s.DraftUrl}/final/web"), new(401, 404, 404, 404, 404)),
        new("GET /api/drafts/{id:guid}/audit", s => Get($"{s.DraftUrl}/audit"), ReadOwn),
        new("GET /api/audit", _ => Get("/api/audit"), new(401, 403, 403, 200, 200)),
        new("GET /files/{tenantId}/{**path}", _ => Get($"/files/{Caller.TenantA}/ResponseDrafter/none.pdf"), new(401, 404, 404, 404, 404)),
        new("GET /api/profile/sign-off", _ => Get("/api/profile/sign-off"), ReadOwn),
        new("PUT /api/profile/sign-off", s => Json(HttpMethod.Put, "/api/profile/sign-off", Workflow.SignOffRig.Settings(), s.ProfileETag), new(401, 403, 403, 200, 404)),
        new("GET /api/profile/delegations", _ => Get("/api/profile/delegations"), Read),
        new("POST /api/profile/delegations", _ => Json(HttpMethod.Post, "/api/profile/delegations", new DelegationInput(null, new PersonInput("d", "Dee Deputy", "dee@example.org"), new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2))), new(401, 400, 400, 400, 404)),
        new("DELETE /api/profile/delegations/{delegationId:guid}", _ => Json(HttpMethod.Delete, $"/api/profile/delegations/{Guid.NewGuid()}", null), new(401, 404, 404, 404, 404)),
    ];

    /// <summary>Mapped only for the local development sign-in (Development, no Entra settings): anonymous by design.</summary>
    private static readonly MatrixRow[] LocalRows =
    [
        new("GET /dev/users", _ => Get("/dev/users"), Public),
        new("POST /dev/sign-in", _ => Json(HttpMethod.Post, "/dev/sign-in", new LocalSignInRequest("drafter")), Public),
    ];

    public static IEnumerable<object[]> Endpoints => Rows.Select(r => new object[] { r.Endpoint });

    [TestMethod]
    public async Task EveryEndpointHasARow()
    {
        using var entra = await ApiHost.StartAsync();
        using var local = ApiHost.StartLocal();

        var missing = MappedEndpoints(entra).Except(Rows.Select(r => r.Endpoint))
            .Concat(MappedEndpoints(local).Except(Rows.Concat(LocalRows).Select(r => r.Endpoint)))
            .Distinct()
            .ToList();
        var stale = Rows.Select(r => r.Endpoint).Except(MappedEndpoints(entra)).ToList();

        Assert.AreEqual(0, missing.Count, "Endpoints without a row in the authorisation matrix: " + string.Join(", ", missing));
        Assert.AreEqual(0, stale.Count, "Rows for endpoints that no longer exist: " + string.Join(", ", stale));
    }

    [TestMethod]
    [DynamicData(nameof(Endpoints))]
    public async Task EveryCallerGetsTheExpectedStatus(string endpoint)
    {
        var row = Rows.Single(r => r.Endpoint == endpoint);
        using var host = await ApiHost.StartAsync();

        var actual = await StatusesAsync(host, row);

        Assert.AreEqual(row.Expect, actual, endpoint);
    }

    [TestMethod]
    public async Task TheLocalSignInEndpointsAreOpenToEveryCaller()
    {
        using var host = ApiHost.StartLocal();
        foreach (var row in LocalRows)
        {
            var actual = await StatusesAsync(host, row, withScenario: false);
            Assert.AreEqual(row.Expect, actual, row.Endpoint);
        }
    }

    private static async Task<Expect> StatusesAsync(ApiHost host, MatrixRow row, bool withScenario = true)
    {
        async Task<int> StatusAsync(Caller? caller)
        {
            var scenario = withScenario ? await Scenario.CreateAsync(host) : new Scenario(Guid.Empty, Guid.Empty, "\"0\"", "\"0\"", "\"0\"");
            using var client = host.ClientFor(caller);
            using var request = row.Request(scenario);
            using var response = await client.SendAsync(request);
            return (int)response.StatusCode;
        }

        return new Expect(
            await StatusAsync(null),
            await StatusAsync(Caller.Drafter),
            await StatusAsync(Caller.Approver),
            await StatusAsync(Caller.Admin),
            await StatusAsync(Caller.OtherTenant));
    }

    private static IEnumerable<string> MappedEndpoints(ApiHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => $"{method} {e.RoutePattern.RawText}"));

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Json(HttpMethod method, string url, object? body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: HttpCalls.Json);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    private static HttpRequestMessage Docx(HttpMethod method, string url, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(LetterTemplate.Default.Docx) };
        request.Content.Headers.ContentType = new(ProfilesApi.DocxContentType);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    private static HttpRequestMessage Template(string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/profile/template")
        {
            Content = HttpCalls.FileForm("wessex.docx", LetterTemplate.Default.Docx, ProfilesApi.DocxContentType),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static DraftLetterInput Letter() => new(
        null,
        null,
        null,
        [new RecipientInput("The Home Secretary", null, ["Home Office"], null)],
        "Dear Home Secretary",
        "Modern slavery",
        "Section 55 of the Police Act 1996",
        null,
        null,
        null,
        null,
        null,
        new SignatoryInput("Alex Mercer", "Police and Crime Commissioner"),
        null,
        "cc:",
        null);
}
