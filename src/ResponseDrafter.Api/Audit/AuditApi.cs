using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Audit;

/// <summary>The audit trail for the OPCC's records: per draft, or everything, as JSON (with its verification) or CSV.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/drafts/{id:guid}/audit", ForDraft).RequireAuthorization(Policies.Reader).WithTags("Audit")
            .WithSummary("One draft's audit trail, checked link by link; ?format=csv for a spreadsheet.")
            .Produces<AuditDto>().Produces(StatusCodes.Status200OK, contentType: "text/csv");
        api.MapGet("/audit", Everything).RequireAuthorization(Policies.Admin).WithTags("Audit")
            .WithSummary("Every audit entry of the OPCC (drafts and profile), each stream checked; ?format=csv for a spreadsheet.")
            .Produces<AuditDto>().Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return api;
    }

    public static async Task<Results<Ok<AuditDto>, FileContentHttpResult, NotFound>> ForDraft(Guid id, string? format, DraftingDb db, CancellationToken cancellationToken)
    {
        var stream = AuditTrail.DraftStream(id);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Stream == stream).OrderBy(e => e.Seq).ToListAsync(cancellationToken);
        if (entries.Count == 0 && !await db.Drafts.AnyAsync(d => d.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return Answer(entries, format, $"audit-draft-{id}.csv");
    }

    public static async Task<Results<Ok<AuditDto>, FileContentHttpResult, NotFound>> Everything(string? format, DraftingDb db, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Stream).ThenBy(e => e.Seq).ToListAsync(cancellationToken);
        return Answer(entries, format, "audit.csv");
    }

    private static Results<Ok<AuditDto>, FileContentHttpResult, NotFound> Answer(List<AuditEntry> entries, string? format, string fileName)
    {
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AuditTrail.ToCsv(entries))).ToArray(), "text/csv; charset=utf-8", fileName);
        }

        var verification = entries.GroupBy(e => e.Stream, StringComparer.Ordinal)
            .Select(g => AuditTrail.Verify([.. g]))
            .FirstOrDefault(v => !v.Intact) ?? new AuditVerification(true, null, null);
        return TypedResults.Ok(new AuditDto(entries.Select(e => e.AsDto()).ToList(), verification));
    }
}
