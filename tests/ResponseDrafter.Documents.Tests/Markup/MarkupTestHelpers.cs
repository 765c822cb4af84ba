using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ResponseDrafter.Documents.Markup;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Tests.Markup;

/// <summary>A compact rendering of parsed rich text, so a test can state the whole expected shape on one line.</summary>
internal static class Shape
{
    public static string Of(IReadOnlyList<Block> blocks) => string.Join(" / ", blocks.Select(Block));

    public static string Of(IReadOnlyList<Inline> inlines) => string.Concat(inlines.Select(Inline));

    private static string Block(Block block) => block switch
    {
        ParagraphBlock p => $"P({Of(p.Inlines)})",
        ListBlock list => List(list),
        _ => throw new ArgumentException(block.ToString()),
    };

    private static string List(ListBlock list) =>
        $"{list.Kind}@{list.Start}{{{string.Join("|", list.Items.Select(i => Of(i.Inlines) + string.Concat(i.Sublists.Select(List))))}}}";

    private static string Inline(Inline inline) => inline switch
    {
        TextSpan t => t.Text,
        BoldSpan b => $"B({Of(b.Content)})",
        ItalicSpan i => $"I({Of(i.Content)})",
        LinkSpan l => $"L({l.Target.OriginalString}|{Of(l.Content)})",
        FootnoteCall f => $"F({f.Label}:{Of(f.Note)})",
        LineBreak => "<br>",
        _ => throw new ArgumentException(inline.ToString()),
    };
}

/// <summary>An empty, valid Word document in memory: a body and a Normal style, optionally a settings part.</summary>
internal sealed class TestDocument : IDisposable
{
    private readonly MemoryStream stream = new();

    public TestDocument(bool withSettings = false)
    {
        Word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = Word.AddMainDocumentPart();
        main.Document = new W.Document(new W.Body());
        main.AddNewPart<StyleDefinitionsPart>().Styles = new W.Styles(
            new W.Style(new W.StyleName { Val = "Normal" }, new W.PrimaryStyle())
            {
                Type = W.StyleValues.Paragraph,
                StyleId = "Normal",
                Default = true,
            });
        if (withSettings)
        {
            main.AddNewPart<DocumentSettingsPart>().Settings = new W.Settings(
                new W.DefaultTabStop { Val = 720 },
                new W.CharacterSpacingControl { Val = W.CharacterSpacingValues.DoNotCompress },
                new W.Compatibility());
        }
    }

    public WordprocessingDocument Word { get; private set; }

    public MainDocumentPart Main => Word.MainDocumentPart!;

    public W.Body Body => Main.Document!.Body!;

    /// <summary>Parses <paramref name="markup"/> (which must have no problems), writes it into the body and returns what was written.</summary>
    public IReadOnlyList<OpenXmlElement> Write(string markup, string paragraphStyleId = "Normal", RichTextWriter? writer = null)
    {
        var parsed = RichText.Parse(markup);
        Assert.AreEqual("", string.Join("\n", parsed.Problems), "the test markup should parse cleanly");
        var elements = (writer ?? new RichTextWriter(Main)).Write(parsed.Blocks, paragraphStyleId);
        Body.Append(elements);
        return elements;
    }

    public void AssertValid()
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(Word)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.AreEqual("", string.Join("\n", errors), "OpenXmlValidator errors");
    }

    /// <summary>Saves, closes and opens the package again, as Word would find it on disk.</summary>
    public void Reopen()
    {
        Word.Dispose();
        stream.Position = 0;
        Word = WordprocessingDocument.Open(stream, true);
    }

    public void Dispose()
    {
        Word.Dispose();
        stream.Dispose();
    }
}
