using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Api.Drafts;

public static class DraftRendering
{
    private static readonly TemplateLoadResult BuiltIn = new(LetterTemplate.Default, []);

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
