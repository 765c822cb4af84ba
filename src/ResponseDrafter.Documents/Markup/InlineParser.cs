using System.Text;
using System.Text.RegularExpressions;

namespace ResponseDrafter.Documents.Markup;

/// <summary>
/// Bold, italic, links, footnote references, escapes and hard breaks inside one paragraph, list item or footnote.
/// The lines are joined with '\n' so emphasis may run across a line break, and every character keeps its line number.
/// </summary>
/// <remarks>
/// Emphasis marks count only at the edge of a word: an opening mark must not follow a letter or digit and must be
/// followed by a non-space; a closing mark must follow a non-space and must not be followed by a letter or digit.
/// That keeps "2 * 3", "2*3" and "snake_case_word" literal. An opening mark that is never closed is a problem.
/// </remarks>
internal sealed partial class InlineParser
{
    private readonly string text;
    private readonly List<(int Start, int Line)> lineStarts;
    private readonly HashSet<int> hardBreaks;
    private readonly FootnoteTable? footnotes;
    private readonly List<MarkupProblem> problems;
    private int pos;

    // Once a mark found no closer before the end, a later mark of the same kind will not find one either; remembering
    // that keeps text full of stray marks from being re-scanned again and again (CommonMark's "openers bottom").
    private readonly Dictionary<(Context Kind, int End), int> unclosedFrom = [];

    private InlineParser(string text, List<(int Start, int Line)> lineStarts, HashSet<int> hardBreaks, FootnoteTable? footnotes, List<MarkupProblem> problems)
    {
        this.text = text;
        this.lineStarts = lineStarts;
        this.hardBreaks = hardBreaks;
        this.footnotes = footnotes;
        this.problems = problems;
    }

    [Flags]
    private enum Context
    {
        None = 0,
        Bold = 1,
        StarItalic = 2,
        UnderscoreItalic = 4,
        LinkText = 8,
        Italic = StarItalic | UnderscoreItalic,
    }

    /// <param name="segments">The lines of the paragraph: number and text without surrounding spaces.</param>
    /// <param name="footnotes">Where footnote references are resolved; null inside a footnote, which cannot have one.</param>
    public static IReadOnlyList<Inline> Parse(IReadOnlyList<(int Line, string Text)> segments, FootnoteTable? footnotes, List<MarkupProblem> problems)
    {
        var joined = new StringBuilder();
        var lineStarts = new List<(int Start, int Line)>(segments.Count);
        var hardBreaks = new HashSet<int>();
        for (var k = 0; k < segments.Count; k++)
        {
            var (line, segment) = segments[k];
            var hardBreak = EndsWithHardBreak(segment);
            if (hardBreak)
            {
                segment = segment[..^1].TrimEnd(' ', '\t');
            }

            lineStarts.Add((joined.Length, line));
            joined.Append(segment);
            if (k < segments.Count - 1)
            {
                if (hardBreak)
                {
                    hardBreaks.Add(joined.Length);
                }

                joined.Append('\n');
            }
        }

        var parser = new InlineParser(joined.ToString(), lineStarts, hardBreaks, footnotes, problems);
        return parser.ParseSequence(joined.Length, Context.None, Context.None).Inlines;
    }

    private static bool EndsWithHardBreak(string segment)
    {
        var backslashes = segment.Length - segment.TrimEnd('\\').Length;
        return backslashes % 2 == 1;
    }

    private (IReadOnlyList<Inline> Inlines, bool Closed) ParseSequence(int end, Context enclosing, Context closer)
    {
        var output = new InlineBuilder();
        while (pos < end)
        {
            if (closer != Context.None && AtCloser(closer, end))
            {
                pos += Width(closer);
                return (output.Build(), true);
            }

            switch (text[pos])
            {
                case '\\':
                    ParseEscape(output, end);
                    break;
                case '\n':
                    if (hardBreaks.Contains(pos))
                    {
                        output.Add(new LineBreak());
                    }
                    else
                    {
                        output.Append(' ');
                    }

                    pos++;
                    break;
                case '*' or '_':
                    ParseDelimiterRun(output, end, enclosing);
                    break;
                case '[':
                    ParseBracket(output, end, enclosing);
                    break;
                case '!':
                    ParseExclamation(output, end);
                    break;
                case '`':
                    Report(pos, "code ('`') is not supported; use quotation marks, or write \\` for a literal backtick");
                    output.Append(text[pos++]);
                    break;
                case '<':
                    CheckAngleBracket();
                    output.Append(text[pos++]);
                    break;
                case '~' when pos + 2 < end && text[pos + 1] == '~' && !char.IsWhiteSpace(text[pos + 2]):
                    Report(pos, "strikethrough ('~~') is not supported");
                    output.Append("~~");
                    pos += 2;
                    break;
                default:
                    ParsePlain(output, end, enclosing);
                    break;
            }
        }

        return (output.Build(), closer == Context.None);
    }

