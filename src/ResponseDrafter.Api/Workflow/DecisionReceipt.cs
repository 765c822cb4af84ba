using Microsoft.AspNetCore.Http.HttpResults;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Drafting;

namespace ResponseDrafter.Api.Workflow;

/// <summary>A decision as received: what was decided, and either the version hash the approver read or the document they had open.</summary>
public sealed record ReceivedDecision(DecisionKind Kind, string? Comment, string? VersionSha256, ReceivedDocument? Document)
{
    public string? DocumentSha256 => Document?.Sha256;
}

/// <param name="Document">The document as read: its hash, identity and paragraphs.</param>
public sealed record ReceivedDocument(LetterDocument Document)
{
    public string Sha256 => Document.Sha256;
}

/// <summary>An earlier version's number and text, to tell an approver which version the document in Word is.</summary>
public sealed record EarlierVersion(int Number, List<string> Text);

public sealed record DecisionReceiptResult(ReceivedDecision? Decision, IResult? Problem);

/// <summary>Reads a decision from JSON, or from Word's multipart upload of the open document.</summary>
public static class DecisionReceipt
{
    private const int MaxComment = 10_000;

    public static async Task<DecisionReceiptResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasJsonContentType())
        {
            var (input, unreadable) = await ApiJson.ReadAsync<DecisionInput>(request, cancellationToken);
            if (unreadable is not null)
            {
                return new(null, TypedResults.ValidationProblem(unreadable));
            }

            var errors = new InputErrors();
            var kind = Kind(errors, input?.Decision);
            if (string.IsNullOrWhiteSpace(input?.VersionSha256))
            {
                errors.Add("versionSha256", "Is required: the SHA-256 of the version you read (from the workflow or review).");
            }

            var comment = Comment(errors, kind, input?.Comment);
            return errors.Any
                ? new(null, TypedResults.ValidationProblem(errors.ToDictionary()))
                : new(new ReceivedDecision(kind!.Value, comment, input!.VersionSha256!.Trim().ToLowerInvariant(), null), null);
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var errors = new InputErrors();
            var kind = Kind(errors, form["decision"]);
            var comment = Comment(errors, kind, form["comment"]);
            var file = form.Files.GetFile("document");
            if (file is null || file.Length == 0)
            {
                errors.Add("document", "Is required: the document as it is open in Word, as a part named \"document\".");
            }

            if (errors.Any)
            {
                return new(null, TypedResults.ValidationProblem(errors.ToDictionary()));
            }

            using var buffer = new MemoryStream();
            await file!.CopyToAsync(buffer, cancellationToken);
            var read = LetterDocument.Read(buffer.ToArray(), file.FileName);
            if (read.Refusal is { } refusal)
            {
                return new(null, Uploads.Refused(refusal, new Dictionary<string, string[]> { ["document"] = [refusal.Message] }));
            }

            return new(new ReceivedDecision(kind!.Value, comment, null, new ReceivedDocument(read.Document!)), null);
        }

        return new(null, Problems.UnsupportedMediaType(
            "Send the decision as application/json, or as multipart/form-data with the open document in a part named \"document\"."));
    }

    /// <summary>
    /// Null when the decision is about the version awaiting it; otherwise the 409 that says which version is current, or
    /// that the document in Word has changed (which an approver submits as a new version rather than approves).
    /// </summary>
    public static ProblemHttpResult? Staleness(ReceivedDecision decision, Draft draft, DraftVersion current, IReadOnlyList<EarlierVersion> earlier)
    {
        var stale = Problems.Conflict("This is not the version awaiting a decision",
            $"Version {current.Number}, submitted by {current.SubmittedBy.Name} on {UkDate.Format(Clock.InEngland(current.SubmittedAt))}, is the one awaiting a decision. " +
            "Open that version and decide again; nothing was recorded.");
        if (decision.Document is not { } received)
        {
            return decision.VersionSha256 == current.Sha256 ? null : stale;
        }

        var document = received.Document;
        if (DraftUploads.Mismatch(document, draft.Id) is { } notThisDraft)
        {
            return notThisDraft;
        }

        if (document.Paragraphs.SequenceEqual(current.Text, StringComparer.Ordinal))
        {
            return null;
        }

        return earlier.Any(v => document.Paragraphs.SequenceEqual(v.Text, StringComparer.Ordinal))
            ? stale
            : Problems.Conflict("The document differs from the version submitted",
                $"The text in Word is not the text of version {current.Number}, and an approval covers the text you were sent. " +
                "Submit your changes as a new version (the decisions already given on this one become void), request changes with a comment, " +
                "or close the document without saving and open the version again.");
    }

    private static DecisionKind? Kind(InputErrors errors, string? value)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "approve":
                return DecisionKind.Approved;
            case "request-changes":
                return DecisionKind.ChangesRequested;
            default:
                errors.Add("decision", "Must be \"approve\" or \"request-changes\".");
                return null;
        }
    }

    private static string? Comment(InputErrors errors, DecisionKind? kind, string? value)
    {
        errors.Text("comment", value, MaxComment);
        if (kind == DecisionKind.ChangesRequested && string.IsNullOrWhiteSpace(value))
        {
            errors.Add("comment", "Is required when requesting changes: say what needs to change.");
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
