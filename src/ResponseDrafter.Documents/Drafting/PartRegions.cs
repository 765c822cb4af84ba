namespace ResponseDrafter.Documents.Drafting;

/// <summary>One tagged content control in a part's XML text, by character offsets into that text.</summary>
public sealed record RegionSpan(string Tag, string? Key, int Start, int End, int ContentStart, int ContentEnd, IReadOnlyList<RegionSpan> Children)
{
    /// <summary>"response:2", or the tag alone when unkeyed.</summary>
    public string Name { get; } = Key is null ? Tag : $"{Tag}:{Key}";
}

/// <summary>
/// Finds the tagged content controls in a part's XML text without building a tree, so that a caller can cut or
/// patch the text itself and leave every other byte as the producer (Word, or assembly) wrote it.
/// </summary>
public static class PartRegions
{
    internal const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>
    /// Tagged controls (w:sdt whose w:sdtPr has a w:tag) in the part's XML, outermost first, nested ones as Children.
    /// Start..End covers "&lt;w:sdt ...&gt;…&lt;/w:sdt&gt;"; ContentStart..ContentEnd is the text inside
    /// &lt;w:sdtContent&gt;…&lt;/w:sdtContent&gt; (ContentStart == ContentEnd when the content is empty or self-closed;
    /// for a self-closed &lt;w:sdtContent/&gt; both are just after it). Untagged controls are looked through: their
    /// tagged controls count as children of the nearest tagged control around them. A tag "response:2" is split at its
    /// first ':' into Tag "response" and Key "2".
    /// </summary>
    /// <remarks>
    /// A part as Word and the server write it (namespaces declared on the root, no comments, CDATA or processing
    /// instructions in it) is scanned for its control tags alone; any other part is scanned tag by tag, every end
    /// tag checked against the element it closes.
    /// </remarks>
    /// <exception cref="System.Xml.XmlException">The text has a DTD, or its controls do not balance, or (scanned tag by tag) it is not well-formed.</exception>
    public static IReadOnlyList<RegionSpan> Locate(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return new RegionScanner(xml).Locate();
    }

    /// <summary>Splits a tag at its first ':' into the tag and the item's key.</summary>
    internal static (string Tag, string? Key) SplitTag(string tag)
    {
        var colon = tag.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (tag, null) : (tag[..colon], tag[(colon + 1)..]);
    }
}
