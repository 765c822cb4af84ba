using System.Xml;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// The byte-level checks inspection makes on every part as it decompresses it, and the settings every XML reader of an
/// inspected part uses. Both are cheap enough to sit inside the one pass that already decompresses each part.
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

    /// <summary>
    /// Counts the start tags in a block: each '&lt;' not followed by '/', '?' or '!'. This bounds the elements a reader
    /// of the part can meet (in UTF-16 it counts end tags too, which only makes it stricter). A '&lt;' at the end of a block
    /// is settled by the first byte of the next, through <paramref name="endsInBracket"/>.
    /// </summary>
    public static long StartTags(ReadOnlySpan<byte> block, ref bool endsInBracket)
    {
        long count = 0;
        if (endsInBracket && block.Length > 0)
        {
            count += IsStart(block[0]) ? 1 : 0;
            endsInBracket = false;
        }

        int at;
        while ((at = block.IndexOf((byte)'<')) >= 0)
        {
            if (at + 1 == block.Length)
            {
                endsInBracket = true;
                break;
            }

            count += IsStart(block[at + 1]) ? 1 : 0;
            block = block[(at + 1)..];
        }

        return count;
    }

    private static bool IsStart(byte next) => next is not ((byte)'/' or (byte)'?' or (byte)'!');
}
