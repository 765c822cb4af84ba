using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ResponseDrafter.Documents.Markup;

/// <summary>
/// The block level of the markup: lines are classified first, footnote definitions are taken out wherever they
/// are, then paragraphs and lists are built from what is left. Decisions are documented in templates/markup.md.
/// </summary>
internal sealed partial class RichTextParser(string source)
{
    private readonly List<MarkupProblem> problems = [];

    public RichTextParseResult Parse()
    {
        var lines = SplitLines(source).Select(Classify).ToList();
        var footnotes = new FootnoteTable(problems);
        var body = TakeFootnoteDefinitions(lines, footnotes);
        var blocks = ParseBlocks(body, footnotes);
        footnotes.ReportUnused();
        return new RichTextParseResult(blocks, problems.Count == 0 ? [] : problems.OrderBy(p => p.Line).Distinct().ToList());
    }

    private IEnumerable<(int Number, string Text)> SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Split('\n')
            .Select((line, index) => (index + 1, RemoveUnstorable(line, index + 1)));

    private string RemoveUnstorable(string line, int number)
    {
        StringBuilder? kept = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
            {
                kept?.Append(c).Append(line[i + 1]);
                i++;
            }
            else if (IsStorable(c))
            {
                kept?.Append(c);
            }
            else
            {
                kept ??= new StringBuilder(line[..i]);
                Report(number, $"character U+{(int)c:X4} cannot be stored in a Word document");
            }
        }

