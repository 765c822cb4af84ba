using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Tests.Import;

/// <summary>A run of text for <see cref="DocxBuilder"/>: plain, bold, italic, or a hyperlink.</summary>
internal sealed record TextRun(string Text, bool Bold = false, bool Italic = false, string? Link = null)
{
    public static implicit operator TextRun(string text) => new(text);
}

/// <summary>
/// Builds small Word documents the way Word writes them: Heading styles with outline levels, and lists as real
/// numbering (bullets, decimal and lower-letter lists), so that the import reads structure, not typed labels.
/// </summary>
internal sealed class DocxBuilder
{
    public const int BulletList = 1;
    public const int DecimalList = 2;
    public const int LetterList = 3;

    private readonly List<Action<MainDocumentPart, Body>> content = [];
    private readonly List<(int Id, int Abstract)> instances = [];

    public DocxBuilder Heading(int level, string text)
    {
        content.Add((_, body) => body.Append(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }),
            new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))));
        return this;
    }

    public DocxBuilder Paragraph(params TextRun[] runs)
    {
        content.Add((main, body) => body.Append(new Paragraph(runs.Select(r => Inline(main, r)))));
        return this;
    }

    /// <summary>Starts a new list of the given kind; items added after it belong to it until the next list starts.</summary>
    public DocxBuilder List(int kind)
    {
        instances.Add((instances.Count + 1, kind));
        return this;
    }

    public DocxBuilder Item(string text, int level = 0, bool bold = false)
    {
        var numbering = instances[^1].Id;
        content.Add((main, body) => body.Append(new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numbering })),
            Inline(main, new TextRun(text, bold)))));
        return this;
    }

    public DocxBuilder Raw(OpenXmlElement element)
    {
        content.Add((_, body) => body.Append(element));
        return this;
    }

    public byte[] Build(Action<WordprocessingDocument>? also = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddStyles(main);
            AddNumbering(main);
            foreach (var add in content)
            {
                add(main, main.Document.Body!);
            }

            also?.Invoke(document);
        }

        return stream.ToArray();
    }

    private static OpenXmlElement Inline(MainDocumentPart main, TextRun run)
    {
        var properties = new RunProperties();
        if (run.Bold)
        {
            properties.Append(new Bold());
        }

        if (run.Italic)
        {
            properties.Append(new Italic());
        }

        var element = new Run(properties, new Text(run.Text) { Space = SpaceProcessingModeValues.Preserve });
        if (run.Link is null)
        {
            return element;
        }

        var relationship = main.AddHyperlinkRelationship(new Uri(run.Link), isExternal: true);
        return new Hyperlink(element) { Id = relationship.Id };
    }

    private static void AddStyles(MainDocumentPart main)
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
        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
    }

    private void AddNumbering(MainDocumentPart main)
    {
        var numbering = new Numbering(
            Definition(BulletList, NumberFormatValues.Bullet, "\u2022", "o"),
            Definition(DecimalList, NumberFormatValues.Decimal, "%1.", "%2."),
            Definition(LetterList, NumberFormatValues.LowerLetter, "%1.", "%2)"));
        foreach (var (id, kind) in instances)
        {
            numbering.Append(new NumberingInstance(new AbstractNumId { Val = kind }) { NumberID = id });
        }

        main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
    }

    private static AbstractNum Definition(int id, NumberFormatValues format, string top, string nested) =>
        new(
            new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = top }) { LevelIndex = 0 },
            new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = nested }) { LevelIndex = 1 })
        { AbstractNumberId = id };
}
