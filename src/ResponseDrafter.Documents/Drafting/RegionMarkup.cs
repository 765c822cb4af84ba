using ResponseDrafter.Documents.Import;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>
/// Makes the <see cref="DocumentRegion"/>s of the controls the body reader finds. A rich-text region's markup is its
/// paragraphs as the import reads them, each list counted afresh within the region; the numbering part is read only
/// when a letter has rich text. Every other region's markup is its escaped paragraphs, made when first asked for.
/// </summary>
internal sealed class RegionMarkup(BodyText body, Func<ListDefinitions> readLists)
{
    private ListDefinitions? lists;

    /// <summary>
    /// A block control's paragraphs are <paramref name="count"/> of the body's from <paramref name="first"/>; an inline
    /// control's are its <paramref name="inlineText"/>, when it has any. <paramref name="rich"/> is, for a rich-text
    /// control with text, its paragraphs as the import reads them (emphasis, links, lists); null for any other control.
    /// </summary>
    public DocumentRegion Region(string tag, string? key, string? alias, bool locked, bool inline, string? inlineText, int first, int count,
        IReadOnlyList<ReadParagraph>? rich, IReadOnlyList<DocumentRegion> children)
    {
        DocumentRegion region;
        if (inline || count == 0)
        {
            IReadOnlyList<string> paragraphs = inlineText is null ? [] : [inlineText];
            region = new DocumentRegion(tag, key, paragraphs, paragraphs.Count == 0 ? string.Empty : RichMarkup(rich), locked, alias, children);
        }
        else
        {
            region = new DocumentRegion(tag, key, null, RichMarkup(rich), locked, alias, children, body, first, count);
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
    private string? RichMarkup(IReadOnlyList<ReadParagraph>? rich)
    {
        if (rich is null)
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
    // Made once the body has been read: regions ask for their markup only then.
    private string?[]? escaped;

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

    private string Escaped(int paragraph)
    {
        var cache = escaped ??= new string?[paragraphs.Count];
        return cache[paragraph] ??= MarkupText.Escape(paragraphs[paragraph]);
    }
}
