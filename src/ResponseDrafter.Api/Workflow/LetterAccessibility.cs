using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Documents.Publication;

namespace ResponseDrafter.Api.Workflow;

/// <param name="Severity">"error" (submission is refused until it is fixed) or "advice" (Word's warnings and tips).</param>
/// <param name="Where">The part of the letter in plain words ("Commentary", "Logo", "Page header").</param>
/// <param name="Excerpt">The start of the paragraph's text, or the picture's name, to find it by in Word.</param>
public sealed record AccessibilityFindingDto(string Code, string Severity, string Message, string Fix, string? Region, string Where, string? Excerpt);

/// <param name="Sha256">The document checked (the draft's current document, as Word last saved it).</param>
/// <param name="Passes">No errors: the letter may be submitted (advice does not block).</param>
public sealed record AccessibilityDto(string Sha256, bool Passes, List<AccessibilityFindingDto> Findings);

/// <summary>The accessibility check (<see cref="AccessibilityCheck"/>) on a draft's document: shown before submission, and binding on it.</summary>
public static class LetterAccessibility
{
    /// <summary>GET …/document/accessibility: the findings for the draft's current document. Nothing is saved.</summary>
    public static async Task<Results<Ok<AccessibilityDto>, NotFound, ProblemHttpResult>> Get(
        Guid id, DraftingDb db, IMemoryCache cache, TimeProvider clock, CancellationToken cancellationToken)
    {
        var draft = await DraftWrites.LoadAsync(db, id, tracked: false, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        var (docx, problem) = await DraftDocuments.BytesAsync(db, cache, draft, clock, cancellationToken);
        if (docx is null)
        {
            return problem!;
        }

        var sha256 = DraftDocument.HashOf(docx);
        var findings = Findings(docx, sha256, cache);
        return TypedResults.Ok(new AccessibilityDto(sha256, !AccessibilityCheck.Fails(findings), [.. findings.Select(AsDto)]));
    }

    /// <summary>
    /// 409 (as for an incomplete letter: the document, not the request, stands in the way) naming every error (with the advice alongside) when <paramref name="docx"/> fails the check; null when it passes.
    /// A document never changes under its hash, so its findings are kept for a while: the pane asks before it submits.
    /// </summary>
    public static ProblemHttpResult? Refusal(byte[] docx, IMemoryCache cache)
    {
        var findings = Findings(docx, DraftDocument.HashOf(docx), cache);
        if (!AccessibilityCheck.Fails(findings))
        {
            return null;
        }

        var errors = findings.Count(f => f.IsError);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The letter is not accessible yet",
            detail: $"Word's Accessibility Checker would find {errors} {(errors == 1 ? "error" : "errors")} in the document. " +
                "Fix each one in Word (the list says where), then submit again. Nothing was submitted; the draft is as you saved it.",
            extensions: new Dictionary<string, object?> { ["accessibility"] = findings.Select(AsDto).ToList() });
    }

    private static IReadOnlyList<AccessibilityFinding> Findings(byte[] docx, string sha256, IMemoryCache cache) =>
        cache.GetOrCreate("draft-accessibility:" + sha256, entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return AccessibilityCheck.Check(docx);
        })!;

    private static AccessibilityFindingDto AsDto(AccessibilityFinding f) =>
        new(f.Code, f.IsError ? "error" : "advice", f.Message, f.Fix, f.Region, f.Where, f.Excerpt);
}
