namespace ResponseDrafter.Documents.Publication;

/// <summary>How much a finding matters: an error fails the check (Word's "error"); advice is Word's "warning" or "tip".</summary>
public enum FindingSeverity
{
    Error,
    Advice,
}

/// <summary>
/// One thing <see cref="AccessibilityCheck"/> found. <see cref="Code"/> is stable (screens and tests key on it);
/// <see cref="Message"/> says what is wrong and why it matters, <see cref="Fix"/> what to do in Word.
/// <see cref="Region"/> is the tag of the nearest tagged content control around it (null outside any),
/// <see cref="Where"/> the part of the letter in plain words ("Commentary", "Page header"), and
/// <see cref="Excerpt"/> the start of the paragraph's text or the picture's name, so it can be found in Word.
/// </summary>
public sealed record AccessibilityFinding(
    string Code, FindingSeverity Severity, string Message, string Fix, string? Region, string Where, string? Excerpt)
{
    public bool IsError => Severity == FindingSeverity.Error;

    /// <summary>One line for a terminal or a log: "error heading-skipped — Commentary, "Our plan…": message Fix".</summary>
    public override string ToString() =>
        $"{(IsError ? "error" : "advice")} {Code} — {Where}{(Excerpt is null ? string.Empty : $", \"{Excerpt}\"")}: {Message} {Fix}";
}
