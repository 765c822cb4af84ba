using System.Text;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// Lines of a paragraph broken by a PDF or a narrow column, joined back. Joining is un-breaking, never rewording:
/// lines meet with one space, except after a hyphen that ends a word ("non-" + "specialist"), which is kept and
/// joined without a space because "self-assessment" must not become "selfassessment".
/// </summary>
internal sealed class PastedParagraph(int firstLine)
{
    private readonly StringBuilder text = new();

    public int FirstLine { get; } = firstLine;

    public int LastLine { get; private set; } = firstLine;

    public int Length => text.Length;

    public PastedParagraph Append(int line, string more)
    {
        if (more.Length == 0)
        {
            return this;
        }

        if (text.Length > 0 && !EndsWithWordHyphen())
        {
            text.Append(' ');
        }

        text.Append(more);
        LastLine = line;
        return this;
    }

    /// <summary>Whether the last line stops mid-sentence, so that a line after a page break may carry on from it.</summary>
    public bool EndsOpen()
    {
        var end = text.Length - 1;
        while (end >= 0 && text[end] is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']')
        {
            end--;
        }

        return end >= 0 && text[end] is not ('.' or ';' or ':' or '!' or '?');
    }

    public bool EndsWith(string ending) => text.Length >= ending.Length && text.ToString(text.Length - ending.Length, ending.Length) == ending;

    /// <summary>An item in a list of clauses ends with ";", "; and" or "; or".</summary>
    public bool EndsClause() => EndsWith(";") || EndsWith("; and") || EndsWith("; or");

    public override string ToString() => text.ToString();

    private bool EndsWithWordHyphen() =>
        text.Length >= 2 && text[^1] is '-' or '\u00AD' && char.IsLetter(text[^2]);
}
