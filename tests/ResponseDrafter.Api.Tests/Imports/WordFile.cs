using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Api.Tests.Imports;

/// <summary>
/// Small Word documents written the way Word writes them: Heading styles with outline levels, bold runs, and lists as
/// real numbering (bullets, decimal and lower-letter), so that the import reads structure rather than typed labels.
/// </summary>
internal sealed class WordFile
{
    public const int BulletList = 1;
    public const int DecimalList = 2;
    public const int LetterList = 3;

    private readonly List<OpenXmlElement> paragraphs = [];
    private readonly List<(int Id, int Kind)> lists = [];

    public WordFile Heading(int level, string text)
    {
        paragraphs.Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }), Run(text, bold: false)));
        return this;
    }

    /// <summary>A paragraph; "**From:** rest" gives a bold run then a plain one.</summary>
    public WordFile Paragraph(string text)
    {
        paragraphs.Add(new Paragraph(text.Split("**").Select((part, k) => (part, k)).Where(p => p.part.Length > 0).Select(p => Run(p.part, bold: p.k % 2 == 1))));
        return this;
    }

    /// <summary>Starts a new list; the items added after it belong to it.</summary>
    public WordFile List(int kind)
    {
        lists.Add((lists.Count + 1, kind));
        return this;
    }

    public WordFile Item(string text)
    {
        paragraphs.Add(new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = lists[^1].Id })),
            Run(text, bold: false)));
        return this;
    }

    public byte[] Build(Action<WordprocessingDocument>? also = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => p.CloneNode(true))));
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
            also?.Invoke(document);
        }

        return stream.ToArray();
    }

    private static Run Run(string text, bool bold) =>
        new(bold ? new RunProperties(new Bold()) : new RunProperties(), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Styles Styles()
    {
        var styles = new Styles(new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        for (var level = 1; level <= 3; level++)
        {
            styles.Append(new Style(
                new StyleName { Val = $"heading {level}" },
                new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new OutlineLevel { Val = level - 1 }),
                new StyleRunProperties(new Bold()))
            { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" });
        }

        styles.Append(new Style(new StyleName { Val = "List Paragraph" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "ListParagraph" });
        return styles;
    }

    private Numbering Numbering()
    {
        var numbering = new Numbering(
            Definition(BulletList, NumberFormatValues.Bullet, "\u2022"),
            Definition(DecimalList, NumberFormatValues.Decimal, "%1."),
            Definition(LetterList, NumberFormatValues.LowerLetter, "%1."));
        foreach (var (id, kind) in lists)
        {
            numbering.Append(new NumberingInstance(new AbstractNumId { Val = kind }) { NumberID = id });
        }

        return numbering;
    }

    private static AbstractNum Definition(int id, NumberFormatValues format, string text) =>
        new(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = 0 })
        { AbstractNumberId = id };
}
