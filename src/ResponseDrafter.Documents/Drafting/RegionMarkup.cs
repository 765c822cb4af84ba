using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Import;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>
/// Turns the regions the body reader found into <see cref="DocumentRegion"/>s. Rich-text content is read with the
/// import's paragraph reader from that region's XML alone, so styles, lists and links are loaded only when a letter
/// has rich text to read; every other region's markup is its escaped paragraphs.
/// </summary>
internal sealed class RegionMarkup(DocxParts parts, IReadOnlyList<string> paragraphs)
{
    private readonly string?[] escaped = new string?[paragraphs.Count];
    private StyleChain? styles;
    private Numbering? numbering;
    private Dictionary<string, Uri>? links;

    public DocumentRegion Region(FoundRegion found, string parentPath)
    {
        var name = found.Key is null ? found.Tag : $"{found.Tag}:{found.Key}";
        var path = parentPath.Length == 0 ? name : $"{parentPath}/{name}";
        var children = found.Children.Select(c => Region(c, path)).ToList();
        return new DocumentRegion(found.Tag, found.Key, path, found.Paragraphs, Markup(found), found.Locked, found.Alias, children);
    }

    private string Markup(FoundRegion found)
    {
        if (found.Paragraphs.Count == 0)
        {
            return string.Empty;
        }

        if (found.Fragment is { } fragment)
        {
            return DocumentSections.Markup(WordBody.Paragraphs(new SdtContentBlock(fragment), Styles(), ListNumbers.Of(Numbering()), Links()));
        }

        if (found.Inline)
        {
            return MarkupText.Escape(found.Paragraphs[0]);
        }

        return string.Join("\n\n", Enumerable.Range(found.FirstParagraph, found.Paragraphs.Count).Select(Escaped));
    }

    private string Escaped(int paragraph) => escaped[paragraph] ??= MarkupText.Escape(paragraphs[paragraph]);

    private StyleChain Styles() => styles ??= new StyleChain(parts.Related("styles").Select(parts.Text).FirstOrDefault() is { } xml ? new Styles(WithoutDeclaration(xml)) : null);

    private Numbering? Numbering() => numbering ??= parts.Related("numbering").Select(parts.Text).FirstOrDefault() is { } xml ? new Numbering(WithoutDeclaration(xml)) : null;

    private Dictionary<string, Uri> Links() => links ??= parts.MainRelationships
        .Where(r => r.External && DocxParts.Kind(r) == "hyperlink" && Uri.TryCreate(r.Target, UriKind.RelativeOrAbsolute, out _))
        .GroupBy(r => r.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => new Uri(g.First().Target, UriKind.RelativeOrAbsolute), StringComparer.Ordinal);

    /// <summary>The SDK builds an element from its own XML only, without the part's declaration.</summary>
    private static string WithoutDeclaration(string xml) =>
        xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..] : xml;
}
