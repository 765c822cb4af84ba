namespace ResponseDrafter.Documents.Markup;

/// <summary>A problem in a rich-text field, with a 1-based line number and what was not understood.</summary>
public sealed record MarkupProblem(int Line, string Message);

/// <summary>Parsed rich text; <see cref="Blocks"/> is usable only when <see cref="Problems"/> is empty.</summary>
public sealed record RichTextParseResult(IReadOnlyList<Block> Blocks, IReadOnlyList<MarkupProblem> Problems);

/// <summary>The markup documented in templates/README.md, parsed into blocks and inlines.</summary>
public static class RichText
{
    public static RichTextParseResult Parse(string source) => throw new NotImplementedException();
}

public abstract record Block;

public abstract record Inline;
