namespace ResponseDrafter.Documents.Markup;

/// <summary>A block of rich text: a paragraph or a list.</summary>
public abstract record Block;

public sealed record ParagraphBlock(IReadOnlyList<Inline> Inlines) : Block;

public enum ListKind
{
    Bulleted,
    Numbered,
}

/// <summary>A list; <see cref="Start"/> is the first item's number (1 for bulleted lists).</summary>
public sealed record ListBlock(ListKind Kind, int Start, IReadOnlyList<ListEntry> Items) : Block;

/// <summary>One list item: a single paragraph, optionally followed by lists nested one level below it.</summary>
public sealed record ListEntry(IReadOnlyList<Inline> Inlines, IReadOnlyList<ListBlock> Sublists);

/// <summary>A piece of a paragraph.</summary>
public abstract record Inline;

/// <summary>Plain text; may contain tab characters, which become Word tabs.</summary>
public sealed record TextSpan(string Text) : Inline;

public sealed record BoldSpan(IReadOnlyList<Inline> Content) : Inline;

public sealed record ItalicSpan(IReadOnlyList<Inline> Content) : Inline;

/// <summary>A hyperlink to an http, https or mailto address.</summary>
public sealed record LinkSpan(Uri Target, IReadOnlyList<Inline> Content) : Inline;

/// <summary>A footnote reference, carrying the text of the footnote it refers to.</summary>
public sealed record FootnoteCall(string Label, IReadOnlyList<Inline> Note) : Inline;

/// <summary>A hard line break inside a paragraph (a line ending in a backslash).</summary>
public sealed record LineBreak : Inline;
