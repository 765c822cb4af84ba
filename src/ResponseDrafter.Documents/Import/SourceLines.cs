using System.Text;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// One line of pasted text, trimmed, with runs of whitespace reduced to one space. <see cref="PageEdge"/> is true
/// when a form feed (a page break in extracted text) sits on the line.
/// </summary>
internal sealed record SourceLine(int Number, string Text, bool PageEdge)
{
    public bool IsBlank => Text.Length == 0;
}

internal static class SourceLines
{
    /// <summary>Splits on any line ending and takes out what Word cannot store, reporting each removal.</summary>
    public static List<SourceLine> Read(string text, List<RemovedText> removed)
    {
        var lines = new List<SourceLine>();
        var number = 1;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\r'))
            {
                continue;
            }

            lines.Add(Clean(number, text.AsSpan(start, i - start), removed));
            if (i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n')
            {
                i++;
            }

            number++;
            start = i + 1;
        }

        return lines;
    }

    private static SourceLine Clean(int number, ReadOnlySpan<char> raw, List<RemovedText> removed)
    {
        var kept = new StringBuilder(raw.Length);
        var dropped = new StringBuilder();
        var pageEdge = false;
        var pendingSpace = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                AppendWord(kept, ref pendingSpace).Append(c).Append(raw[i + 1]);
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                pageEdge |= c == '\f';
                pendingSpace = kept.Length > 0;
            }
            else if (IsUnprintable(c))
            {
                dropped.Append(c);
            }
            else
            {
                AppendWord(kept, ref pendingSpace).Append(c);
            }
        }

        if (dropped.Length > 0)
        {
            removed.Add(new RemovedText(number, dropped.ToString(), RemovalReason.Unprintable));
        }

        return new SourceLine(number, kept.ToString(), pageEdge);
    }

    private static StringBuilder AppendWord(StringBuilder kept, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            kept.Append(' ');
            pendingSpace = false;
        }

        return kept;
    }

    private static bool IsUnprintable(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' or '\uFEFF';
}
