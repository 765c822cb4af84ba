using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Markup;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;
using ResponseDrafter.Documents.Tests.Letters;
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

/// <summary>
/// A letter whose rich-text fields hold test markup, assembled with the built-in template (edited first, when a test
/// needs a template that differs), checked by the validator and opened for reading.
/// </summary>
internal sealed class AssembledMarkup : IDisposable
{
    public AssembledMarkup(Func<Letter, Letter> fill, Action<WordprocessingDocument>? editTemplate = null)
    {
        var template = editTemplate is null
            ? LetterTemplate.Default
            : LetterTemplate.Load(WordDocuments.Edit(LetterTemplate.Default.Docx, editTemplate)).Template!;
        var result = LetterAssembler.Assemble(fill(TestLetters.Minimal()), template);
        Assert.IsEmpty(result.Problems, string.Join("\n", result.Problems));
        Docx = result.Letter!.Docx;
        WordDocuments.AssertValid(Docx);
        Word = WordprocessingDocument.Open(new MemoryStream(Docx), isEditable: false);
    }

    /// <summary>The letter's opening (a control in the Normal style) holds <paramref name="markup"/>, its context <paramref name="context"/>.</summary>
    public static AssembledMarkup Opening(string markup, string? context = null, Action<WordprocessingDocument>? editTemplate = null) =>
        new(letter => letter with { Opening = markup, Context = context }, editTemplate);

    public byte[] Docx { get; }

    public WordprocessingDocument Word { get; }

    public MainDocumentPart Main => Word.MainDocumentPart!;

    /// <summary>The paragraphs written into the first control tagged <paramref name="tag"/>.</summary>
    public W.Paragraph[] Paragraphs(string tag = "opening") => [.. WordDocuments.Control(Word, tag).Descendants<W.Paragraph>()];

    public void Dispose() => Word.Dispose();
}
