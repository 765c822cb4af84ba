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
}

/// <summary>A refused upload: a stable code and a message that tells the user what to do.</summary>
public sealed record UploadRefusal(UploadRefusalCode Code, string Message);
