using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// One pass over the lines of a report's text. Headings start recommendations; the first paragraph after a heading
/// is its text; bullets and letters start sub-items; anything else is unplaced. The decisions are in docs/import.md.
/// </summary>
internal sealed class RecommendationParser
{
    private readonly List<SourceLine> lines;
    private readonly RemovalReason?[] furniture;
    private readonly LineEndHyphens hyphens;
    private readonly List<RemovedText> removed;
    private readonly List<LabelText> labels = [];
    private readonly List<PendingRecommendation> found = [];
    private readonly List<(PastedParagraph Text, PendingRecommendation? After)> unplaced = [];

    private PendingRecommendation? current;
    private PastedParagraph? open;
    private string? headingText;
    private Stage stage = Stage.Outside;
    private RecommendationKind sectionKind = RecommendationKind.Recommendation;
    private bool numberedHeadings;
    private bool gap;

    private RecommendationParser(List<SourceLine> lines, List<RemovedText> removed)
    {
        this.lines = lines;
        this.removed = removed;
        furniture = PageFurniture.Find(lines);
        hyphens = LineEndHyphens.From(lines, removed);
    }

    private enum Stage
    {
        Outside,
        Heading,
        Text,
        Items,
    }

    public static RecommendationPreview Parse(string text)
    {
        var removed = new List<RemovedText>();
        var parser = new RecommendationParser(SourceLines.Read(text, removed), removed);
        parser.Run();
        return parser.Result();
    }

