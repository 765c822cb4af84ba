using ResponseDrafter.Documents.Import;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>
/// Turns the regions the body reader found into <see cref="DocumentRegion"/>s. A rich-text region's markup is its
/// paragraphs as the import reads them, each list counted afresh within the region; the numbering part is read only
/// when a letter has rich text. Every other region's markup is its escaped paragraphs.
/// </summary>
internal sealed class RegionMarkup(IReadOnlyList<string> paragraphs, Func<ListDefinitions> readLists)
{
    private readonly string?[] escaped = new string?[paragraphs.Count];
    private ListDefinitions? lists;

    public DocumentRegion Region(FoundRegion found, string parentPath)
    {
        var name = found.Key is null ? found.Tag : $"{found.Tag}:{found.Key}";
        var path = parentPath.Length == 0 ? name : $"{parentPath}/{name}";
        var children = found.Children.Count == 0 ? [] : found.Children.Select(c => Region(c, path)).ToList();
        return new DocumentRegion(found.Tag, found.Key, path, found.Paragraphs, Markup(found), found.Locked, found.Alias, children);
    }

    private string Markup(FoundRegion found)
    {
        if (found.Paragraphs.Count == 0)
        {
            return string.Empty;
        }

        if (found.RichParagraphs is { } rich)
        {
            var counting = ListNumbers.Of(lists ??= readLists());
            return DocumentSections.Markup(rich.Select(p => p.In(counting)).ToList());
        }

        if (found.Inline)
        {
            return MarkupText.Escape(found.Paragraphs[0]);
        }

        return found.Paragraphs.Count == 1
            ? Escaped(found.FirstParagraph)
            : string.Join("\n\n", Enumerable.Range(found.FirstParagraph, found.Paragraphs.Count).Select(Escaped));
    }

    private string Escaped(int paragraph) => escaped[paragraph] ??= MarkupText.Escape(paragraphs[paragraph]);
}
