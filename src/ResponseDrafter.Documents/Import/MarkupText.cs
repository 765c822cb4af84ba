using System.Buffers;
using System.Text;
using ResponseDrafter.Documents.Markup;

namespace ResponseDrafter.Documents.Import;

/// <summary>A run of text from a Word paragraph with its emphasis and link. '\n' in <see cref="Text"/> is a line break.</summary>
internal sealed record Piece(string Text, bool Bold, bool Italic, Uri? Link);

/// <summary>
/// Writes Word text as the rich-text markup of templates/markup.md: emphasis as ** and _, links as [text](address),
/// line breaks as a trailing backslash, and every character the markup would read as syntax escaped. Each paragraph
/// is checked by parsing it back; if the markup would not print exactly the force's text, the paragraph is written
/// plain, without emphasis, rather than changed.
/// </summary>
internal static class MarkupText
{
    private const string InlineSyntax = "\\*_[]`<~|";
    private static readonly string[] Addresses = ["http://", "https://", "mailto:"];

    /// <summary>What <see cref="Inline"/> may have to escape: the syntax, and the colon of a written-out address.</summary>
    private static readonly SearchValues<char> InlineOrAddress = SearchValues.Create(InlineSyntax + ":");

    public static string Paragraph(IReadOnlyList<Piece> pieces)
    {
        var cleaned = Merge(pieces);

        // Without emphasis or links the markup is the escaped text either way, which prints the text by construction.
        if (!cleaned.Exists(p => p.Bold || p.Italic || (p.Link is { } link && IsLinkable(link))))
        {
            return cleaned.Count == 1 ? Escape(cleaned[0].Text) : Lines(cleaned, formatted: false);
        }

        var expected = Plain(cleaned);
        var rich = Lines(cleaned, formatted: true);
        return Prints(rich, expected) ? rich : Lines(cleaned, formatted: false);
    }

    /// <summary>Plain text as markup that prints it unchanged.</summary>
    public static string Escape(string text) =>
        text.Contains('\n', StringComparison.Ordinal)
            ? Lines([new Piece(text, false, false, null)], formatted: false)
            : LineStart(Inline(text, inLink: false).Trim(' ', '\t'));

    /// <summary>What a paragraph's markup prints, as plain text: for matching and comparison, not for display.</summary>
    public static string PlainOf(string markup) => PlainOf(RichText.Parse(markup));

    private static string PlainOf(RichTextParseResult parsed)
    {
        var text = new StringBuilder();
        foreach (var block in parsed.Blocks)
        {
            AppendBlock(text, block);
            text.Append('\n');
        }

        return text.ToString().Trim();
    }

    private static List<Piece> Merge(IReadOnlyList<Piece> pieces)
    {
        var merged = new List<Piece>();
        foreach (var piece in pieces)
        {
            var text = Storable(piece.Text);
            if (text.Length == 0)
            {
                continue;
            }

            if (merged.Count > 0 && merged[^1] is var last && last.Bold == piece.Bold && last.Italic == piece.Italic && last.Link == piece.Link)
            {
                merged[^1] = last with { Text = last.Text + text };
            }
            else
            {
                merged.Add(ReferenceEquals(text, piece.Text) ? piece : piece with { Text = text });
            }
        }

        return merged;
    }

    private static string Storable(string text) =>
        text.AsSpan().ContainsAny(NotStorable) ? string.Concat(text.Where(c => !NotStorable.Contains(c))) : text;

