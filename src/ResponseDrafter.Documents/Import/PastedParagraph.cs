using System.Text;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// Lines of a paragraph broken by a PDF or a narrow column, joined back. Joining is un-breaking, never rewording:
/// lines meet with one space, except after a hyphen that ends a word, where they meet without one; the hyphen goes when
/// the printer put it there ("investi-" + "gation") and stays when it is the word's ("self-" + "assessment"), as
/// <see cref="LineEndHyphens"/> decides.
/// </summary>
internal sealed class PastedParagraph(int firstLine, LineEndHyphens hyphens)
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

        if (EndsWithWordHyphen())
        {
            if (hyphens.Join(text.ToString(Math.Max(0, text.Length - 100), Math.Min(text.Length, 100)), more, LastLine))
            {
                text.Length--;
            }
        }
        else if (text.Length > 0)
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
