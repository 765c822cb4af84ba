using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Api.Drafts;

/// <summary>Where a draft's letter is assembled from its record: the one place that reads the profile, report and template to do it.</summary>
public static class DraftRendering
{
    private static readonly TemplateLoadResult BuiltIn = new(LetterTemplate.Default, []);

    /// <summary>
    /// The draft's record assembled as a document for editing, with the tenant's template and profile as they are now;
    /// or the problem that stops it (no profile, a broken template, text the letter cannot print).
    /// </summary>
    public static async Task<(byte[]? Docx, ProblemHttpResult? Problem)> RenderAsync(
        DraftingDb db, IMemoryCache templates, Draft draft, DateOnly today, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return (null, NoProfile());
        }

        var template = await TemplateAsync(db, templates, cancellationToken);
        if (template.Template is null)
        {
            return (null, Problems.Unprocessable("The OPCC's template has problems; upload a corrected one.", ProfilesApi.TemplateProblems(template.Problems)));
        }

        var letter = DraftLetter.Build(draft, draft.Report!, profile, today);
        var result = LetterAssembler.Assemble(letter, template.Template, LetterForm.Editing);
        return result.Letter is null
            ? (null, Problems.Unprocessable("The draft cannot be made into a letter yet.", DraftLetter.Errors(result.Problems, letter)))
            : (result.Letter.Docx, null);
    }

    public static ProblemHttpResult NoProfile() => Problems.Conflict(
        "The OPCC profile is not set up",
        "An administrator must set up the profile (letterhead, commissioner, recipients) before drafts can be started or rendered.");

    /// <summary>
    /// The tenant's uploaded template, or the built-in one. An uploaded template is validated again (a stored file
    /// might predate a rule) and compiled once per content and process, keyed by the SHA-256 recorded at upload:
    /// rules only change with a new build, and a replaced template has a new hash.
    /// </summary>
    public static async Task<TemplateLoadResult> TemplateAsync(DraftingDb db, IMemoryCache loaded, CancellationToken cancellationToken)
    {
        var sha256 = await db.ProfileTemplates.AsNoTracking().Select(t => t.Sha256).FirstOrDefaultAsync(cancellationToken);
        if (sha256 is null)
        {
            return BuiltIn;
        }

        if (loaded.TryGetValue(CacheKey(sha256), out TemplateLoadResult? cached))
        {
            return cached!;
        }

        // Read the hash with the bytes, so that a template replaced between the two queries is cached under its own hash.
        var stored = await db.ProfileTemplates.AsNoTracking().Select(t => new { t.Sha256, t.Docx }).FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return BuiltIn;
        }

        var result = LetterTemplate.Load(stored.Docx);
        loaded.Set(CacheKey(stored.Sha256), result, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30) });
        return result;
    }

    private static string CacheKey(string sha256) => "letter-template:" + sha256;

    /// <summary>"Response - The hidden victims (v3).docx": the report's title, safe on every file system.</summary>
    public static string FileNameFor(Report report, int version)
    {
        var title = new StringBuilder();
        foreach (var c in report.Title)
        {
            title.Append(char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'' or ',' ? c : ' ');
        }

        var words = title.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var shortTitle = string.Join(' ', words).Length > 80 ? string.Join(' ', words)[..80].TrimEnd() : string.Join(' ', words);
        return string.Create(CultureInfo.InvariantCulture, $"Response - {shortTitle} (v{version}).docx");
    }
}
