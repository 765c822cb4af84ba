namespace ResponseDrafter.Documents.Import;

/// <summary>Limits on an uploaded Word file, checked before anything opens it.</summary>
public sealed record UploadLimits
{
    public static UploadLimits Default { get; } = new();

    /// <summary>The most the uploaded file may weigh.</summary>
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>The most all the file's parts may weigh together once decompressed.</summary>
    public long MaxExpandedBytes { get; init; } = 100 * 1024 * 1024;

    /// <summary>The most parts (zip entries) the file may have.</summary>
    public int MaxParts { get; init; } = 1000;

    /// <summary>How many times larger than its compressed size a part over 1 MiB may become.</summary>
    public int MaxExpansionRatio { get; init; } = 100;

    /// <summary>
    /// The most any one part may weigh decompressed. A part's XML is read with at most this many characters
    /// (<see cref="System.Xml.XmlReaderSettings.MaxCharactersInDocument"/> is never less), so no XML reader sees more.
    /// </summary>
    public long MaxPartBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>
    /// The most markup tags (each '&lt;') any one part may have, which bounds its elements: each element has one tag or
    /// two. A 200-page report has a few hundred thousand; counting '&lt;' is a vectorised search, where telling start tags
    /// from end tags would cost a step per tag (several times more, on the read-back of every letter).
    /// </summary>
    public long MaxTagsPerPart { get; init; } = 2_000_000;

    /// <summary>The most characters an XML reader of an inspected part accepts, whatever the limits: a second line behind <see cref="MaxPartBytes"/>.</summary>
    internal const long XmlCharacterCeiling = 256L * 1024 * 1024;
}

/// <summary>Why an upload was refused. The names are stable: clients may rely on them.</summary>
public enum UploadRefusalCode
{
    Empty,
    TooLarge,
    EncryptedOrLegacyWord,
    NotWord,
    Malformed,
    TooManyParts,
    ExpandsTooMuch,
    MacroEnabled,
    ExternalRelationship,
    EmbeddedObject,
    ActiveContent,
    /// <summary>A part declares a DTD (document type definition): Word never writes one, and entity expansion (billion laughs, XXE) needs one.</summary>
    Dtd,
    /// <summary>A part that must be XML is not well-formed.</summary>
    MalformedXml,
    /// <summary>The package names no main document part, or the part it names is not in the file.</summary>
    MissingMainPart,
    /// <summary>A part has more markup than <see cref="UploadLimits.MaxTagsPerPart"/> allows: too many elements.</summary>
    TooManyElements,
    /// <summary>A part would weigh more than <see cref="UploadLimits.MaxPartBytes"/> decompressed.</summary>
    PartTooLarge,
    /// <summary>A PDF that is encrypted (with or without a password to open it): its text cannot be read reliably.</summary>
    EncryptedPdf,
    /// <summary>A PDF with more pages than <see cref="PdfLimits.MaxPages"/>.</summary>
    TooManyPages,
    /// <summary>A PDF whose text could not be read within <see cref="PdfLimits.MaxReadTime"/>, or that nests too deeply.</summary>
    PdfTooComplex,
}

/// <summary>
/// A refused upload: a stable code and a message that tells the user what to do. <see cref="Items"/> names each macro
/// project, ActiveX control, external link and embedded object found, when those are the cause (the code is the first's).
/// </summary>
public sealed record UploadRefusal(UploadRefusalCode Code, string Message)
{
    public IReadOnlyList<string> Items { get; init; } = [];
}
