using System.Globalization;
using System.Text;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// Splits a document's paragraphs into sections at its headings: paragraphs with an outline level (Heading styles,
/// Title, or an outline level set directly), and by structure, short paragraphs that are all bold and recommendation
/// headings such as "2. To chief constables".
/// </summary>
internal static class DocumentSections
{
    private const int MaxHeadingWords = 16;
    private const int MaxHeadingLength = 160;

    public static IReadOnlyList<DocumentSection> Split(IReadOnlyList<WordParagraph> paragraphs)
    {
        var sections = new List<DocumentSection>();
        var heading = string.Empty;
        var level = 0;
        var lastStyledLevel = 0;
        var content = new List<WordParagraph>();
        foreach (var paragraph in paragraphs)
        {
            var headingLevel = paragraph.OutlineLevel is { } outline ? outline + 1
                : IsStructuralHeading(paragraph) ? Math.Min(lastStyledLevel + 1, 9)
                : (int?)null;
            if (headingLevel is null)
            {
                content.Add(paragraph);
                continue;
            }

            Flush(sections, heading, level, content);
            heading = Labelled(paragraph);
            level = headingLevel.Value;
            lastStyledLevel = paragraph.OutlineLevel is { } styled ? styled + 1 : lastStyledLevel;
        }

        Flush(sections, heading, level, content);
        return sections;
    }

    /// <summary>The paragraph as Word shows it, its list number included: "2. To chief constables".</summary>
    public static string Labelled(WordParagraph paragraph) =>
        paragraph.List is { Style: not ListStyle.Bullet } list ? $"{list.Label} {paragraph.Plain}" : paragraph.Plain;

    /// <summary>
    /// The section's paragraphs as markup. Bullets and numbered lists become markup lists, nested one level; a
    /// lettered or Roman list at the top level becomes paragraphs that start with their label, because the markup's
    /// numbered lists print numbers there, and the force's own labels must not change.
    /// </summary>
    public static string Markup(IReadOnlyList<WordParagraph> paragraphs)
    {
        var text = new StringBuilder();
        var inList = false;
        foreach (var paragraph in paragraphs)
        {
            var list = paragraph.List;
            var nested = list is { Level: > 0 } && inList;
            var asItem = list is not null && (nested || list.Style != ListStyle.Lettered);
            if (text.Length > 0)
            {
                text.Append(asItem && inList ? "\n" : "\n\n");
            }

            if (asItem)
            {
                var marker = list!.Style == ListStyle.Bullet ? "-" : nested ? "1." : list.Number.ToString(CultureInfo.InvariantCulture) + ".";
                text.Append(nested ? "  " : string.Empty).Append(marker).Append(' ').Append(paragraph.Markup);
            }
            else
            {
                text.Append(list is null ? string.Empty : MarkupText.Escape(list.Label) + " ").Append(paragraph.Markup);
            }

            inList = asItem;
        }

        return text.ToString();
    }

    private static void Flush(List<DocumentSection> sections, string heading, int level, List<WordParagraph> content)
    {
        if (heading.Length > 0 || content.Count > 0)
        {
            sections.Add(new DocumentSection($"s{sections.Count + 1}", heading, level, Markup(content)));
        }

        content.Clear();
    }

    private static bool IsStructuralHeading(WordParagraph paragraph)
    {
        var text = Labelled(paragraph);
        if (text.Length > MaxHeadingLength || text.Split(' ').Length > MaxHeadingWords || paragraph.List is { Style: ListStyle.Bullet })
        {
            return false;
        }

        if (LineShapes.Heading(text, numberedHeadings: false) is { Rest.Length: 0 })
        {
            return true;
        }

        return paragraph.AllBold && !text.EndsWith('.') && !text.EndsWith(',') && !text.EndsWith(';');
    }
}
