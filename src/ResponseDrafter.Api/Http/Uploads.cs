using Microsoft.AspNetCore.Http.HttpResults;
using ResponseDrafter.Documents.Import;

namespace ResponseDrafter.Api.Http;

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

    /// <summary>
    /// A Word document sent as the whole body (Content-Type application/vnd.openxmlformats-officedocument.wordprocessingml.document
    /// or application/octet-stream), or as a multipart part named <paramref name="part"/>: the way Word's add-in and curl send it.
    /// </summary>
    public static async Task<(UploadedFile? File, IResult? Problem)> ReadDocumentAsync(HttpRequest request, string part, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile(part);
            if (file is null || file.Length == 0)
            {
                return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [part] = [$"Is required: the Word document (.docx), as a part named \"{part}\"."],
                }));
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            return (new UploadedFile(Path.GetFileName(file.FileName).Trim(), buffer.ToArray()), null);
        }

        if (request.ContentType?.Split(';')[0].Trim() is not (DocxContentType or "application/octet-stream"))
        {
            return (null, Problems.UnsupportedMediaType(
                $"Send the Word document as the body ({DocxContentType}), or as multipart/form-data in a part named \"{part}\"."));
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        return body.Length == 0
            ? (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [part] = ["Is required: the body is empty."] }))
            : (new UploadedFile("document.docx", body.ToArray()), null);
    }

    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A refused upload as ProblemDetails: 413 when too large, otherwise 422, with the refusal's stable code and its message.</summary>
    public static ProblemHttpResult Refused(UploadRefusal refusal) => TypedResults.Problem(
        statusCode: refusal.Code == UploadRefusalCode.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity,
        title: "The file was refused; nothing was kept.",
        detail: refusal.Message,
        extensions: new Dictionary<string, object?> { ["code"] = ApiJson.NameOf(refusal.Code) });

    /// <summary>As <see cref="Refused(UploadRefusal)"/>, with <c>errors</c> naming the field (or each thing found) as well.</summary>
    public static ProblemHttpResult Refused(UploadRefusal refusal, IDictionary<string, string[]> errors) => TypedResults.Problem(
        new HttpValidationProblemDetails(errors)
        {
            Status = refusal.Code == UploadRefusalCode.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity,
            Title = "The file was refused; nothing was kept.",
            Detail = refusal.Message,
            Extensions = { ["code"] = ApiJson.NameOf(refusal.Code) },
        });

    public static ProblemHttpResult NotMultipart() => Problems.UnsupportedMediaType(
        "Upload the Word document (.docx) as multipart/form-data, in a part named \"file\".");
}
