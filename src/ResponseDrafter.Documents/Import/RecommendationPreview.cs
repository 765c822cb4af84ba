using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// What the import read from a report's text, for the user to confirm or correct before the report is saved.
/// Every non-whitespace character of the input is in exactly one place: the text of a recommendation or sub-item,
/// a <see cref="Labels"/> entry (headings, letters and bullets read as structure), an <see cref="Unplaced"/>
/// paragraph, or a <see cref="Removed"/> entry (page furniture, unprintable characters and the printer's hyphens, whose
/// words are listed in <see cref="Joins"/>). See docs/import.md.
/// </summary>
public sealed record RecommendationPreview(
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<ImportWarning> Warnings,
    IReadOnlyList<UnplacedText> Unplaced,
    IReadOnlyList<RemovedText> Removed,
    IReadOnlyList<LabelText> Labels,
    IReadOnlyList<HyphenJoin> Joins)
{
    /// <summary>The line each recommendation's heading was found on, in the order of <see cref="Recommendations"/>.</summary>
    public IReadOnlyList<FoundAt> Found { get; init; } = [];

    /// <summary>
    /// For each recommendation (or sub-item judged on its own) that names no addressee, or only a general one such as "the
    /// police", the question the drafter answers before saving: force, commissioner, both or noted only. See
    /// <see cref="Applicability.Questions"/>.
    /// </summary>
    public IReadOnlyList<AddresseeQuestion> Questions { get; init; } = [];
}

/// <summary>A recommendation's number and the 1-based line of the input its heading is on.</summary>
public sealed record FoundAt(string Number, int Line);

public enum ImportWarningKind
{
    NoRecommendations,
    NumberingGap,
    NumberOutOfOrder,
    NumberAssigned,
    AddresseeNotRecognised,
    NoAddressee,
    NoText,
    SubItemLetterMissing,
    SubItemListRestarts,
    SubItemLetterSkipped,
    TextNotPlaced,
}

/// <summary>
/// Something the user should check. <see cref="Recommendation"/> is the number it concerns ("2", "AFI 3"), if any;
/// <see cref="Line"/> is the 1-based line of the input it was found on.
/// </summary>
public sealed record ImportWarning(ImportWarningKind Kind, string? Recommendation, int Line, string Message);

/// <summary>A paragraph of the input that is not part of any recommendation, as it was written (lines joined).</summary>
public sealed record UnplacedText(int FirstLine, int LastLine, string Text);

public enum RemovalReason
{
    /// <summary>A line holding only a page number ("12", "Page 3 of 40", "- 7 -").</summary>
    PageNumber,

    /// <summary>A line repeated at the page edges: a running header or footer.</summary>
    RunningHeader,

    /// <summary>Control characters and other code points Word cannot store.</summary>
    Unprintable,

    /// <summary>The printer's hyphen in a word broken across two lines; the word is listed in <see cref="RecommendationPreview.Joins"/>.</summary>
    LineEndHyphen,
}

/// <summary>Text the import took out of the input, with the line it was on.</summary>
public sealed record RemovedText(int Line, string Text, RemovalReason Reason);

/// <summary>
/// Text the import read as structure rather than content: a recommendation heading ("Recommendation 2: To chief
/// constables"), a section heading ("Recommendations"), a sub-item's bullet or letter ("- b.").
/// </summary>
public sealed record LabelText(int Line, string Text);