    private void ParseEscape(InlineBuilder output, int end)
    {
        if (pos + 1 < end && IsAsciiPunctuation(text[pos + 1]))
        {
            output.Append(text[pos + 1]);
            pos += 2;
        }
        else
        {
            output.Append('\\');
            pos++;
        }
    }

    private static bool IsAsciiPunctuation(char c) => c is > ' ' and < '\x7f' && !char.IsAsciiLetterOrDigit(c);

    private void ParseDelimiterRun(InlineBuilder output, int end, Context enclosing)
    {
        var mark = text[pos];
        var run = 1;
        while (pos + run < end && text[pos + run] == mark)
        {
            run++;
        }

        var kind = !CanOpen(run, end) ? Context.None
            : mark == '*' && run >= 2 && !enclosing.HasFlag(Context.Bold) ? Context.Bold
            : mark == '*' && (enclosing & Context.Italic) == 0 ? Context.StarItalic
            : mark == '_' && run == 1 && (enclosing & Context.Italic) == 0 ? Context.UnderscoreItalic
            : Context.None;
        if (kind == Context.None && mark == '_' && run >= 2 && CanOpen(run, end))
        {
            Report(pos, "bold with underscores ('__') is not supported; write **bold**");
        }

        if (kind == Context.None)
        {
            output.Append(text.Substring(pos, run));
            pos += run;
            return;
        }

        TryEmphasis(output, end, enclosing, kind);
    }

    private void TryEmphasis(InlineBuilder output, int end, Context enclosing, Context kind)
    {
        var start = pos;
        var problemMark = problems.Count;
        var footnoteMark = footnotes?.Mark() ?? 0;
        var closed = false;
        if (!(unclosedFrom.TryGetValue((kind, end), out var failedStart) && start >= failedStart))
        {
            pos += Width(kind);
            (var content, closed) = ParseSequence(end, enclosing | kind, kind);
            if (closed && content.Count > 0)
            {
                output.Add(kind == Context.Bold ? new BoldSpan(content) : new ItalicSpan(content));
                return;
            }
        }

        // Abandon the attempt: what was found inside is parsed again as ordinary text after the literal mark.
        problems.RemoveRange(problemMark, problems.Count - problemMark);
        footnotes?.Rewind(footnoteMark);
        if (!closed)
        {
            Report(start, UnclosedMessage(kind));
            unclosedFrom[(kind, end)] = Math.Min(start, unclosedFrom.GetValueOrDefault((kind, end), start));
        }

        pos = start + Width(kind);
        output.Append(text.Substring(start, Width(kind)));
    }

    private static string UnclosedMessage(Context kind) => kind switch
    {
        Context.Bold => "'**' (bold) is opened but never closed; close it with '**' at the end of a word, or write \\*\\* for literal asterisks",
        Context.StarItalic => "'*' (italic) is opened but never closed; close it with '*' at the end of a word, or write \\* for a literal asterisk",
        _ => "'_' (italic) is opened but never closed; close it with '_' at the end of a word, or write \\_ for a literal underscore",
    };

    private bool CanOpen(int run, int end)
    {
        var before = pos > 0 ? text[pos - 1] : ' ';
        return pos + run < end && !char.IsWhiteSpace(text[pos + run]) && !char.IsLetterOrDigit(before);
    }

    private bool AtCloser(Context kind, int end)
    {
        var mark = kind == Context.UnderscoreItalic ? '_' : '*';
        var width = Width(kind);
        if (pos == 0 || pos + width > end || char.IsWhiteSpace(text[pos - 1]))
        {
            return false;
        }

        for (var k = 0; k < width; k++)
        {
            if (text[pos + k] != mark)
            {
                return false;
            }
        }

        return pos + width == end || !char.IsLetterOrDigit(text[pos + width]);
    }

    private static int Width(Context kind) => kind == Context.Bold ? 2 : 1;

    private void ParseBracket(InlineBuilder output, int end, Context enclosing)
    {
        if (pos + 1 < end && text[pos + 1] == '^')
        {
            if (TryFootnote(output, end))
            {
                return;
            }
        }
        else if (!enclosing.HasFlag(Context.LinkText) && TryLink(output, end, enclosing))
        {
            return;
        }

        output.Append(text[pos++]);
    }

    private bool TryFootnote(InlineBuilder output, int end)
    {
        var close = text.IndexOf(']', pos + 2, end - pos - 2);
        if (close <= pos + 2 || text.AsSpan(pos + 2, close - pos - 2).ContainsAny(" \t\n"))
        {
            return false;
        }

        var label = text[(pos + 2)..close];
        if (footnotes is null)
        {
            Report(pos, $"a footnote cannot contain a footnote reference ([^{label}])");
        }
        else if (footnotes.Call(label, LineAt(pos)) is { } call)
        {
            output.Add(call);
        }

        pos = close + 1;
        return true;
    }

