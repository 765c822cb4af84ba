using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Cli;

/// <summary>
/// <c>import FILE [-o OUT.json]</c>: a report's recommendations from pasted text, its .docx or its PDF, written as the
/// report JSON that POST /api/reports takes, with every <c>decidedAddressee</c> null. Warnings, the questions of who answers
/// a recommendation that names no addressee or only "the police", joined words and unplaced text go to stderr.
/// </summary>
internal static class ImportCommand
{
    public static int Run(string path, string? outputPath, TextWriter stdout, TextWriter stderr)
    {
        if (Commands.ReadBytes(path, stderr) is not { } bytes)
        {
            return ExitCodes.Usage;
        }

        var (preview, title, publishedOn, refusal) = Read(bytes, Path.GetFileName(path));
        if (refusal is not null)
        {
            stderr.WriteLine($"{path}: refused ({JsonNamingPolicy.KebabCaseLower.ConvertName(refusal.Code.ToString())}): {refusal.Message}");
            return ExitCodes.Problems;
        }

        foreach (var warning in preview!.Warnings)
        {
            stderr.WriteLine($"warning: {path}:{warning.Line}: {warning.Message}");
        }

        foreach (var question in preview.Questions)
        {
            var line = preview.Found.FirstOrDefault(f => f.Number == question.Recommendation)?.Line ?? 1;
            stderr.WriteLine($"question: {path}:{line}: {question.Question} Set its \"decidedAddressee\" to force, commissioner, both or noted (noted only).");
        }

        foreach (var join in preview.Joins)
        {
            stderr.WriteLine($"note: {path}:{join.Line}: joined \"{join.AsPrinted}\" as \"{join.Joined}\"");
        }

        foreach (var unplaced in preview.Unplaced)
        {
            stderr.WriteLine($"note: {path}:{unplaced.FirstLine}: not placed in any recommendation: {Shorten(unplaced.Text)}");
        }

        if (preview.Recommendations.Count == 0)
        {
            stderr.WriteLine($"{path}: no recommendations were found; nothing was written");
            return ExitCodes.Problems;
        }

        var json = Encoding.UTF8.GetBytes(Report(preview, title, publishedOn).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        if (outputPath is null)
        {
            stdout.Write(Encoding.UTF8.GetString(json));
        }
        else if (Commands.TryWrite(outputPath, json, stderr))
        {
            stdout.WriteLine($"wrote {outputPath}: {preview.Recommendations.Count} recommendations");
        }
        else
        {
            return ExitCodes.Usage;
        }

        return preview.Warnings.Count > 0 || preview.Questions.Count > 0 ? ExitCodes.Warnings : ExitCodes.Success;
    }

    /// <summary>A PDF or a Word file by what it starts with, anything else as UTF-8 text.</summary>
    private static (RecommendationPreview? Preview, string? Title, DateOnly? PublishedOn, UploadRefusal? Refusal) Read(byte[] bytes, string fileName)
    {
        if (PdfReport.LooksLikePdf(bytes))
        {
            var pdf = PdfReport.Read(bytes, fileName);
            return (pdf.Preview, pdf.Title, pdf.PublishedOn, pdf.Refusal);
        }

        if (bytes.AsSpan().StartsWith("PK"u8) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            var word = RecommendationImport.ParseWord(bytes, fileName);
            return (word.Preview, null, null, word.Refusal);
        }

        return (RecommendationImport.Parse(new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF')), null, null, null);
    }

    /// <summary>The report in the shape of POST /api/reports (and shared/examples/hidden-victims-2021.json); title and date null when not read.</summary>
    private static JsonObject Report(RecommendationPreview preview, string? title, DateOnly? publishedOn) => new()
    {
        ["title"] = title,
        ["publishedOn"] = publishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["recommendations"] = new JsonArray([.. preview.Recommendations.Select(Recommendation)]),
    };

    private static JsonObject Recommendation(Recommendation recommendation) => new()
    {
        ["number"] = recommendation.Number,
        ["kind"] = JsonNamingPolicy.KebabCaseLower.ConvertName(recommendation.Kind.ToString()),
        ["addressees"] = new JsonArray([.. recommendation.Addressees.Select(a => (JsonNode?)a)]),
        ["text"] = recommendation.Text,
        ["decidedAddressee"] = Decision(recommendation.DecidedAddressee),
        ["subItems"] = new JsonArray([.. recommendation.SubItems.Select(s => (JsonNode?)new JsonObject
        {
            ["label"] = s.Label,
            ["text"] = s.Text,
            ["addressees"] = new JsonArray([.. s.Addressees.Select(a => (JsonNode?)a)]),
            ["decidedAddressee"] = Decision(s.DecidedAddressee),
        })]),
    };

    private static string? Decision(AddresseeDecision? decision) =>
        decision is { } decided ? JsonNamingPolicy.KebabCaseLower.ConvertName(decided.ToString()) : null;

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 79), "…");
}
