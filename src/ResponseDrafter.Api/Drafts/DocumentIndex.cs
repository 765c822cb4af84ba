using ResponseDrafter.Api.Reports;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Api.Drafts;

/// <summary>A force assurance whose text in the document is not what the force supplied, paragraph by paragraph.</summary>
public sealed record AssuranceTampering(string Ref, string Region, IReadOnlyList<ParagraphChange> Changes);

/// <summary>
/// The draft's record as an index of its document: what the tagged regions say is read back into the record, and the
/// completeness of the letter is judged on the document. Text outside the regions belongs to the document alone.
/// </summary>
public static class DocumentIndex
{
    private const string ActionTaken = "Action taken";
    private const string ActionProposed = "Action proposed";
    private const string NoAction = "No action will be taken";

    /// <summary>Reads the regions back into the record: the letter's own words, and each response's commentary and status.</summary>
    public static void ApplyTo(Draft draft, LetterDocument document)
    {
        draft.Opening = Rich(document, "opening");
        draft.Context = Rich(document, "context");
        draft.Accountability = Rich(document, "accountability");
        draft.Publication = Rich(document, "publication");
        draft.Salutation = Text(document, "salutation") ?? draft.Salutation;
        draft.Subject = Text(document, "subject") ?? draft.Subject;
        draft.Closing = Text(document, "closing") ?? draft.Closing;
        draft.SignatoryName = Text(document, "signatory.name") ?? draft.SignatoryName;
        draft.SignatoryTitle = Text(document, "signatory.title") ?? draft.SignatoryTitle;
        draft.CopyListLabel = Text(document, "cc/cc.label") ?? draft.CopyListLabel;

        var refs = draft.Report!.Refs();
        foreach (var item in Responses(document))
        {
            if (refs.FirstOrDefault(r => r == item.Key) is not { } known)
            {
                continue;
            }

            var response = draft.ResponseFor(known);
            var commentary = Child(item, "response.commentary")?.Markup;
            response.Commentary = string.IsNullOrWhiteSpace(commentary) ? null : commentary;
            (response.Status, response.Reason) = StatusOf(Child(item, "response.status"));
        }
    }

    /// <summary>
    /// Where the force's assurance in <paramref name="saved"/> is not the text in <paramref name="current"/> (the server's
    /// own copy, which only the force's documents fill): each locked region changed, removed or added.
    /// </summary>
    public static IReadOnlyList<AssuranceTampering> AssuranceChanges(LetterDocument current, LetterDocument saved)
    {
        var changes = new List<AssuranceTampering>();
        foreach (var (region, reference, path) in AssuranceRegions(current).Concat(AssuranceRegions(saved)).DistinctBy(r => r.Path))
        {
            var before = current.Find(path)?.Paragraphs ?? [];
            var after = saved.Find(path)?.Paragraphs ?? [];
            if (!before.SequenceEqual(after, StringComparer.Ordinal))
            {
                changes.Add(new AssuranceTampering(reference, region, ParagraphDiff.Compare(before, after)));
            }
        }

        return changes;
    }

    /// <summary>
    /// What stops the letter being sent, judged on the document: every selected item (whatever its addressees) needs its
    /// response region with a status, and a reason where no action will be taken; applicable items not selected are gaps too.
    /// </summary>
    public static IReadOnlyList<CompletenessGap> Gaps(Draft draft, Report report, Letter letter, LetterDocument document)
    {
        var gaps = Completeness.Check(letter).ToList();
        var items = Responses(document).ToDictionary(r => r.Key!, StringComparer.Ordinal);
        foreach (var selected in draft.Selection)
        {
            var name = report.NameOf(selected);
            if (!items.TryGetValue(selected, out var item))
            {
                gaps.RemoveAll(g => g.Ref == selected);
                gaps.Add(new CompletenessGap(selected, "response", $"{name} is selected but not in the document: build the letter to put its response back, or unselect it"));
            }
            else if (Child(item, "response.status") is { } status && status.Text.Trim().Length > 0 && StatusOf(status).Status is null)
            {
                gaps.RemoveAll(g => g.Ref == selected && g.Field == "status");
                gaps.Add(new CompletenessGap(selected, "status",
                    $"{name}: the status reads \"{status.Text.Trim()}\"; write \"{ActionTaken}\", \"{ActionProposed}\" or \"{NoAction}: \" and the reason"));
            }
        }

        return gaps;
    }

    /// <summary>The status line's words as a status and, for no action, the reason after the colon.</summary>
    public static (ResponseStatus? Status, string? Reason) StatusOf(DocumentRegion? region)
    {
        var text = region?.Text.Trim().TrimEnd('.') ?? string.Empty;
        if (text.Equals(ActionTaken, StringComparison.OrdinalIgnoreCase))
        {
            return (ResponseStatus.ActionTaken, null);
        }

        if (text.Equals(ActionProposed, StringComparison.OrdinalIgnoreCase))
        {
            return (ResponseStatus.ActionProposed, null);
        }

        if (!text.StartsWith(NoAction, StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        var reason = text[NoAction.Length..].TrimStart(':', ' ', '\u2013', '\u2014', '-').Trim();
        return (ResponseStatus.NoAction, reason.Length == 0 ? null : MarkupOfReason(region!, reason));
    }

    private static string MarkupOfReason(DocumentRegion region, string reason)
    {
        var markup = region.Markup.Trim();
        var colon = markup.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && markup[(colon + 1)..].Trim().Length > 0 ? markup[(colon + 1)..].Trim() : reason;
    }

    private static IEnumerable<DocumentRegion> Responses(LetterDocument document) =>
        document.Find("responses")?.Children.Where(c => c.Tag == "response" && c.Key is not null) ?? [];

    private static IEnumerable<(string Region, string Ref, string Path)> AssuranceRegions(LetterDocument document) =>
        Responses(document).SelectMany(item => item.Children.Where(c => c.Tag == "response.assurance").Select(c => ("response.assurance", item.Key!, c.Path)))
            .Concat((document.Find("annex")?.Children ?? []).Where(c => c.Key is not null)
                .SelectMany(item => item.Children.Where(c => c.Tag == "assurance.text").Select(c => ("assurance.text", item.Key!, c.Path))));

    private static DocumentRegion? Child(DocumentRegion item, string tag) => item.Children.FirstOrDefault(c => c.Tag == tag);

    /// <summary>A rich-text region's markup; null when the region is empty or the drafter deleted it.</summary>
    private static string? Rich(LetterDocument document, string path) =>
        document.Find(path)?.Markup is { } markup && !string.IsNullOrWhiteSpace(markup) ? markup : null;

    /// <summary>A one-line region's text; null when it is missing or empty, so the record keeps what it had.</summary>
    private static string? Text(LetterDocument document, string path) =>
        document.Find(path)?.Text.Trim() is { Length: > 0 } text ? text : null;
}
