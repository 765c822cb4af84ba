using System.Security.Cryptography;
using System.Text;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Drafts;

/// <summary>An assurance as received: its text plus what the server itself recorded about the bytes.</summary>
public sealed record ReceivedAssurance(string Text, string SuppliedBy, AssurancePresentation Presentation, string? Summary, DateOnly ReceivedOn, string? SourceFileName, string Sha256);

/// <summary>Either the received assurance, or the problem to answer with.</summary>
public sealed record AssuranceReceiptResult(ReceivedAssurance? Assurance, IResult? Problem);

/// <summary>
/// Reads an assurance for one recommendation from pasted JSON or from the force's uploaded text file. The force's
/// Word document answers several recommendations at once, so it goes through the import (Imports/ImportsApi).
/// </summary>
public static class AssuranceReceipt
{
    public const int MaxText = 200_000;

    private static readonly string[] TextTypes = ["text/plain", "text/markdown", "text/x-markdown"];
    private static readonly string[] TextExtensions = [".txt", ".md", ".markdown"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<AssuranceReceiptResult> ReadAsync(HttpRequest request, DateOnly today, CancellationToken cancellationToken)
    {
        if (request.HasJsonContentType())
        {
            return await ReadPastedAsync(request, today, cancellationToken);
        }

        if (request.HasFormContentType)
        {
            return await ReadUploadAsync(request, today, cancellationToken);
        }

        return new(null, Problems.UnsupportedMediaType(
            "Send the assurance as application/json (pasted text) or multipart/form-data (the force's file in a part named \"file\")."));
    }

    private static async Task<AssuranceReceiptResult> ReadPastedAsync(HttpRequest request, DateOnly today, CancellationToken cancellationToken)
    {
        var (input, unreadable) = await ApiJson.ReadAsync<AssuranceInput>(request, cancellationToken);
        if (unreadable is not null)
        {
            return new(null, TypedResults.ValidationProblem(unreadable));
        }

        var errors = new InputErrors();
        errors.Required("text", input?.Text, MaxText);
        errors.Required("suppliedBy", input?.SuppliedBy, 500);
        errors.Text("summary", input?.Summary, MaxText);
        if (errors.Any)
        {
            return new(null, TypedResults.ValidationProblem(errors.ToDictionary()));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input!.Text!)));
        return new(new ReceivedAssurance(input.Text!, input.SuppliedBy!.Trim(), input.Presentation ?? AssurancePresentation.QuotedInFull, Blank(input.Summary), today, null, hash), null);
    }

    private static async Task<AssuranceReceiptResult> ReadUploadAsync(HttpRequest request, DateOnly today, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var errors = new InputErrors();
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            errors.Add("file", "Is required: the force's file, as a part named \"file\".");
        }

        var suppliedBy = form["suppliedBy"].ToString();
        errors.Required("suppliedBy", suppliedBy, 500);
        var summary = Blank(form["summary"].ToString());
        errors.Text("summary", summary, MaxText);
        var presentation = AssurancePresentation.QuotedInFull;
        if (!string.IsNullOrWhiteSpace(form["presentation"]) && !ApiJson.TryParseEnum(form["presentation"].ToString(), out presentation))
        {
            errors.Add("presentation", "Is not one of quoted-in-full, summarised, annex-only.");
        }

        if (errors.Any)
        {
            return new(null, TypedResults.ValidationProblem(errors.ToDictionary()));
        }

        if (!IsText(file!))
        {
            return new(null, Problems.UnsupportedMediaType(
                "Only plain text (.txt) or Markdown (.md) files can be attached to one recommendation. " +
                "For the force's Word document (.docx), use \"Import the force's Word document\" " +
                "(POST /api/drafts/{id}/assurance-import/preview), which maps its sections to the recommendations; or paste its text instead."));
        }

        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return new(null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Is not UTF-8 text."] }));
        }

        errors.Required("file", text, MaxText);
        if (errors.Any)
        {
            return new(null, TypedResults.ValidationProblem(errors.ToDictionary()));
        }

        var fileName = Path.GetFileName(file!.FileName);
        if (fileName.Length > 255)
        {
            return new(null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Has a file name longer than 255 characters."] }));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new(new ReceivedAssurance(text, suppliedBy.Trim(), presentation, summary, today, fileName, hash), null);
    }

    private static bool IsText(IFormFile file)
    {
        var mediaType = (file.ContentType ?? string.Empty).Split(';')[0].Trim();
        return TextTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase)
            || (mediaType is "" or "application/octet-stream" && TextExtensions.Contains(Path.GetExtension(file.FileName), StringComparer.OrdinalIgnoreCase));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
