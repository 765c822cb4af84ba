namespace ResponseDrafter.Documents.Markup;

/// <summary>
/// Rich text parsed once per letter: validation parses every field to report its problems, and assembly writes
/// the same fields, so the results are kept for it. The same text (an assurance quoted twice) is parsed once.
/// </summary>
internal sealed class ParsedMarkup
{
    private readonly Dictionary<string, RichTextParseResult> parsed = new(StringComparer.Ordinal);

    public RichTextParseResult Parse(string source)
    {
        if (!parsed.TryGetValue(source, out var result))
        {
            result = RichText.Parse(source);
            parsed.Add(source, result);
        }

        return result;
    }
}
