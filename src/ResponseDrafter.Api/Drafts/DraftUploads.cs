using Microsoft.AspNetCore.Http.HttpResults;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Documents.Drafting;

namespace ResponseDrafter.Api.Drafts;

/// <summary>A Word document sent to a draft: read as an untrusted upload, checked to be that draft's, and what refuses it.</summary>
public static class DraftUploads
{
    /// <summary>
    /// The document the request carries (the body, or a part named "document") with its exact bytes, once inspected and
    /// found to name <paramref name="draftId"/>; otherwise the problem to answer with (400, 409, 413, 415 or 422).
    /// </summary>
    public static async Task<(byte[]? Bytes, LetterDocument? Document, IResult? Problem)> ReadAsync(
        HttpRequest request, Guid draftId, CancellationToken cancellationToken)
    {
        var (file, unread) = await Uploads.ReadDocumentAsync(request, "document", cancellationToken);
        if (unread is not null)
        {
            return (null, null, unread);
        }

        var read = LetterDocument.Read(file!.Bytes, file.FileName);
        if (read.Refusal is { } refusal)
        {
            return (null, null, Uploads.Refused(refusal));
        }

        return Mismatch(read.Document!, draftId) is { } notThisDraft ? (null, null, notThisDraft) : (file.Bytes, read.Document, null);
    }

    public static ProblemHttpResult? Mismatch(LetterDocument document, Guid draftId)
    {
        if (document.Identity is not { } identity)
        {
            return Problems.Conflict("This document is not a ResponseDrafter draft",
                "It carries no draft identity. Open the draft's document from ResponseDrafter (the task pane or the link in your notification) and work there.");
        }

        return string.Equals(identity.DraftId, draftId.ToString(), StringComparison.OrdinalIgnoreCase)
            ? null
            : Problems.Conflict("This document belongs to another draft", "Open this draft's own document and save or decide there; nothing was recorded.");
    }

    /// <summary>422 naming each recommendation whose force text was changed, with the paragraphs that differ.</summary>
    public static ProblemHttpResult AssuranceChanged(IReadOnlyList<AssuranceTampering> tampered, Report report) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "The force's assurance was changed; nothing was saved.",
        detail: "The law publishes the chief constable's comments as they were given. Put the force's text back as it was " +
            "(or bring in a revised document from the force), then save again.",
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = tampered.GroupBy(t => t.Ref).ToDictionary(
                g => $"responses/{g.Key}/assurance",
                g => new[] { $"{report.NameOf(g.Key)}: the force's assurance differs from what the force supplied." }),
            ["assuranceChanges"] = tampered.Select(t => new { @ref = t.Ref, region = t.Region, changes = t.Changes }),
        });
}
