using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Api.Profiles;

public static class ProfilesApi
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static RouteGroupBuilder MapProfile(this RouteGroupBuilder api)
    {
        var profile = api.MapGroup("/profile").RequireAuthorization(Policies.Reader).WithTags("Profile");
        profile.MapGet("/", Get).WithSummary("The caller's OPCC profile.");
        profile.MapPut("/", Put).RequireAuthorization(Policies.Admin)
            .WithSummary("Creates the profile (no If-Match) or replaces it (If-Match required).");
        profile.MapGet("/template", GetTemplate).WithSummary("The template letters are rendered with: the uploaded one, or the built-in one.")
            .Produces(StatusCodes.Status200OK, contentType: DocxContentType);
        profile.MapPut("/template", PutTemplate).RequireAuthorization(Policies.Admin).WithBodyLimit(RequestLimits.Upload).RequireRateLimiting(RateLimits.Uploads)
            .Accepts<TemplateUpload>("multipart/form-data")
            .WithSummary("Uploads a .docx template (part \"file\"); every problem is returned and nothing is stored if any (If-Match required).");
        profile.MapDelete("/template", DeleteTemplate).RequireAuthorization(Policies.Admin)
            .WithSummary("Goes back to the built-in template (If-Match required).");
        return api;
    }

    public static async Task<Results<Ok<ProfileDto>, NotFound>> Get(DraftingDb db, HttpResponse response, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return TypedResults.NotFound();
        }

        response.SetETag(profile.Version);
        return TypedResults.Ok(profile.AsDto(await TemplateInfoAsync(db, cancellationToken)));
    }

    public static async Task<Results<Ok<ProfileDto>, Created<ProfileDto>, ValidationProblem, ProblemHttpResult>> Put(
        ProfileInput input, DraftingDb db, TimeProvider clock, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.FirstOrDefaultAsync(cancellationToken);
        if (profile is not null && Preconditions.Check(request, profile.Version) is { } failed)
        {
            return failed;
        }

        var errors = ProfileRules.Check(input);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var created = profile is null;
        if (profile is null)
        {
            profile = new Profile();
            db.Profiles.Add(profile);
        }

        input.ApplyTo(profile);
        profile.Version++;
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (created)
        {
            return Problems.Conflict("The profile already exists", "Someone else created it at the same moment: read it, then send your change with its ETag.");
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed();
        }

        response.SetETag(profile.Version);
        var dto = profile.AsDto(await TemplateInfoAsync(db, cancellationToken));
        return created ? TypedResults.Created("/api/profile", dto) : TypedResults.Ok(dto);
    }

    public static async Task<FileContentHttpResult> GetTemplate(DraftingDb db, HttpResponse response, CancellationToken cancellationToken)
    {
        var custom = await db.ProfileTemplates.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        response.Headers["X-Template-Source"] = custom.AsInfo().Source;
        return custom is null
            ? TypedResults.File(LetterTemplate.Default.Docx, DocxContentType, "section55-built-in.docx")
            : TypedResults.File(custom.Docx, DocxContentType, custom.FileName);
    }

    public static async Task<Results<Ok<ProfileDto>, NotFound, ValidationProblem, ProblemHttpResult>> PutTemplate(
        DraftingDb db, TimeProvider clock, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.FirstOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(request, profile.Version) is { } failed)
        {
            return failed;
        }

        if (!request.HasFormContentType)
        {
            return Problems.UnsupportedMediaType("Upload the template as multipart/form-data, the .docx in a part named \"file\".");
        }

        var file = (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Is required: the .docx template, as a part named \"file\"."] });
        }

        if (Path.GetFileName(file.FileName).Length > 255)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Has a file name longer than 255 characters."] });
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var docx = buffer.ToArray();
        var loaded = LetterTemplate.Load(docx, Path.GetFileName(file.FileName));
        if (loaded.Refusal is { } refusal)
        {
            return Uploads.Refused(refusal, TemplateProblems(loaded.Problems));
        }

        if (loaded.Problems.Count > 0 || loaded.Template is null)
        {
            return Problems.Unprocessable("The template has problems; nothing was stored.", TemplateProblems(loaded.Problems));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var template = await db.ProfileTemplates.FirstOrDefaultAsync(cancellationToken);
        if (template is null)
        {
            template = new ProfileTemplate();
            db.ProfileTemplates.Add(template);
        }

        template.Docx = docx;
        template.FileName = Path.GetFileName(file.FileName);
        template.Sha256 = Convert.ToHexStringLower(SHA256.HashData(docx));
        template.UploadedAt = now;
        return await SaveAsync(profile, template, db, now, response, cancellationToken);
    }

    public static async Task<Results<Ok<ProfileDto>, NotFound, ValidationProblem, ProblemHttpResult>> DeleteTemplate(
        DraftingDb db, TimeProvider clock, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.FirstOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(request, profile.Version) is { } failed)
        {
            return failed;
        }

        if (await db.ProfileTemplates.FirstOrDefaultAsync(cancellationToken) is { } template)
        {
            db.ProfileTemplates.Remove(template);
        }

        return await SaveAsync(profile, null, db, clock.GetUtcNow().UtcDateTime, response, cancellationToken);
    }

    public static IDictionary<string, string[]> TemplateProblems(IEnumerable<TemplateProblem> problems) => problems
        .GroupBy(p => string.IsNullOrWhiteSpace(p.Tag) ? "template" : p.Tag, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(p => string.IsNullOrWhiteSpace(p.Location) ? p.Message : $"{p.Location}: {p.Message}").ToArray(), StringComparer.Ordinal);

    private static async Task<Results<Ok<ProfileDto>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Profile profile, ProfileTemplate? template, DraftingDb db, DateTime now, HttpResponse response, CancellationToken cancellationToken)
    {
        profile.Version++;
        profile.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed();
        }

        response.SetETag(profile.Version);
        return TypedResults.Ok(profile.AsDto(template.AsInfo()));
    }

    /// <summary>What the profile says about its template, without loading the template's bytes.</summary>
    private static async Task<TemplateInfo> TemplateInfoAsync(DraftingDb db, CancellationToken cancellationToken) =>
        await db.ProfileTemplates.AsNoTracking()
            .Select(t => new TemplateInfo("custom", t.FileName, t.Sha256, DateTime.SpecifyKind(t.UploadedAt, DateTimeKind.Utc)))
            .FirstOrDefaultAsync(cancellationToken) ?? ProfileMapping.BuiltIn;
}

/// <summary>The multipart form of a template upload, as OpenAPI describes it.</summary>
public sealed record TemplateUpload(IFormFile File);
