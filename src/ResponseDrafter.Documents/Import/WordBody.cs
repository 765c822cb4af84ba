using System.Xml;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// A paragraph of a Word document: its text as markup and as plain text, its place in a list, its outline level
/// (0 for "Heading 1") when its style or properties give one, and whether all its text is bold.
/// </summary>
internal sealed record WordParagraph(string Markup, string Plain, ListPlace? List, int? OutlineLevel, bool AllBold);

/// <summary>
/// Reads the body of an inspected Word document in reading order, in one streaming pass over its main part (see
/// <see cref="ParagraphRuns"/> for what a paragraph's text is). Tables are read row by row, cell by cell. Deleted and
/// moved-away text (tracked changes) is left out, inserted text is kept; text boxes, comments, footnotes, headers and
/// footers are not read. Only http, https and mailto links are kept as links.
/// </summary>
internal static class WordBody
{
    public static (IReadOnlyList<WordParagraph>? Paragraphs, UploadRefusal? Refusal) Read(byte[]? bytes, string? fileName, UploadLimits? limits)
    {
        if (WordUpload.Inspect(bytes, fileName, limits, DocxParts.Wanted, out var inspected) is { } refusal)
        {
            return (null, refusal);
        }

        try
        {
            using var parts = DocxParts.Open(bytes!, inspected!);
            using var main = parts?.Stream(parts.MainPart);
            return parts is null || main is null || Paragraphs(parts, main) is not { } paragraphs
                ? (null, WordUpload.Damaged(fileName, "it has no document body"))
                : (paragraphs, null);
        }
        catch (XmlException)
        {
            return (null, WordUpload.UnreadableXml(fileName));
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or ArgumentException
            or InvalidOperationException or NotSupportedException or FormatException or UriFormatException)
        {
            return (null, WordUpload.Damaged(fileName, "Word's own structure inside it cannot be read"));
        }
    }

    /// <summary>The paragraphs of the document's (first) body; null when it has none.</summary>
    private static List<WordParagraph>? Paragraphs(DocxParts parts, Stream main)
    {
        ParagraphRuns runs;
        using (var styles = parts.RelatedStream("styles"))
        {
            runs = new ParagraphRuns(StyleChain.Read(styles), parts.Hyperlinks());
        }

        ListNumbers lists;
        using (var numbering = parts.RelatedStream("numbering"))
        {
            lists = ListNumbers.Of(ListDefinitions.Read(numbering));
        }

        using var reader = WordXml.Reader(main);
        List<WordParagraph>? read = null;
        var body = -1;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when body < 0:
                    if (read is null && reader.Depth == 1 && reader.LocalName == "body" && reader.NamespaceURI == WordXml.W)
                    {
                        read = [];
                        body = reader.IsEmptyElement ? -1 : reader.Depth;
                    }

                    break;
                case XmlNodeType.Element:
                    runs.Start(reader);
                    break;
                case XmlNodeType.EndElement when reader.Depth == body:
                    body = -1;
                    break;
                case XmlNodeType.EndElement when body >= 0:
                    if (runs.End(reader) is { } paragraph)
                    {
                        read!.Add(paragraph.In(lists));
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA when body >= 0:
                    runs.Text(reader.Value);
                    break;
            }
        }

        return read;
    }
}
