using System.Globalization;
using System.Text;

namespace ResponseDrafter.Api.Outbox;

/// <summary>Where a draft's files go in the document store: one folder per draft, named after its report.</summary>
public static class LetterFiles
{
    private const int MaxSlug = 60;

    /// <summary><c>ResponseDrafter/the-hidden-victims-report-0193a1b2</c>: the title for people, a short id so that
    /// two drafts answering one report never share a folder.</summary>
    public static string Folder(string reportTitle, Guid draftId) =>
        string.Create(CultureInfo.InvariantCulture, $"ResponseDrafter/{Slug(reportTitle)}-{draftId.ToString("N")[..8]}");

    public static string Version(string reportTitle, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{Slug(reportTitle)}-v{number}.docx");

    public static string SignedDocx(string reportTitle) => $"{Slug(reportTitle)}-signed.docx";

    public static string SignedPdf(string reportTitle) => $"{Slug(reportTitle)}-signed.pdf";

    /// <summary>The web version, beside the PDF: one self-contained HTML page.</summary>
    public static string SignedWeb(string reportTitle) => $"{Slug(reportTitle)}-signed.html";

    /// <summary>Lower-case ASCII letters and digits joined by single hyphens: safe in SharePoint, OneDrive and every file system.</summary>
    public static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                if (slug.Length > 0 && slug[^1] != '-')
                {
                    slug.Append('-');
                }
            }
        }

        var text = slug.ToString().Trim('-');
        text = text.Length > MaxSlug ? text[..MaxSlug].TrimEnd('-') : text;
        return text.Length > 0 ? text : "response";
    }
}
