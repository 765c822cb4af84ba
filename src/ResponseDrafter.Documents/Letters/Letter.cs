namespace ResponseDrafter.Documents.Letters;

/// <summary>
/// Everything a Section 55 response letter says, in the order DOMAIN.md's anatomy gives.
/// Free-text fields marked "rich text" use the markup documented in templates/markup.md.
/// This record is also the JSON letter request the CLI renders (see <see cref="LetterJson"/>).
/// </summary>
public sealed record Letter
{
    public required OpccProfile Opcc { get; init; }

    public IReadOnlyList<LetterReference> References { get; init; } = [];

    public required DateOnly Date { get; init; }

    public DateStyle DateStyle { get; init; } = DateStyle.Plain;

    public required IReadOnlyList<Recipient> Recipients { get; init; }

    public required string Salutation { get; init; }

    /// <summary>Plain text; the template decides bold or capitals.</summary>
    public required string Subject { get; init; }

    /// <summary>The report answered, with all of its recommendations (applicable or not).</summary>
    public required ReportInfo Report { get; init; }

    /// <summary>How this OPCC cites the duty, e.g. "Section 55 of the Police Act 1996"; empty (or left out) when the letter has no citation line.</summary>
    public string StatutoryCitation { get; init; } = string.Empty;

    /// <summary>Rich text: acknowledges the report and the statutory basis.</summary>
    public string? Opening { get; init; }

    /// <summary>Rich text: local context, which recommendations apply to whom.</summary>
    public string? Context { get; init; }

    /// <summary>One entry per applicable recommendation or sub-item answered, in letter order.</summary>
    public IReadOnlyList<RecommendationResponse> Responses { get; init; } = [];

    /// <summary>Rich text: how the commissioner will hold the chief constable to account.</summary>
    public string? Accountability { get; init; }

    /// <summary>Rich text: where the response is published.</summary>
    public string? Publication { get; init; }

    public string Closing { get; init; } = "Yours sincerely";

    public required Signatory Signatory { get; init; }

    /// <summary>Each entry one line, e.g. "Ben-Julian Harrington, Chief Constable, Essex Police".</summary>
    public IReadOnlyList<string> Cc { get; init; } = [];

    /// <summary>The copy list's label, as the OPCC's letters print it: "cc:", "Copied to:", "Copy to:".</summary>
    public string CopyListLabel { get; init; } = "cc:";

    public IReadOnlyList<Appendix> Appendices { get; init; } = [];

    /// <summary>Identifies the draft and version in the document's custom XML part.</summary>
    public DocumentIdentity Identity { get; init; } = DocumentIdentity.None;
}

public enum DateStyle
{
    /// <summary>"19 July 2021".</summary>
    Plain,

    /// <summary>"22nd December 2017".</summary>
    Ordinal,
}

public sealed record OpccProfile
{
    /// <summary>E.g. "Office of the Police, Fire and Crime Commissioner for Essex". Also the document author.</summary>
    public required string Name { get; init; }

    public required string CommissionerName { get; init; }

    /// <summary>E.g. "Police and Crime Commissioner" or "Police, Fire and Crime Commissioner".</summary>
    public required string CommissionerTitle { get; init; }

    /// <summary>Address, telephone, email, website: one line each, printed in order.</summary>
    public IReadOnlyList<string> LetterheadLines { get; init; } = [];

    public string? Strapline { get; init; }

    public ImageAsset? Logo { get; init; }
}

/// <summary>A picture carried inline (base64 in JSON). PNG or JPEG.</summary>
public sealed record ImageAsset
{
    public required string ContentType { get; init; }

    public required byte[] Data { get; init; }

    public required string AltText { get; init; }
}

/// <summary>Any labelled reference: "Our ref", "Your ref", "My Reference", "Enquiries to".</summary>
public sealed record LetterReference(string Label, string Value);

public sealed record Recipient
{
    /// <summary>E.g. "Rt Hon Priti Patel MP".</summary>
    public required string Name { get; init; }

    /// <summary>E.g. "Home Secretary".</summary>
    public string? Title { get; init; }

    public IReadOnlyList<string> AddressLines { get; init; } = [];

    /// <summary>Printed under the address in some letters, e.g. the Home Office mailbox.</summary>
    public string? Email { get; init; }
}

public sealed record Signatory
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    public ImageAsset? Signature { get; init; }

    /// <summary>The day the letter was signed, once it has been.</summary>
    public DateOnly? SignedOn { get; init; }
}

/// <summary>
/// An appendix: optional rich-text body, and optionally the report's recommendations reproduced
/// verbatim (by number, in the order given) with their sub-items lettered. One with neither is not printed.
/// </summary>
public sealed record Appendix
{
    /// <summary>E.g. "Appendix A - Recommendations".</summary>
    public required string Title { get; init; }

    public string? Body { get; init; }

    public IReadOnlyList<string> Recommendations { get; init; } = [];
}

public sealed record DocumentIdentity(string DraftId, string Version)
{
    public static DocumentIdentity None { get; } = new(string.Empty, string.Empty);
}
