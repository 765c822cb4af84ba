using System.Xml;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// The byte-level DTD check inspection makes on every part as it decompresses it, and the settings every XML reader of
/// an inspected part uses.
/// </summary>
internal static class XmlSafety
{
    /// <summary>
    /// Settings for reading a part: no DTD (an XmlException if one is declared), nothing resolved, and never more than
    /// <see cref="UploadLimits.XmlCharacterCeiling"/> characters, behind the tighter per-part limit inspection applies.
    /// </summary>
    public static XmlReaderSettings Settings(bool ignoreComments = true) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = UploadLimits.XmlCharacterCeiling,
        IgnoreComments = ignoreComments,
        IgnoreProcessingInstructions = ignoreComments,
    };

    /// <summary>
    /// Whether the first block of a part declares a DTD, in UTF-8 or either UTF-16. A DTD may only come before the root
    /// element, so one declared later than the first block is rare; the readers, which prohibit DTDs, refuse it then.
    /// </summary>
    public static bool DeclaresDoctype(ReadOnlySpan<byte> head) =>
        head.IndexOf("<!DOCTYPE"u8) >= 0
        || head.IndexOf("<\0!\0D\0O\0C\0T\0Y\0P\0E\0"u8) >= 0
        || head.IndexOf("\0<\0!\0D\0O\0C\0T\0Y\0P\0E"u8) >= 0;

}