    private bool TryLink(InlineBuilder output, int end, Context enclosing)
    {
        if (LinkShape(pos, end) is not var (close, closeParen))
        {
            return false;
        }

        var start = pos;
        var target = text[(close + 2)..closeParen].Trim(' ');
        pos = start + 1;
        var (content, _) = ParseSequence(close, enclosing | Context.LinkText, Context.None);
        pos = closeParen + 1;

        if (LinkProblem(content, target, out var uri) is { } problem)
        {
            Report(start, problem);
            output.AddRange(content);
        }
        else
        {
            output.Add(new LinkSpan(uri!, content));
        }

        return true;
    }

    private static string? LinkProblem(IReadOnlyList<Inline> content, string target, out Uri? uri)
    {
        uri = null;
        if (content.Count == 0)
        {
            return "a link needs text between '[' and ']'";
        }

        if (target.Length == 0)
        {
            return "a link's address is empty; write the full address, e.g. [text](https://www.example.org)";
        }

        if (target.AsSpan().ContainsAny(" \t\n"))
        {
            return $"a link's address cannot contain spaces or line breaks ('{target.Replace('\n', ' ')}')";
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https" or "mailto"))
        {
            return $"link address '{target}' is not allowed; only http://, https:// and mailto: addresses can be linked";
        }

        return null;
    }

    /// <summary>Where the ']' and ')' of "[text](target)" starting at <paramref name="open"/> are, if it is one.</summary>
    private (int Close, int CloseParen)? LinkShape(int open, int end)
    {
        var close = FindClosing(open, end, '[', ']');
        if (close < 0 || close + 1 >= end || text[close + 1] != '(')
        {
            return null;
        }

        var closeParen = FindClosing(close + 1, end, '(', ')');
        return closeParen < 0 ? null : (close, closeParen);
    }

    private int FindClosing(int open, int end, char opening, char closing)
    {
        var depth = 0;
        for (var k = open + 1; k < end; k++)
        {
            if (text[k] == '\\')
            {
                k++;
            }
            else if (text[k] == opening)
            {
                depth++;
            }
            else if (text[k] == closing && depth-- == 0)
            {
                return k;
            }
        }

        return -1;
    }

    private void ParseExclamation(InlineBuilder output, int end)
    {
        if (pos + 1 < end && text[pos + 1] == '[' && LinkShape(pos + 1, end) is var (_, closeParen))
        {
            Report(pos, "images ('![') are not supported; pictures belong in the template");
            pos = closeParen + 1;
            return;
        }

        output.Append(text[pos++]);
    }

    private void CheckAngleBracket()
    {
        if (text.AsSpan(pos).StartsWith("<!--"))
        {
            Report(pos, "HTML comments ('<!--') are not supported");
        }
        else if (Autolink().Match(text, pos) is { Success: true })
        {
            Report(pos, "automatic links ('<https://...>') are not supported; write [text](https://...)");
        }
        else if (HtmlTag().Match(text, pos) is { Success: true } tag)
        {
            Report(pos, $"HTML tags ('<{tag.Groups["name"].Value}>') are not supported; use **bold**, _italic_ or [text](https://...)");
        }
    }

    // A web address written out in prose is kept as it is, so that its '_' and '*' are not read as emphasis.
    private void ParsePlain(InlineBuilder output, int end, Context enclosing)
    {
        var atWordStart = pos == 0 || !char.IsLetterOrDigit(text[pos - 1]);
        if (atWordStart && BareAddress().Match(text, pos) is { Success: true })
        {
            var stop = pos;
            while (stop < end && !char.IsWhiteSpace(text[stop]) && !(enclosing.HasFlag(Context.LinkText) && text[stop] == ']'))
            {
                stop++;
            }

            output.Append(text[pos..stop]);
            pos = stop;
            return;
        }

        output.Append(text[pos++]);
    }

    private void Report(int at, string message) => problems.Add(new MarkupProblem(LineAt(at), message));

    /// <summary>The source line of the character at <paramref name="at"/> (a line break belongs to the line it ends).</summary>
    private int LineAt(int at)
    {
        var line = 0;
        foreach (var (start, number) in lineStarts)
        {
            if (start > at)
            {
                break;
            }

            line = number;
        }

        return line;
    }

    [GeneratedRegex(@"\G<(?:https?|mailto):[^\s<>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Autolink();

    [GeneratedRegex(@"\G</?(?<name>[A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\G(?:https?://|mailto:)", RegexOptions.IgnoreCase)]
    private static partial Regex BareAddress();

    private sealed class InlineBuilder
    {
        private readonly List<Inline> inlines = [];
        private readonly StringBuilder pending = new();

        public void Append(char c) => pending.Append(c);

        public void Append(string s) => pending.Append(s);

        public void Add(Inline inline)
        {
            Flush();
            inlines.Add(inline);
        }

        public void AddRange(IEnumerable<Inline> more)
        {
            foreach (var inline in more)
            {
                if (inline is TextSpan span)
                {
                    pending.Append(span.Text);
                }
                else
                {
                    Add(inline);
                }
            }
        }

        public List<Inline> Build()
        {
            Flush();
            return inlines;
        }

        private void Flush()
        {
            if (pending.Length > 0)
            {
                inlines.Add(new TextSpan(pending.ToString()));
                pending.Clear();
            }
        }
    }
}
