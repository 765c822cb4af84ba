using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// A paragraph of a Word document: its text as markup and as plain text, its place in a list, its outline level
/// (0 for "Heading 1") when its style or properties give one, and whether all its text is bold.
/// </summary>
internal sealed record WordParagraph(string Markup, string Plain, ListPlace? List, int? OutlineLevel, bool AllBold);

/// <summary>
/// Reads the body of an inspected Word document in reading order. Tables are read row by row, cell by cell.
/// Deleted and moved-away text (tracked changes) is left out, inserted text is kept; text boxes, comments,
/// footnotes, headers and footers are not read. Only http, https and mailto links are kept as links.
/// </summary>
internal static class WordBody
{
    private const int BodyText = 9;

    public static (IReadOnlyList<WordParagraph>? Paragraphs, UploadRefusal? Refusal) Read(byte[]? bytes, string? fileName, UploadLimits? limits)
    {
        limits ??= UploadLimits.Default;
        if (WordUpload.Inspect(bytes, fileName, limits) is { } refusal)
        {
            return (null, refusal);
        }

        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes!, writable: false), false, new OpenSettings
            {
                MaxCharactersInPart = limits.MaxExpandedBytes,
            });
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body;
            return body is null
                ? (null, WordUpload.Damaged(fileName, "it has no document body"))
                : (Paragraphs(main!, body), null);
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or XmlException or IOException
            or FileFormatException or InvalidOperationException or NotSupportedException or ArgumentException or FormatException)
        {
            return (null, WordUpload.Damaged(fileName, "Word's own structure inside it cannot be read"));
        }
    }

    private static List<WordParagraph> Paragraphs(MainDocumentPart main, Body body) =>
        Paragraphs(
            body,
            StyleChain.Read(main.StyleDefinitionsPart?.GetStream()),
            ListNumbers.Of(ListDefinitions.Read(main.NumberingDefinitionsPart?.GetStream())),
            main.HyperlinkRelationships.ToDictionary(r => r.Id, r => r.Uri, StringComparer.Ordinal));

    /// <summary>The paragraphs inside <paramref name="root"/> (a body, or a content control's content), read as the body is.</summary>
    public static List<WordParagraph> Paragraphs(OpenXmlElement root, StyleChain styles, ListNumbers lists, IReadOnlyDictionary<string, Uri> links)
    {
        var read = new List<WordParagraph>();
        foreach (var paragraph in root.Descendants<Paragraph>())
        {
            if (paragraph.Ancestors<TextBoxContent>().Any())
            {
                continue;
            }

            var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            var runs = new List<(Piece Piece, bool LooksBold)>();
            Collect(paragraph, new RunContext(styles, style, links, null), runs);
            var plain = string.Concat(runs.Select(r => r.Piece.Text)).Trim();
            if (plain.Length == 0)
            {
                continue;
            }

            var properties = paragraph.ParagraphProperties;
            var direct = properties?.NumberingProperties is { NumberingId.Val.Value: var numId } numbering
                ? (numId, numbering.NumberingLevelReference?.Val?.Value ?? 0)
                : ((int, int)?)null;
            var list = styles.Numbering(direct, style) is var (id, level) && id != 0 ? lists.Next(id, level) : null;
            var outline = styles.OutlineLevel(properties?.OutlineLevel?.Val?.Value, style);
            var allBold = runs.Where(r => !string.IsNullOrWhiteSpace(r.Piece.Text)).All(r => r.LooksBold);
            read.Add(new WordParagraph(MarkupText.Paragraph([.. runs.Select(r => r.Piece)]), plain, list, outline is >= 0 and < BodyText ? outline : null, allBold));
        }

        return read;
    }

    private static void Collect(OpenXmlElement element, RunContext context, List<(Piece, bool)> runs)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Run run:
                    CollectRun(run, context, runs);
                    break;
                case Hyperlink hyperlink:
                    var target = hyperlink.Id?.Value is { } id && context.Links.TryGetValue(id, out var uri) ? uri : null;
                    Collect(hyperlink, context with { Link = target }, runs);
                    break;
                case InsertedRun or MoveToRun or SdtRun or SdtContentRun or SimpleField or CustomXmlRun:
                    Collect(child, context, runs);
                    break;
            }
        }
    }

    private static void CollectRun(Run run, RunContext context, List<(Piece, bool)> runs)
    {
        var properties = run.RunProperties;
        if (OnOff(properties?.Vanish) == true)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    text.Append('\t');
                    break;
                case Break br when br.Type is null || br.Type.Value == BreakValues.TextWrapping:
                    text.Append('\n');
                    break;
                case Break:
                    text.Append(' ');
                    break;
                case CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        if (text.Length == 0)
        {
            return;
        }

        // Emphasis is what the force applied (directly or with a character style such as Strong); bold that comes
        // from the paragraph's style is the style's look, which counts only when judging whether a line is a heading.
        var characterStyle = properties?.RunStyle?.Val?.Value;
        var bold = OnOff(properties?.Bold) ?? context.Styles.Bold(characterStyle);
        var italic = OnOff(properties?.Italic) ?? context.Styles.Italic(characterStyle);
        runs.Add((new Piece(text.ToString(), bold ?? false, italic ?? false, context.Link), bold ?? context.Styles.Bold(context.ParagraphStyle) ?? false));
    }

    private static bool? OnOff(OnOffType? value) => value is null ? null : value.Val is null || value.Val.Value;

    private sealed record RunContext(StyleChain Styles, string? ParagraphStyle, IReadOnlyDictionary<string, Uri> Links, Uri? Link);
}
