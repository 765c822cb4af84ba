using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Import;

namespace ResponseDrafter.Api.Imports;

/// <summary>
/// Import without re-keying: a report's recommendations from pasted text or its Word file, and the force's assurance
/// from its Word document. Previews save nothing and the import keeps no state: the confirmation re-sends the file,
/// and the server reads it again and checks it is the file previewed.
/// </summary>
public static class ImportsApi
{
    public const int MaxPastedText = 1_000_000;

    public static RouteGroupBuilder MapImports(this RouteGroupBuilder api)
    {
        api.MapPost("/imports/recommendations/preview", PreviewRecommendations).RequireAuthorization(Policies.ReportEditor).WithTags("Imports")
            .WithBodyLimit(RequestLimits.Upload).RequireRateLimiting(RateLimits.Imports)
            .Accepts<RecommendationPasteInput>("application/json", "multipart/form-data")
            .WithMetadata(new MultipartForm(typeof(RecommendationUploadForm)))
            .WithSummary("Reads recommendations from pasted report text, or the report's PDF or .docx, into a preview; nothing is saved.")
            .WithDescription("Pasted text as application/json {text}, or the report as multipart/form-data with its PDF or .docx in a part named \"file\". " +
                "From a PDF the preview also gives the page each recommendation is on, and the title and publication date when its first pages show them. " +
                "The preview's recommendations have the shape POST /api/reports accepts: confirm by posting them, corrected, with the title and date.");

        var imports = api.MapGroup("/drafts/{id:guid}/assurance-import").RequireAuthorization(Policies.Drafter).WithTags("Imports")
            .WithBodyLimit(RequestLimits.Upload).RequireRateLimiting(RateLimits.Imports);
        imports.MapPost("/preview", PreviewAssurance)
            .Accepts<AssurancePreviewForm>("multipart/form-data")
            .WithSummary("Reads the force's .docx into sections and proposes which answer each selected recommendation; nothing is saved.")
            .WithDescription("Multipart: the .docx in a part named \"file\". Returns the sections, the proposed mapping with reasons, the sections " +
                "left unmapped, the file's SHA-256, and for assurance recorded from an earlier file, what the proposal would change. With an optional " +
                "\"mapping\" part (JSON, as when confirming) the changes are those of the drafter's chosen sections instead.");
        imports.MapPost("/", ConfirmAssurance)
            .Accepts<AssuranceConfirmForm>("multipart/form-data")
            .WithSummary("Sets each chosen recommendation's assurance from its sections of the force's .docx (If-Match required).")
            .WithDescription("Multipart: the same file again (\"file\"), \"sha256\" from the preview, \"suppliedBy\", and \"mapping\", a JSON object " +
                "from each ref to its section ids. All the assurances are saved together, or none.");
        return api;
    }

    public static async Task<Results<Ok<RecommendationPreviewDto>, ValidationProblem, ProblemHttpResult>> PreviewRecommendations(
        HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasJsonContentType())
        {
            var (input, unreadable) = await ApiJson.ReadAsync<RecommendationPasteInput>(request, cancellationToken);
            if (unreadable is not null)
            {
                return TypedResults.ValidationProblem(unreadable);
            }

            if (string.IsNullOrWhiteSpace(input?.Text))
            {
                return Invalid("text", "Is required: the recommendations as copied from the report.");
            }

            if (input.Text.Length > MaxPastedText)
            {
                return Invalid("text", $"Is longer than {MaxPastedText:N0} characters. Paste only the recommendations, or upload the report as a Word document.");
            }

            return TypedResults.Ok(Preview(RecommendationImport.Parse(input.Text), null));
        }

        if (!request.HasFormContentType)
        {
            return Problems.UnsupportedMediaType(
                "Send pasted text as application/json {\"text\": …}, or the report as multipart/form-data with its PDF or .docx in a part named \"file\".");
        }

        var (file, errors) = await Uploads.ReadFileAsync(await request.ReadFormAsync(cancellationToken), cancellationToken);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (PdfReport.LooksLikePdf(file!.Bytes))
        {
            var pdf = PdfReport.Read(file.Bytes, file.FileName);
            return pdf.Refusal is { } refused ? Uploads.Refused(refused)
                : TypedResults.Ok(Preview(pdf.Preview!, file.FileName) with { Pages = pdf.Pages, Title = pdf.Title, PublishedOn = pdf.PublishedOn });
        }

