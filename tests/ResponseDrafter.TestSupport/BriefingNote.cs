namespace ResponseDrafter.TestSupport;

/// <summary>
/// The Suffolk force's briefing note (example 002, from "To: HMIC Team") rebuilt as the Word document it was: its
/// headings as Heading styles (the reproduced recommendations one level down), its bullets and numbered points as real
/// lists, recommendation 2's sub-items as a lettered list, and "From:" in bold. The text is the example's, word for word.
/// </summary>
public static class BriefingNote
{
    /// <summary>The note's text as the example gives it (the copy of /work/shared/examples beside the Documents tests).</summary>
    public static string Text
    {
        get
        {
            var letter = File.ReadAllText(RepositoryFiles.Path("tests", "ResponseDrafter.Documents.Tests", "Import", "Examples", "002_fe552f106483e658.txt"))
                .Replace("\r\n", "\n", StringComparison.Ordinal);
            return letter[letter.IndexOf("To: HMIC Team", StringComparison.Ordinal)..];
        }
    }

    /// <summary>The note as a Word file; <paramref name="revise"/> edits its text first.</summary>
    public static byte[] Document(Func<string, string>? revise = null)
    {
        var text = revise is null ? Text : revise(Text);
        var file = new WordFile();
        WordList? list = null;
        var inRecommendationTwo = false;
        foreach (var line in text.Replace("<sup>th</sup>", "th", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (line.StartsWith('#'))
            {
                var heading = line.TrimStart('#').Trim().Replace("**", string.Empty, StringComparison.Ordinal);
                var reproduced = char.IsAsciiDigit(heading[0]);
                file.Heading(reproduced ? 2 : 1, heading);
                inRecommendationTwo = heading.StartsWith("2.", StringComparison.Ordinal);
                list = null;
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                var (kind, item, restarts) = Item(line[2..].TrimStart('·', ' '), inRecommendationTwo);
                if (kind != list || restarts)
                {
                    file.List(kind);
                    list = kind;
                }

                file.Item(item);
            }
            else
            {
                file.Paragraph(Runs(line));
                list = null;
            }
        }

        return file.Build();
    }

    private static (WordList Kind, string Text, bool Restarts) Item(string text, bool lettered)
    {
        if (text.Length > 3 && text[1] == '.' && text[2] == ' ' && char.IsAsciiLetterLower(text[0]))
        {
            return (WordList.Lettered, text[3..], false);
        }

        if (text.Length > 3 && text[1] == '.' && text[2] == ' ' && char.IsAsciiDigit(text[0]))
        {
            return (WordList.Numbered, text[3..], text[0] == '1');
        }

        return (lettered ? WordList.Lettered : WordList.Bullet, text, false);
    }

    /// <summary>"**From:** Det Chief Supt …" as a bold run and a plain one.</summary>
    private static TextRun[] Runs(string line)
    {
        var parts = line.Split("**");
        return [.. parts.Select((part, k) => new TextRun(part, Bold: k % 2 == 1)).Where(r => r.Text.Length > 0)];
    }
}