    /// <summary>Control characters other than tab and line feed, and the two non-characters Word cannot store.</summary>
    private static readonly SearchValues<char> NotStorable = SearchValues.Create(
        [.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => c is not ('\t' or '\n') && (char.IsControl(c) || c is '\uFFFE' or '\uFFFF'))]);

    private static string Plain(List<Piece> pieces) => Normalised(string.Concat(pieces.Select(p => p.Text)));

    private static bool Prints(string markup, string expected)
    {
        var parsed = RichText.Parse(markup);
        return parsed.Problems.Count == 0 && parsed.Blocks.Count <= 1 && parsed.Blocks.All(b => b is ParagraphBlock) && Normalised(PlainOf(parsed)) == expected;
    }

    private static string Lines(List<Piece> pieces, bool formatted)
    {
        var lines = new List<StringBuilder> { new() };
        var pending = new List<Piece>();
        foreach (var piece in pieces)
        {
            var parts = piece.Text.Split('\n');
            for (var k = 0; k < parts.Length; k++)
            {
                if (k > 0)
                {
                    Write(lines[^1], pending, formatted);
                    pending.Clear();
                    lines.Add(new StringBuilder());
                }

                if (parts[k].Length > 0)
                {
                    pending.Add(piece with { Text = parts[k] });
                }
            }
        }

        Write(lines[^1], pending, formatted);
        // An empty line would end the paragraph, so a run of line breaks counts as one.
        return string.Join("\\\n", lines.Select(l => LineStart(l.ToString().Trim(' ', '\t'))).Where(l => l.Length > 0));
    }

    private static void Write(StringBuilder line, List<Piece> pieces, bool formatted)
    {
        for (var k = 0; k < pieces.Count; k++)
        {
            var piece = pieces[k];
            var next = k + 1 < pieces.Count ? pieces[k + 1].Text.FirstOrDefault() : ' ';
            if (formatted && piece.Link is { } link && IsLinkable(link))
            {
                line.Append('[').Append(Inline(piece.Text, inLink: true)).Append("](").Append(Address(link)).Append(')');
            }
            else if (formatted && (piece.Bold || piece.Italic))
            {
                Emphasised(line, piece, next);
            }
            else
            {
                line.Append(Inline(piece.Text, inLink: false));
            }
        }
    }

    /// <summary>Marks go around the words only, and only where the markup reads them as marks: at the edges of words.</summary>
    private static void Emphasised(StringBuilder line, Piece piece, char next)
    {
        var core = piece.Text.Trim();
        var before = line.Length > 0 ? line[^1] : ' ';
        var leading = piece.Text[..piece.Text.IndexOf(core, StringComparison.Ordinal)];
        var trailing = piece.Text[(leading.Length + core.Length)..];
        var after = trailing.Length > 0 ? ' ' : next;
        var edgeOfWords = core.Length > 0
            && !char.IsLetterOrDigit(leading.Length > 0 ? ' ' : before)
            && !char.IsLetterOrDigit(after)
            && !Addresses.Any(a => core.Contains(a, StringComparison.OrdinalIgnoreCase));
        if (!edgeOfWords)
        {
            line.Append(Inline(piece.Text, inLink: false));
            return;
        }

        var (open, close) = (piece.Bold, piece.Italic) switch
        {
            (true, true) => ("**_", "_**"),
            (true, false) => ("**", "**"),
            _ => ("_", "_"),
        };
        line.Append(leading).Append(open).Append(Inline(core, inLink: false)).Append(close).Append(trailing);
    }

    /// <summary>
    /// Escapes the characters the inline markup reads. A written-out web address is printed by the markup as it is,
    /// so it is copied unescaped; one holding a backslash (which could end the line as a line break) has the colon of
    /// its scheme escaped instead, so that the markup reads it as ordinary, escaped text.
    /// </summary>
    private static string Inline(string text, bool inLink)
    {
        if (!text.AsSpan().ContainsAny(InlineOrAddress))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var atWordStart = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var scheme = atWordStart ? Addresses.FirstOrDefault(a => string.Compare(text, i, a, 0, a.Length, StringComparison.OrdinalIgnoreCase) == 0) : null;
            if (scheme is not null)
            {
                var stop = i;
                while (stop < text.Length && !char.IsWhiteSpace(text[stop]) && !(inLink && text[stop] == ']'))
                {
                    stop++;
                }

                if (!text.AsSpan(i, stop - i).Contains('\\'))
                {
                    escaped.Append(text, i, stop - i);
                    i = stop - 1;
                    continue;
                }

                var colon = scheme.IndexOf(':', StringComparison.Ordinal);
                escaped.Append(text, i, colon).Append("\\:");
                i += colon;
                continue;
            }

            if (InlineSyntax.Contains(text[i], StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(text[i]);
        }

        return escaped.ToString();
    }

    /// <summary>What the markup would read at the start of a line: a heading, a quote, a list marker, a rule.</summary>
    private static string LineStart(string line)
    {
        if (line.Length == 0)
        {
            return line;
        }

        if (line[0] is '#' or '>' or '=' or '+' or '-')
        {
            return "\\" + line;
        }

        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits is > 0 and <= 9 && digits < line.Length && line[digits] is '.' or ')'
            ? string.Concat(line.AsSpan(0, digits), "\\", line.AsSpan(digits))
            : line;
    }

    private static bool IsLinkable(Uri link) =>
        link.IsAbsoluteUri && link.Scheme is "http" or "https" or "mailto" && !link.OriginalString.Any(char.IsWhiteSpace);

    private static string Address(Uri link) => link.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);

    private static string Normalised(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static void AppendBlock(StringBuilder text, Block block)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                AppendInlines(text, paragraph.Inlines);
                break;
            case ListBlock list:
                foreach (var item in list.Items)
                {
                    AppendInlines(text, item.Inlines);
                    text.Append('\n');
                    item.Sublists.ToList().ForEach(s => AppendBlock(text, s));
                }

                break;
        }
    }

    private static void AppendInlines(StringBuilder text, IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextSpan span:
                    text.Append(span.Text);
                    break;
                case BoldSpan bold:
                    AppendInlines(text, bold.Content);
                    break;
                case ItalicSpan italic:
                    AppendInlines(text, italic.Content);
                    break;
                case LinkSpan link:
                    AppendInlines(text, link.Content);
                    break;
                case LineBreak:
                    text.Append('\n');
                    break;
            }
        }
    }
}