        var read = RecommendationImport.ParseWord(file.Bytes, file.FileName);
        return read.Refusal is { } refusal ? Uploads.Refused(refusal) : TypedResults.Ok(Preview(read.Preview!, file.FileName));
    }

    public static async Task<Results<Ok<AssurancePreviewDto>, NotFound, ValidationProblem, ProblemHttpResult>> PreviewAssurance(
        Guid id, DraftingDb db, HttpRequest request, CancellationToken cancellationToken)
    {
        var draft = await DraftWrites.LoadAsync(db, id, tracked: false, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        if (!request.HasFormContentType)
        {
            return Uploads.NotMultipart();
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var (file, errors) = await Uploads.ReadFileAsync(form, cancellationToken);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var read = AssuranceImport.Read(file!.Bytes, file.FileName);
        if (read.Refusal is { } refusal)
        {
            return Uploads.Refused(refusal);
        }

        var document = read.Document!;
        var proposal = AssuranceMapping.Propose(draft, document);
        var compared = AssuranceMapping.Proposed(proposal);
        if (form.ContainsKey("mapping"))
        {
            // The drafter changed the ticks: compare what they chose instead of what was proposed.
            var (chosen, mappingErrors) = AssuranceMapping.Check(form["mapping"].ToString(), draft.Report!, document);
            if (mappingErrors.Any)
            {
                return TypedResults.ValidationProblem(mappingErrors.ToDictionary());
            }

            compared = chosen;
        }

        return TypedResults.Ok(new AssurancePreviewDto(
            document.FileName, document.Sha256, draft.Version, document.Sections, proposal.Mappings, proposal.Unmapped,
            AssuranceMapping.Revisions(draft, document, compared)));
    }

    public static async Task<Results<Ok<DraftDto>, NotFound, ValidationProblem, ProblemHttpResult>> ConfirmAssurance(
        Guid id, DraftingDb db, IMemoryCache templates, TimeProvider clock, CurrentPerson caller, HttpRequest request, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var draft = await DraftWrites.LoadAsync(db, id, tracked: true, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(request, draft.Version) is { } failed)
        {
            return failed;
        }

        if (!request.HasFormContentType)
        {
            return Uploads.NotMultipart();
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var (file, errors) = await Uploads.ReadFileAsync(form, cancellationToken);
        var suppliedBy = form["suppliedBy"].ToString();
        errors.Required("suppliedBy", suppliedBy, 500);
        var sha256 = form["sha256"].ToString().Trim();
        if (sha256.Length == 0)
        {
            errors.Add("sha256", "Is required: the sha256 the preview returned, so that the file confirmed is the file previewed.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var read = AssuranceImport.Read(file!.Bytes, file.FileName);
        if (read.Refusal is { } refusal)
        {
            return Uploads.Refused(refusal);
        }

        var document = read.Document!;
        if (!string.Equals(document.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Unprocessable("The file is not the one previewed; nothing was saved.", new Dictionary<string, string[]>
            {
                ["file"] = [$"\"{document.FileName}\" is not the file that was previewed: its SHA-256 differs. Preview it again, check the mapping, then confirm."],
            });
        }

        var (chosen, mappingErrors) = AssuranceMapping.Check(form["mapping"].ToString(), draft.Report!, document);
        if (!mappingErrors.Any && chosen.Values.All(ids => ids.Count == 0))
        {
            mappingErrors.Add("mapping", "Choose at least one section for at least one recommendation.");
        }

        if (mappingErrors.Any)
        {
            return TypedResults.ValidationProblem(mappingErrors.ToDictionary());
        }

        var (assurances, tooLong) = AssuranceMapping.Compose(document, chosen, suppliedBy.Trim(), clock.Today());
        if (tooLong.Any)
        {
            return TypedResults.ValidationProblem(tooLong.ToDictionary());
        }

        AssuranceMapping.Apply(draft, assurances);
        var what = $"The assurance for {string.Join(", ", assurances.Keys)} (imported from \"{document.FileName}\")";
        return await DraftWrites.SaveAsync(draft, db, templates, clock, caller, what, response, cancellationToken);
    }

    private static RecommendationPreviewDto Preview(RecommendationPreview preview, string? fileName) =>
        new(preview.Recommendations, preview.Warnings, preview.Unplaced, preview.Removed, preview.Joins, fileName)
        {
            Questions = preview.Questions,
        };

    private static ValidationProblem Invalid(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });
}
