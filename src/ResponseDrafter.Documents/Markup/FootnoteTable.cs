namespace ResponseDrafter.Documents.Markup;

/// <summary>The footnote definitions of one field, and which of them the text has referred to so far.</summary>
internal sealed class FootnoteTable(List<MarkupProblem> problems)
{
    private readonly Dictionary<string, (int Line, IReadOnlyList<Inline> Note)> definitions = new(StringComparer.Ordinal);
    private readonly List<string> used = [];

    public void Define(string label, int line, IReadOnlyList<Inline> note)
    {
        if (definitions.ContainsKey(label))
        {
            problems.Add(new MarkupProblem(line, $"footnote [^{label}] is defined more than once"));
            return;
        }

        if (note.Count == 0)
        {
            problems.Add(new MarkupProblem(line, $"footnote [^{label}] has no text"));
        }

        definitions.Add(label, (line, note));
    }

    /// <summary>The call for a reference to <paramref name="label"/>, or null (and a problem) when there cannot be one.</summary>
    public FootnoteCall? Call(string label, int line)
    {
        if (!definitions.TryGetValue(label, out var definition))
        {
            problems.Add(new MarkupProblem(line, $"footnote [^{label}] is referred to but not defined; add a line '[^{label}]: footnote text'"));
            return null;
        }

        // A Word footnote has exactly one reference mark; a second reference would need a cross-reference field.
        if (used.Contains(label))
        {
            problems.Add(new MarkupProblem(line, $"footnote [^{label}] is referred to more than once; a Word footnote has one reference"));
            return null;
        }

        used.Add(label);
        return new FootnoteCall(label, definition.Note);
    }

    /// <summary>A mark to <see cref="Rewind"/> to when the inline parser abandons an attempt.</summary>
    public int Mark() => used.Count;

    public void Rewind(int mark) => used.RemoveRange(mark, used.Count - mark);

    public void ReportUnused()
    {
        foreach (var (label, definition) in definitions.Where(d => !used.Contains(d.Key)))
        {
            problems.Add(new MarkupProblem(definition.Line, $"footnote [^{label}] is defined but never referred to"));
        }
    }
}
