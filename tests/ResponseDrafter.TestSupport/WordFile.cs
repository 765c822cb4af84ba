using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.TestSupport;

/// <summary>A run of text for <see cref="WordFile"/>: plain, bold, italic, or a hyperlink. A string is a plain run.</summary>
public sealed record TextRun(string Text, bool Bold = false, bool Italic = false, string? Link = null)
{
    public static implicit operator TextRun(string text) => new(text);
}

/// <summary>The kinds of list Word numbers (•, 1., a.): each is an abstract numbering definition with two levels.</summary>
public enum WordList
{
    Bullet = 1,
    Numbered = 2,
    Lettered = 3,
}

/// <summary>
/// Builds small Word documents the way Word writes them: Heading styles with outline levels, runs in bold, italic or
/// linked, and lists as real numbering (bullets, decimal and lower-letter), so that an import reads structure rather
/// than typed labels. Text is taken as it is: "**" in a string is two asterisks, not bold.
/// </summary>
public sealed class WordFile
{
    private readonly List<Action<MainDocumentPart, Body>> content = [];
    private readonly List<(int Id, WordList Kind)> lists = [];

    public WordFile Heading(int level, string text)
    {
        content.Add((_, body) => body.Append(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }),
            new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))));
        return this;
    }

    public WordFile Paragraph(params TextRun[] runs)
    {
        content.Add((main, body) => body.Append(new Paragraph(runs.Select(r => Inline(main, r)))));
        return this;
    }

    /// <summary>Starts a new list of the given kind; items added after it belong to it until the next list starts.</summary>
    public WordFile List(WordList kind)
    {
        lists.Add((lists.Count + 1, kind));
        return this;
    }

    public WordFile Item(string text, int level = 0, bool bold = false)
    {
        var numbering = lists[^1].Id;
        content.Add((main, body) => body.Append(new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numbering })),
            Inline(main, new TextRun(text, bold)))));
        return this;
    }

    /// <summary>An element appended to the body as given, for what the other methods do not write.</summary>
    public WordFile Raw(OpenXmlElement element)
    {
        content.Add((_, body) => body.Append(element));
        return this;
    }

    /// <summary>
    /// A paragraph showing a picture that is not in the file but linked from <paramref name="source"/> (an external
    /// image relationship, as Word's "Insert and Link" writes it), which a renderer would fetch to draw it.
    /// </summary>
    public WordFile LinkedPicture(Uri source)
    {
        content.Add((main, body) =>
        {
            var link = main.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", source);
            var run = new Run();
            run.InnerXml =
                "<w:drawing xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"" +
                " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"" +
                " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"" +
                " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"" +
                " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                "<wp:inline><wp:extent cx=\"952500\" cy=\"952500\"/><wp:docPr id=\"1\" name=\"Linked picture\"/>" +
                "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>" +
                "<pic:nvPicPr><pic:cNvPr id=\"1\" name=\"linked.png\"/><pic:cNvPicPr/></pic:nvPicPr>" +
                $"<pic:blipFill><a:blip r:link=\"{link.Id}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>" +
                "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"952500\" cy=\"952500\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>" +
                "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>";
            body.Append(new Paragraph(run));
        });
        return this;
    }

    /// <summary>The file's bytes; <paramref name="also"/> may change the open package before it is saved.</summary>
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
            Definition(WordList.Bullet, NumberFormatValues.Bullet, "\u2022", "o"),
            Definition(WordList.Numbered, NumberFormatValues.Decimal, "%1.", "%2."),
            Definition(WordList.Lettered, NumberFormatValues.LowerLetter, "%1.", "%2)"));
        foreach (var (id, kind) in lists)
        {
            numbering.Append(new NumberingInstance(new AbstractNumId { Val = (int)kind }) { NumberID = id });
        }

        main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
    }

    private static AbstractNum Definition(WordList kind, NumberFormatValues format, string top, string nested) =>
        new(
            new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = top }) { LevelIndex = 0 },
            new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = nested }) { LevelIndex = 1 })
        { AbstractNumberId = (int)kind };
}