        return kept?.ToString() ?? line;
    }

    private static bool IsStorable(char c) =>
        c == '\t' || (c >= ' ' && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF');

    private SourceLine Classify((int Number, string Text) line)
    {
        var (number, text) = line;
        var trimmed = text.Trim(' ', '\t');
        if (trimmed.Length == 0)
        {
            return SourceLine.Blank(number);
        }

        var indent = IndentWidth(text);
        if (indent <= 3 && FootnoteDefinition().Match(trimmed) is { Success: true } definition)
        {
            return new SourceLine(number, LineKind.FootnoteDefinition, indent, trimmed, definition.Groups["text"].Value, 0, definition.Groups["label"].Value);
        }

        if (UnsupportedBlock(trimmed) is { } message)
        {
            Report(number, message);
            return SourceLine.Blank(number);
        }

        if (BulletItem().Match(trimmed) is { Success: true } bullet)
        {
            return new SourceLine(number, LineKind.BulletItem, indent, trimmed, bullet.Groups["text"].Value, 1, null);
        }

        if (NumberItem().Match(trimmed) is { Success: true } item)
        {
            var start = int.Parse(item.Groups["number"].Value, CultureInfo.InvariantCulture);
            return new SourceLine(number, LineKind.NumberItem, indent, trimmed, item.Groups["text"].Value, start, null);
        }

        return new SourceLine(number, LineKind.Text, indent, trimmed, trimmed, 0, null);
    }

    private static int IndentWidth(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                width++;
            }
            else if (c == '\t')
            {
                width += 4;
            }
            else
            {
                break;
            }
        }

        return width;
    }

    private static string? UnsupportedBlock(string line) => line switch
    {
        _ when Heading().IsMatch(line) => "headings ('#') are not supported; use a separate field or bold text",
        _ when HorizontalRule().IsMatch(line) => "horizontal rules and underlined headings ('---', '***', '===') are not supported",
        ['>', ..] => "block quotes ('>') are not supported; write the quotation as an ordinary paragraph in quotation marks",
        ['`', '`', '`', ..] => "code blocks ('```') are not supported",
        ['~', '~', '~', ..] => "code blocks ('~~~') are not supported",
        ['|', ..] => "tables ('|' rows) are not supported; write the rows as a list",
        _ when TableDelimiterRow().IsMatch(line) => "tables ('|' rows) are not supported; write the rows as a list",
        ['+', ' ' or '\t', ..] => "'+' bullets are not supported; start bulleted items with '- '",
        _ when ParenthesisedNumber().IsMatch(line) => "numbered items are written '1.' (a full stop), not '1)'",
        _ => null,
    };

    private List<SourceLine> TakeFootnoteDefinitions(List<SourceLine> lines, FootnoteTable footnotes)
    {
        var body = new List<SourceLine>(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Kind != LineKind.FootnoteDefinition)
            {
                continue;
            }

            var segments = new List<(int, string)> { (line.Number, line.Content) };
            body[i] = SourceLine.Blank(line.Number);
            while (i + 1 < lines.Count && lines[i + 1].Kind == LineKind.Text)
            {
                i++;
                segments.Add((lines[i].Number, lines[i].Text));
                body[i] = SourceLine.Blank(lines[i].Number);
            }

            footnotes.Define(line.Label!, line.Number, InlineParser.Parse(segments, null, problems));
        }

        return body;
    }

    private List<Block> ParseBlocks(List<SourceLine> lines, FootnoteTable footnotes)
    {
        var blocks = new List<Block>();
        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];
            if (line.Kind == LineKind.Blank)
            {
                i++;
            }
            else if (line.IsItem)
            {
                blocks.Add(ParseList(lines, ref i).Build(segments => InlineParser.Parse(segments, footnotes, problems)));
            }
            else
            {
                blocks.Add(new ParagraphBlock(InlineParser.Parse(ParagraphLines(lines, ref i), footnotes, problems)));
            }
        }

        return blocks;
    }

    private static List<(int, string)> ParagraphLines(List<SourceLine> lines, ref int i)
    {
        var segments = new List<(int, string)> { (lines[i].Number, lines[i].Text) };
        i++;
        while (i < lines.Count && lines[i].Kind != LineKind.Blank && !InterruptsParagraph(lines[i]))
        {
            segments.Add((lines[i].Number, lines[i].Text));
            i++;
        }

        return segments;
    }

    // As in CommonMark, a numbered item interrupts a paragraph only when it starts at 1, so that a
    // year or a figure that happens to begin a wrapped line ("...in\n2021. The force") stays prose.
    private static bool InterruptsParagraph(SourceLine line) =>
        line.Kind == LineKind.BulletItem || (line.Kind == LineKind.NumberItem && line.Start == 1);

    private ListBuilder ParseList(List<SourceLine> lines, ref int i)
    {
        var list = new ListBuilder(lines[i].ItemKind, lines[i].Start);
        ListBuilder? nested = null;
        var nestedIndent = 0;
        List<(int, string)>? current = null;
        var afterBlank = false;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Kind == LineKind.Blank)
            {
                afterBlank = true;
                continue;
            }

            if (!line.IsItem)
            {
                if (afterBlank)
                {
                    break;
                }

                current!.Add((line.Number, line.Text));
                continue;
            }

            if (list.Items.Count == 0 || line.Indent <= 1)
            {
                if (line.ItemKind != list.Kind)
                {
                    break;
                }

                current = list.Add(line);
                nested = null;
            }
            else
            {
                if (line.Indent > 4 || (nested is not null && line.Indent >= nestedIndent + 2))
                {
                    Report(line.Number, "lists can be nested only one level deep");
                }

                if (nested is null || nested.Kind != line.ItemKind)
                {
                    nested = new ListBuilder(line.ItemKind, line.Start);
                    nestedIndent = line.Indent;
                    list.Items[^1].Sublists.Add(nested);
                }

                current = nested.Add(line);
            }

            afterBlank = false;
        }

        return list;
    }

    private void Report(int line, string message) => problems.Add(new MarkupProblem(line, message));

    [GeneratedRegex(@"^\[\^(?<label>[^\]\s]+)\]:[ \t]*(?<text>.*)$")]
    private static partial Regex FootnoteDefinition();

    [GeneratedRegex(@"^#+(?:[ \t]|$)")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|={3,})$")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?$")]
    private static partial Regex TableDelimiterRow();

    [GeneratedRegex(@"^\d{1,9}\)[ \t]")]
    private static partial Regex ParenthesisedNumber();

    [GeneratedRegex(@"^[-*][ \t]+(?<text>.*)$")]
    private static partial Regex BulletItem();

    [GeneratedRegex(@"^(?<number>\d{1,9})\.[ \t]+(?<text>.*)$")]
    private static partial Regex NumberItem();

    private enum LineKind
    {
        Blank,
        Text,
        BulletItem,
        NumberItem,
        FootnoteDefinition,
    }

    /// <param name="Text">The whole line without surrounding spaces and tabs.</param>
    /// <param name="Content">For items and footnote definitions, the text after the marker; otherwise <paramref name="Text"/>.</param>
    private sealed record SourceLine(int Number, LineKind Kind, int Indent, string Text, string Content, int Start, string? Label)
    {
        public static SourceLine Blank(int number) => new(number, LineKind.Blank, 0, "", "", 0, null);

        public bool IsItem => Kind is LineKind.BulletItem or LineKind.NumberItem;

        public ListKind ItemKind => Kind == LineKind.NumberItem ? ListKind.Numbered : ListKind.Bulleted;
    }

    private sealed class ListBuilder(ListKind kind, int start)
    {
        public ListKind Kind { get; } = kind;

        public List<(List<(int, string)> Lines, List<ListBuilder> Sublists)> Items { get; } = [];

        public List<(int, string)> Add(SourceLine line)
        {
            var lines = new List<(int, string)> { (line.Number, line.Content) };
            Items.Add((lines, []));
            return lines;
        }

        public ListBlock Build(Func<List<(int, string)>, IReadOnlyList<Inline>> inlines) =>
            new(Kind, Kind == ListKind.Numbered ? start : 1, Items
                .Select(item => new ListEntry(inlines(item.Lines), item.Sublists.Select(s => s.Build(inlines)).ToList()))
                .ToList());
    }
}
