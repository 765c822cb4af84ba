using Microsoft.AspNetCore.Http.HttpResults;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Documents.Import;

namespace ResponseDrafter.Api.Imports;

/// <summary>A file received in a multipart request's "file" part: its name (without any path) and its bytes.</summary>
public sealed record UploadedFile(string FileName, byte[] Bytes);

/// <summary>
/// Reads uploaded Word files. The bytes stay in memory for the request only: nothing here writes them anywhere, and a
/// refused file is answered with its refusal and dropped.
/// </summary>
public static class Uploads
{
    public const int MaxFileName = 255;

    /// <summary>The "file" part of a multipart form, or the reasons it cannot be used.</summary>
    public static async Task<(UploadedFile? File, InputErrors Errors)> ReadFileAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        var part = form.Files.GetFile("file");
        if (part is null)
        {
            errors.Add("file", "Is required: the Word document (.docx), as a part named \"file\".");
            return (null, errors);
        }

        var fileName = Path.GetFileName(part.FileName).Trim();
        if (fileName.Length > MaxFileName)
        {
            errors.Add("file", $"Has a file name longer than {MaxFileName} characters.");
            return (null, errors);
        }

        using var buffer = new MemoryStream();
        await part.CopyToAsync(buffer, cancellationToken);
        return (new UploadedFile(fileName, buffer.ToArray()), errors);
    }

    /// <summary>A refused upload as ProblemDetails: 413 when too large, otherwise 422, with the refusal's stable code and its message.</summary>
    public static ProblemHttpResult Refused(UploadRefusal refusal) => TypedResults.Problem(
        statusCode: refusal.Code == UploadRefusalCode.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity,
        title: "The file was refused; nothing was kept.",
        detail: refusal.Message,
        extensions: new Dictionary<string, object?> { ["code"] = ApiJson.NameOf(refusal.Code) });

    public static ProblemHttpResult NotMultipart() => Problems.UnsupportedMediaType(
        "Upload the Word document (.docx) as multipart/form-data, in a part named \"file\".");
}
