using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Workflow;

public enum ChangeKind
{
    Same,
    Added,
    Removed,
}

/// <param name="Text">One paragraph of the letter.</param>
public sealed record TextChange(ChangeKind Kind, string Text);

/// <summary>A letter as its paragraphs of plain text, and a readable comparison of two of them.</summary>
public static class LetterText
{
    /// <summary>The body's paragraphs in order (tables included), whitespace collapsed, empty ones left out.</summary>
    public static List<string> Paragraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx, writable: false);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return [];
        }

        return body.Descendants<Paragraph>()
            .Select(p => string.Join(' ', p.InnerText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(t => t.Length > 0)
            .ToList();
    }

    /// <summary>
    /// Paragraph by paragraph, what was kept, removed and added going from <paramref name="before"/> to
    /// <paramref name="after"/> (see <see cref="ParagraphDiff"/>: a moved paragraph shows as removed and added).
    /// </summary>
    public static List<TextChange> Compare(IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        [.. ParagraphDiff.Compare(before, after).Select(c => new TextChange(c.Kind switch
        {
            ParagraphChangeKind.Unchanged => ChangeKind.Same,
            ParagraphChangeKind.Added => ChangeKind.Added,
            _ => ChangeKind.Removed,
        }, c.Text))];
}
