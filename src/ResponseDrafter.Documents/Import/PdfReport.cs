using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace ResponseDrafter.Documents.Import;

/// <summary>Limits on an uploaded PDF, checked as it is read.</summary>
public sealed record PdfLimits
{
    public static PdfLimits Default { get; } = new();

    /// <summary>The most the file may weigh, as for a Word upload (HMICFRS's reports are a few MB).</summary>
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>The most pages (the longest inspection reports run to about 250).</summary>
    public int MaxPages { get; init; } = 600;

    /// <summary>The longest the text may take to read, all pages together.</summary>
    public TimeSpan MaxReadTime { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How deeply the file's objects may nest before it is refused rather than read.</summary>
    public int MaxStackDepth { get; init; } = 100;
}

/// <summary>Where a recommendation was found in the PDF: its number and the 1-based page its heading is on.</summary>
public sealed record RecommendationPage(string Number, int Page);

/// <summary>
/// A report read from its PDF: the same preview as pasted text, with the page each recommendation was found on, and the
/// title and publication date when the first pages give them. Exactly one of <see cref="Preview"/> and <see cref="Refusal"/> is set.
/// </summary>
public sealed record PdfReportUpload(
    RecommendationPreview? Preview,
    IReadOnlyList<RecommendationPage> Pages,
    string? Title,
    DateOnly? PublishedOn,
    UploadRefusal? Refusal);

/// <summary>
/// Reads a report published as PDF with PdfPig: each page's text in content order, pages separated by a form feed, so that
/// the pasted-text reader finds the recommendations and takes out page numbers and running headers and footers as it
/// does for text copied from a PDF. Line numbers in the preview count lines of that text.
/// </summary>
public static partial class PdfReport
{
    public static bool LooksLikePdf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    public static PdfReportUpload Read(byte[]? bytes, string? fileName, PdfLimits? limits = null)
    {
        limits ??= PdfLimits.Default;
        var name = string.IsNullOrWhiteSpace(fileName) ? "The file" : $"\"{Path.GetFileName(fileName)}\"";
        if (bytes is null || bytes.Length == 0)
        {
            return Refused(new(UploadRefusalCode.Empty, $"{name} is empty."));
        }

        if (bytes.Length > limits.MaxBytes)
        {
            return Refused(new(UploadRefusalCode.TooLarge, $"{name} is larger than {limits.MaxBytes / (1024 * 1024)} MB. Upload the report as HMICFRS publishes it, or paste its recommendations."));
        }

        if (!LooksLikePdf(bytes))
        {
            return Refused(new(UploadRefusalCode.Malformed, $"{name} is not a PDF (it does not start as one). Upload the report's PDF or Word document."));
        }

        try
        {
            return ReadPages(bytes, name, limits);
        }
        catch (PdfDocumentEncryptedException)
        {
            return Encrypted(name);
        }
        catch (PdfDocumentStackDepthException)
        {
            return Refused(new(UploadRefusalCode.PdfTooComplex, $"{name} nests its contents more deeply than a report does, so it was not read. Save it again from the original, or paste the recommendations."));
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException
            or InvalidCastException or NullReferenceException or KeyNotFoundException or FormatException or OverflowException or EndOfStreamException)
        {
            // PdfPig reports a damaged file with whatever exception the damage leads to.
            return Damaged(name);
        }
    }

    private static PdfReportUpload ReadPages(byte[] bytes, string name, PdfLimits limits)
    {
        using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, MaxStackDepth = limits.MaxStackDepth });
        if (document.IsEncrypted)
        {
            return Encrypted(name);
        }

        if (document.NumberOfPages == 0)
        {
            return Damaged(name);
        }

        if (document.NumberOfPages > limits.MaxPages)
        {
            return Refused(new(UploadRefusalCode.TooManyPages, $"{name} has {document.NumberOfPages:N0} pages, more than the {limits.MaxPages:N0} a report may have here. Paste the recommendations instead."));
        }

        var clock = Stopwatch.StartNew();
        var text = new StringBuilder();
        var pageOfLine = new List<int>();
        for (var page = 1; page <= document.NumberOfPages; page++)
        {
            if (clock.Elapsed > limits.MaxReadTime)
            {
                return Refused(new(UploadRefusalCode.PdfTooComplex, $"{name} took longer than {limits.MaxReadTime.TotalSeconds:N0} seconds to read, so reading stopped. Paste the recommendations instead."));
            }

            // A form feed opens each page after the first, so the reader knows a page's first and last lines are at its edges.
            text.Append(page > 1 ? "\f" : string.Empty);
            foreach (var line in ContentOrderTextExtractor.GetText(document.GetPage(page)).Split('\n'))
            {
                text.Append(line.TrimEnd('\r')).Append('\n');
                pageOfLine.Add(page);
            }
        }

        var all = text.ToString();
        var preview = RecommendationImport.Parse(all);
        var pages = preview.Found
            .Select(f => new RecommendationPage(f.Number, f.Line - 1 < pageOfLine.Count ? pageOfLine[f.Line - 1] : pageOfLine[^1]))
            .ToList();
        var opening = all.Split('\f');
        return new PdfReportUpload(preview, pages, Title(document, opening), PublishedOn(string.Join('\n', opening.Take(2))), null);
    }

    /// <summary>
    /// The document's own title, unless it is a file name or a placeholder; else the first page's lines above its
    /// "Published …" line, leaving out those the second page repeats (a running header) and page numbers; else none (the
    /// drafter types it).
    /// </summary>
    private static string? Title(PdfDocument document, string[] pages)
    {
        var title = document.Information.Title?.Trim();
        if (!string.IsNullOrEmpty(title) && title.Length <= 300 && !title.Contains(".doc", StringComparison.OrdinalIgnoreCase)
            && !title.Equals("untitled", StringComparison.OrdinalIgnoreCase))
        {
            return title;
        }

        var lines = pages[0].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var published = lines.FindIndex(l => PublishedPattern().IsMatch(l));
        var repeated = pages.Length > 1 ? pages[1].Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal) : [];
        var above = lines.Take(published < 0 ? 0 : published).Where(l => !repeated.Contains(l) && !l.All(char.IsDigit)).ToList();
        var joined = string.Join(' ', above);
        return joined.Length is > 0 and <= 300 ? joined : null;
    }

    /// <summary>"Published 12 March 2024" or "Publication date: 12 March 2024" on the first pages.</summary>
    private static DateOnly? PublishedOn(string opening) =>
        PublishedPattern().Match(opening) is { Success: true } match
        && DateOnly.TryParseExact(Regex.Replace(match.Groups["date"].Value, @"(\d)(st|nd|rd|th)\b", "$1"), ["d MMMM yyyy", "d MMM yyyy"], CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var date)
            ? date
            : null;

    private static PdfReportUpload Damaged(string name) =>
        Refused(new(UploadRefusalCode.Malformed, $"{name} is damaged and its text cannot be read. Download the report again, or paste the recommendations."));

    private static PdfReportUpload Encrypted(string name) => Refused(new(UploadRefusalCode.EncryptedPdf,
        $"{name} is encrypted, so its text cannot be read reliably. Download the report again from the HMICFRS website (its PDFs are not encrypted), or paste the recommendations."));

    private static PdfReportUpload Refused(UploadRefusal refusal) => new(null, [], null, null, refusal);

    [GeneratedRegex(@"\bPublished(?:\s+on)?:?\s+(?<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4})|\bPublication date:?\s+(?<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4})", RegexOptions.None, 1000)]
    private static partial Regex PublishedPattern();
}
