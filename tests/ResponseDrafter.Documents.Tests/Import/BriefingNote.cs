namespace ResponseDrafter.Documents.Tests.Import;

/// <summary>
/// The Suffolk force's briefing note (example 002) rebuilt as the Word document it was: its headings as Heading
/// styles (the reproduced recommendations one level down), its bullets and numbered points as real lists, recommendation
/// 2's sub-items as a lettered list, and "From:" in bold. The text is the example's, word for word.
/// </summary>
internal static class BriefingNote
{
    public static byte[] Document(Func<string, string>? revise = null)
    {
        var text = revise is null ? ImportFixtures.SuffolkBriefingNote : revise(ImportFixtures.SuffolkBriefingNote);
        var builder = new DocxBuilder();
        var listKind = 0;
        var inRecommendationTwo = false;
        foreach (var line in text.Replace("<sup>th</sup>", "th", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (line.StartsWith('#'))
            {
                var heading = line.TrimStart('#').Trim().Replace("**", string.Empty, StringComparison.Ordinal);
                var reproduced = char.IsAsciiDigit(heading[0]);
                builder.Heading(reproduced ? 2 : 1, heading);
                inRecommendationTwo = heading.StartsWith("2.", StringComparison.Ordinal);
                listKind = 0;
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                var (kind, item, restarts) = Item(line[2..].TrimStart('·', ' '), inRecommendationTwo);
                if (kind != listKind || restarts)
                {
                    builder.List(kind);
                    listKind = kind;
                }

                builder.Item(item);
            }
            else
            {
                builder.Paragraph(Runs(line));
                listKind = 0;
            }
        }

        return builder.Build();
    }

    private static (int Kind, string Text, bool Restarts) Item(string text, bool lettered)
    {
        if (text.Length > 3 && text[1] == '.' && text[2] == ' ' && char.IsAsciiLetterLower(text[0]))
        {
            return (DocxBuilder.LetterList, text[3..], false);
        }

        if (text.Length > 3 && text[1] == '.' && text[2] == ' ' && char.IsAsciiDigit(text[0]))
        {
            return (DocxBuilder.DecimalList, text[3..], text[0] == '1');
        }

        return (lettered ? DocxBuilder.LetterList : DocxBuilder.BulletList, text, false);
    }

    /// <summary>"**From:** Det Chief Supt …" as a bold run and a plain one.</summary>
    private static TextRun[] Runs(string line)
    {
        var parts = line.Split("**");
        return [.. parts.Select((part, k) => new TextRun(part, Bold: k % 2 == 1)).Where(r => r.Text.Length > 0)];
    }
}
