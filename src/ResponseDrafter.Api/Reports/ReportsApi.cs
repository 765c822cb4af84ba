using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Reports;

public static class ReportsApi
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").RequireAuthorization(Policies.Reader).WithTags("Reports");
        reports.MapGet("/", List).WithSummary("The catalogue, newest first; filter by publication date, kind and text.");
        reports.MapGet("/{id:guid}", Get).WithSummary("One report with its recommendations and statutory deadline.");
        reports.MapPost("/", Create).RequireAuthorization(Policies.ReportEditor).WithSummary("Adds a report from structured JSON.");
        reports.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.ReportEditor).WithSummary("Replaces a report (If-Match required).");
        reports.MapPost("/{id:guid}/archive", Archive).RequireAuthorization(Policies.ReportEditor).WithSummary("Archives a report (If-Match required).");
        return api;
    }

    public static async Task<Results<Ok<List<ReportSummaryDto>>, ValidationProblem>> List(
        DraftingDb db,
        TimeProvider clock,
        DateOnly? publishedFrom,
        DateOnly? publishedTo,
        string? kind,
        string? q,
        bool? includeArchived,
        CancellationToken cancellationToken)
    {
        ReportKind? wantedKind = null;
        if (kind is not null)
        {
            if (!ApiJson.TryParseEnum<ReportKind>(kind, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["Is not one of thematic, peel, super-complaint."] });
            }

            wantedKind = parsed;
        }

        var query = db.Reports.AsNoTracking();
        if (publishedFrom is { } from)
        {
            query = query.Where(r => r.PublishedOn >= from);
        }

        if (publishedTo is { } to)
        {
            query = query.Where(r => r.PublishedOn <= to);
        }

        if (wantedKind is { } k)
        {
            query = query.Where(r => r.Kind == k);
        }

        if (includeArchived != true)
        {
            query = query.Where(r => r.ArchivedAt == null);
        }

        // A catalogue is at most a few hundred reports: matching text here keeps it the same on every provider.
        var reports = await query.ToListAsync(cancellationToken);
        var today = clock.Today();
        return TypedResults.Ok(reports
            .Where(r => string.IsNullOrWhiteSpace(q) || Mentions(r, q.Trim()))
            .OrderByDescending(r => r.PublishedOn)
            .ThenBy(r => r.Title, StringComparer.Ordinal)
            .Select(r => r.AsSummary(today))
            .ToList());
    }

    public static async Task<Results<Ok<ReportDto>, NotFound>> Get(Guid id, DraftingDb db, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return TypedResults.NotFound();
        }

        response.SetETag(report.Version);
        return TypedResults.Ok(report.AsDto(clock.Today()));
    }

    public static async Task<Results<Created<ReportDto>, ValidationProblem>> Create(
        ReportInput input, DraftingDb db, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = ReportRules.Check(input);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var report = new Report { Id = Guid.CreateVersion7(), Version = 1, CreatedAt = now, UpdatedAt = now };
        input.ApplyTo(report);
        db.Reports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        response.SetETag(report.Version);
        return TypedResults.Created($"/api/reports/{report.Id}", report.AsDto(clock.Today()));
    }

    public static async Task<Results<Ok<ReportDto>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, ReportInput input, DraftingDb db, TimeProvider clock, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(request, report.Version) is { } failed)
        {
            return failed;
        }

        var errors = ReportRules.Check(input);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        input.ApplyTo(report);
        return await SaveAsync(report, db, clock, response, cancellationToken);
    }

    public static async Task<Results<Ok<ReportDto>, NotFound, ValidationProblem, ProblemHttpResult>> Archive(
        Guid id, DraftingDb db, TimeProvider clock, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(request, report.Version) is { } failed)
        {
            return failed;
        }

        report.ArchivedAt ??= clock.GetUtcNow().UtcDateTime;
        return await SaveAsync(report, db, clock, response, cancellationToken);
    }

    private static async Task<Results<Ok<ReportDto>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Report report, DraftingDb db, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        report.Version++;
        report.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed();
        }

        response.SetETag(report.Version);
        return TypedResults.Ok(report.AsDto(clock.Today()));
    }

    private static bool Mentions(Report report, string text) =>
        report.Title.Contains(text, StringComparison.CurrentCultureIgnoreCase)
        || report.Recommendations.Any(r => r.Text.Contains(text, StringComparison.CurrentCultureIgnoreCase)
            || r.SubItems.Any(s => s.Text.Contains(text, StringComparison.CurrentCultureIgnoreCase)));
}
