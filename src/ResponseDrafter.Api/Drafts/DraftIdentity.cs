using Microsoft.AspNetCore.Http.HttpResults;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Documents.Drafting;

namespace ResponseDrafter.Api.Drafts;

/// <summary>Whether a document sent to a draft is that draft's: its identity part must name it.</summary>
public static class DraftIdentity
{
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
}
