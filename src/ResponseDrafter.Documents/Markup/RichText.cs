namespace ResponseDrafter.Documents.Markup;

/// <summary>A problem in a rich-text field: the 1-based line it is on and what is wrong there.</summary>
/// <remarks><see cref="Message"/> has no line prefix; <see cref="ToString"/> gives "line 3: message".</remarks>
public sealed record MarkupProblem(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>Parsed rich text; <see cref="Blocks"/> is usable only when <see cref="Problems"/> is empty.</summary>
public sealed record RichTextParseResult(IReadOnlyList<Block> Blocks, IReadOnlyList<MarkupProblem> Problems);

/// <summary>The markup documented in templates/markup.md, parsed into blocks and inlines.</summary>
public static class RichText
{
    public static RichTextParseResult Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new RichTextParser(source).Parse();
    }
}