    private void Run()
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
            {
                gap = true;
            }
            else if (furniture[i] is { } reason)
            {
                removed.Add(new RemovedText(line.Number, line.Text, reason));
                gap = true;
            }
            else
            {
                Read(i, line);
                gap = false;
            }
        }
    }

    private void Read(int index, SourceLine line)
    {
        var text = line.Text;
        if (current is { ExpectsAddressee: true } && LineShapes.AddresseeLine(text) is { } addressees)
        {
            current.Addressees = addressees;
            current.ExpectsAddressee = false;
            labels.Add(new LabelText(line.Number, text));
            return;
        }

        if (current is not null)
        {
            current.ExpectsAddressee = false;
        }

        if (ContinuesHeading(line))
        {
            return;
        }

        if (LineShapes.Heading(text, numberedHeadings) is { } heading)
        {
            StartRecommendation(line, heading);
        }
        else if (LineShapes.Section(text) is { } kind && !IsTitle(index))
        {
            Close(Stage.Outside);
            sectionKind = kind;
            numberedHeadings = true;
            labels.Add(new LabelText(line.Number, text));
        }
        else if (current is not null && stage != Stage.Outside && LineShapes.Item(text, digitLabels: !numberedHeadings) is { } item)
        {
            StartItem(line, item.Marker, item.Label, item.Rest.Trim());
        }
        else
        {
            ReadText(index, line);
        }
    }

    /// <summary>
    /// A recommendation's title on the line after its bare heading ("Recommendation 6" + "Monitoring of recommendations")
    /// reads like a section heading. It is the recommendation's text when the next line with content is a sub-item
    /// ("a. Home Office to provide …"): a section heading is followed by a heading, not by a lettered item.
    /// </summary>
    private bool IsTitle(int index)
    {
        if (current is not { Text: null } || stage != Stage.Heading)
        {
            return false;
        }

        for (var k = index + 1; k < lines.Count; k++)
        {
            if (!lines[k].IsBlank && furniture[k] is null)
            {
                return LineShapes.Item(lines[k].Text, digitLabels: !numberedHeadings) is not null;
            }
        }

        return false;
    }

    /// <summary>
    /// A heading too long for its line carries on at the next ("Recommendation 4: To chief constables and police and
    /// crime" + "commissioners"): a line that starts in lower case straight after a heading with nothing after its
    /// addressees belongs to it when the two read together as a heading naming more of the bodies the rules recognise.
    /// </summary>
    private bool ContinuesHeading(SourceLine line)
    {
        if (current is not { Text: null } heading || stage != Stage.Heading || gap || !StartsLower(line.Text) || headingText is null
            || LineShapes.Heading($"{headingText} {line.Text}", numberedHeadings) is not { Rest.Length: 0, AddresseesRecognised: true } joined
            || joined.Addressees.Count == 0 || (heading.AddresseesRecognised && joined.Addressees.Count <= heading.Addressees.Count))
        {
            return false;
        }

        heading.Addressees = joined.Addressees;
        heading.AddresseesRecognised = true;
        headingText = $"{headingText} {line.Text}";
        labels.Add(new LabelText(line.Number, line.Text));
        return true;
    }

    private void StartRecommendation(SourceLine line, HeadingShape heading)
    {
        headingText = heading.Rest.Length == 0 ? line.Text : null;
        Close(Stage.Heading);
        numberedHeadings = heading.NumberFirst;
        var kind = heading.NumberFirst ? sectionKind : heading.Kind;
        current = new PendingRecommendation(line.Number, kind, heading.Number)
        {
            Addressees = heading.Addressees,
            AddresseesRecognised = heading.AddresseesRecognised,
            ExpectsAddressee = heading.Addressees.Count == 0 && heading.Rest.Length == 0,
        };
        found.Add(current);
        var label = Subtract(line.Text, heading.Rest);
        if (label.Length > 0)
        {
            labels.Add(new LabelText(line.Number, label));
        }

        if (heading.Rest.Length > 0)
        {
            open = current.Text = new PastedParagraph(line.Number, hyphens).Append(line.Number, heading.Rest);
            stage = Stage.Text;
        }
    }

    private void StartItem(SourceLine line, string marker, string? label, string rest)
    {
        labels.Add(new LabelText(line.Number, marker));
        open = new PastedParagraph(line.Number, hyphens).Append(line.Number, rest);
        current!.Items.Add(new PendingItem(line.Number, label, open));
        stage = Stage.Items;
    }

    private void ReadText(int index, SourceLine line)
    {
        var startsItem = current is not null && open is not null
            && ((stage == Stage.Text && current.Items.Count == 0 && open == current.Text && open.EndsWith(":"))
                || (stage == Stage.Items && open.EndsClause()));
        if (startsItem && (!gap || StartsLower(line.Text) || !HeadingLike(index)))
        {
            open = new PastedParagraph(line.Number, hyphens).Append(line.Number, line.Text);
            current!.Items.Add(new PendingItem(line.Number, null, open));
            stage = Stage.Items;
            return;
        }

        if (open is not null && (!gap || (open.EndsOpen() && (StartsLower(line.Text) || open.EndsWith("-")))))
        {
            open.Append(line.Number, line.Text);
            return;
        }

        if (current is not null && stage == Stage.Heading)
        {
            open = current.Text = new PastedParagraph(line.Number, hyphens).Append(line.Number, line.Text);
            stage = Stage.Text;
            return;
        }

        Close(Stage.Outside);
        open = new PastedParagraph(line.Number, hyphens).Append(line.Number, line.Text);
        unplaced.Add((open, found.LastOrDefault()));
    }

    /// <summary>Ends what is open. A recommendation stays current only while its heading awaits text.</summary>
    private void Close(Stage next)
    {
        open = null;
        stage = next;
        if (next == Stage.Outside)
        {
            current = null;
        }
    }

    /// <summary>
    /// A one-line paragraph that reads as a title ("Staff Training, Access to materials:"): it ends the recommendation
    /// before it, so that a force's or a letter's own headings and prose are not taken into the last recommendation.
    /// </summary>
    private bool HeadingLike(int index)
    {
        var text = lines[index].Text;
        if (LineShapes.IsMarkdownHeading(text) || (text.StartsWith("**", StringComparison.Ordinal) && text.TrimEnd(':').EndsWith("**", StringComparison.Ordinal)))
        {
            return true;
        }

        var core = LineShapes.Core(text);
        var standsAlone = index + 1 == lines.Count || lines[index + 1].IsBlank || furniture[index + 1] is not null;
        return standsAlone && core.Length is > 0 and <= 100 && core.Split(' ').Length <= 12 && char.IsUpper(core[0])
            && core[^1] is not ('.' or ';' or ',') && !NextIsItem(index) && AddresseePhrases.Lead(core) is null;
    }

    private bool NextIsItem(int index)
    {
        for (var j = index + 1; j < lines.Count; j++)
        {
            if (!lines[j].IsBlank && furniture[j] is null)
            {
                return LineShapes.Item(lines[j].Text, digitLabels: true) is not null;
            }
        }

        return false;
    }

    private static bool StartsLower(string text) => text.Length > 0 && char.IsLower(text[0]);

    /// <summary>The heading's own words: the line without the text that follows the heading, matched from the end.</summary>
    private static string Subtract(string line, string rest)
    {
        var kept = new char[line.Length];
        var k = line.Length;
        var r = rest.Length - 1;
        for (var i = line.Length - 1; i >= 0; i--)
        {
            if (r >= 0 && line[i] == rest[r])
            {
                r--;
            }
            else
            {
                kept[--k] = line[i];
            }
        }

        return new string(kept, k, line.Length - k).Trim();
    }

    private RecommendationPreview Result()
    {
        var warnings = new List<ImportWarning>();
        var recommendations = PreviewBuilder.Build(found, warnings);
        warnings.AddRange(PreviewBuilder.UnplacedWarnings(unplaced));
        if (found.Count == 0)
        {
            warnings.Add(new ImportWarning(ImportWarningKind.NoRecommendations, null, 1,
                "No recommendation headings were found. Headings look like \"Recommendation 2: To chief constables\" or \"2. To chief constables\"."));
        }

        return new RecommendationPreview(
            recommendations,
            [.. warnings.OrderBy(w => w.Line)],
            [.. unplaced.Select(u => new UnplacedText(u.Text.FirstLine, u.Text.LastLine, u.Text.ToString()))],
            [.. removed.OrderBy(r => r.Line)],
            labels,
            hyphens.Joins)
        {
            Found = [.. found.Select((f, k) => new FoundAt(recommendations[k].Number, f.Line))],
            Questions = Applicability.Questions(recommendations),
        };
    }
}

internal sealed class PendingRecommendation(int line, RecommendationKind kind, int? number)
{
    public int Line { get; } = line;

    public RecommendationKind Kind { get; } = kind;

    public int? Number { get; } = number;

    /// <summary>The number as the preview gives it, once numbers are assigned: "2", "AFI 3".</summary>
    public string? Assigned { get; set; }

    public IReadOnlyList<string> Addressees { get; set; } = [];

    public bool AddresseesRecognised { get; set; } = true;

    public bool ExpectsAddressee { get; set; }

    public PastedParagraph? Text { get; set; }

    public List<PendingItem> Items { get; } = [];
}

internal sealed record PendingItem(int Line, string? Label, PastedParagraph Text);
