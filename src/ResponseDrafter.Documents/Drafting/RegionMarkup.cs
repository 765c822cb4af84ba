using ResponseDrafter.Documents.Import;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>
/// Turns the regions the body reader found into <see cref="DocumentRegion"/>s. A rich-text region's markup is its
/// paragraphs as the import reads them, each list counted afresh within the region; the numbering part is read only
/// when a letter has rich text. Every other region's markup is its escaped paragraphs, made when first asked for.
/// </summary>
internal sealed class RegionMarkup(BodyText body, Func<ListDefinitions> readLists)
{
    private ListDefinitions? lists;

    public DocumentRegion[] Regions(IReadOnlyList<FoundRegion> found)
    {
        var regions = new DocumentRegion[found.Count];
        for (var k = 0; k < regions.Length; k++)
        {
            regions[k] = Region(found[k]);
        }

        return regions;
    }

    private DocumentRegion Region(FoundRegion found)
    {
        var children = found.Children.Count == 0 ? [] : Regions(found.Children);
        DocumentRegion region;
        if (found.Inline || found.ParagraphCount == 0)
        {
            IReadOnlyList<string> paragraphs = found.InlineText is { } text ? [text] : [];
            region = new DocumentRegion(found.Tag, found.Key, paragraphs, paragraphs.Count == 0 ? string.Empty : RichMarkup(found), found.Locked, found.Alias, children);
        }
        else
        {
            region = new DocumentRegion(found.Tag, found.Key, null, RichMarkup(found), found.Locked, found.Alias, children, body, found.FirstParagraph, found.ParagraphCount);
        }

        foreach (var child in children)
        {
            child.Parent = region;
        }

        return region;
    }

    /// <summary>
    /// A rich-text region's markup, made now because it needs the numbering part, which is not open once the read is
    /// done; null for any other region.
    /// </summary>
    private string? RichMarkup(FoundRegion found)
    {
        if (found.RichParagraphs is not { } rich)
        {
            return null;
        }

        var counting = ListNumbers.Of(lists ??= readLists());
        return DocumentSections.Markup(rich.Select(p => p.In(counting)).ToList());
    }
}

/// <summary>The body's paragraphs, from which plain regions take theirs; each paragraph is escaped as markup at most once.</summary>
internal sealed class BodyText(IReadOnlyList<string> paragraphs)
{
    private readonly string?[] escaped = new string?[paragraphs.Count];

    public IReadOnlyList<string> Range(int first, int count)
    {
        var range = new string[count];
        for (var k = 0; k < count; k++)
        {
            range[k] = paragraphs[first + k];
        }

        return range;
    }

    public string Markup(int first, int count) =>
        count == 1 ? Escaped(first) : string.Join("\n\n", Enumerable.Range(first, count).Select(Escaped));

    private string Escaped(int paragraph) => escaped[paragraph] ??= MarkupText.Escape(paragraphs[paragraph]);
}
