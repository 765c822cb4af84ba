using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Api.Drafts;

public static class DraftRendering
{
    /// <summary>The tenant's uploaded template (validated again, as a stored file might predate a rule), or the built-in one.</summary>
    public static async Task<TemplateLoadResult> TemplateAsync(DraftingDb db, CancellationToken cancellationToken)
    {
        var custom = await db.ProfileTemplates.AsNoTracking().Select(t => t.Docx).FirstOrDefaultAsync(cancellationToken);
        return custom is null ? new TemplateLoadResult(LetterTemplate.Default, []) : LetterTemplate.Load(custom);
    }

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
