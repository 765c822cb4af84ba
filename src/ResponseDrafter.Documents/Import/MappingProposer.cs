using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// Proposes which sections answer which recommendation. Explicit signals come first: a heading that names the
/// recommendation, a section that quotes it and goes on to answer it, a section that follows the force's reproduction
/// of it, a mention in the text. Without them, the section whose heading and text share most of the recommendation's
/// subject is proposed, with a confidence that says how far to trust it. The rules are in docs/import.md.
/// </summary>
internal sealed class MappingProposer
{
    private const double QuotedShare = 0.6;
    private const double ReproducedShare = 0.8;
    private const double MinSimilarity = 0.2;
    private const int MinSectionsForSubject = 4;
    private const int OpeningWords = 8;
    private const int MaxReasonWords = 5;
    private const int MaxBodyReasonWords = 3;

    private static readonly string[] GeneralHeadings =
    [
        "introduction", "background", "conclusion", "summary", "executive summary", "purpose", "recommendations", "overview",
        "context", "contents", "appendix", "annex", "glossary", "references",
    ];

    private readonly List<Candidate> sections;
    private readonly List<Target> targets;
    private readonly Dictionary<string, double> idf = new(StringComparer.Ordinal);

    private MappingProposer(IReadOnlyList<DocumentSection> sections, IReadOnlyList<ApplicableItem> items)
    {
        this.sections = [.. sections.Select(Candidate.Of)];
        targets = [.. items.Select(Target.Of)];
        foreach (var stem in this.sections.SelectMany(s => s.All.Stems.Keys))
        {
            idf[stem] = idf.GetValueOrDefault(stem) + 1;
        }

        // Words the document uses in most of its sections ("modern slavery" in a note about modern slavery) are its
        // general subject: they say nothing about which section answers which recommendation.
        var count = this.sections.Count;
        foreach (var stem in idf.Keys.ToList())
        {
            idf[stem] = count >= MinSectionsForSubject && idf[stem] > count / 2.0 ? 0 : Math.Log(1 + (count / idf[stem]));
        }
    }

    public static AssuranceProposal Propose(IReadOnlyList<DocumentSection> sections, IReadOnlyList<ApplicableItem> items) =>
        new MappingProposer(sections, items).Propose();

    private AssuranceProposal Propose()
    {
        var reproduced = Reproductions();
        var follows = Following(reproduced);
        var order = OrderAfterBlock(reproduced);
        var answering = sections.Where(s => !s.General && !reproduced.ContainsKey(s)).ToList();
        var similarity = targets.ToDictionary(t => t, t => answering.ToDictionary(s => s, s => Similarity(t, s)));
        var mappings = targets.Select(t => Map(t, reproduced, follows, order, similarity)).ToList();
        var proposed = mappings.SelectMany(m => m.Sections.Select(p => p.SectionId)).ToHashSet(StringComparer.Ordinal);
        var unmapped = sections.Where(s => !proposed.Contains(s.Section.Id)).Select(s => new UnmappedSection(s.Section.Id, Unmapped(s, reproduced))).ToList();
        return new AssuranceProposal(mappings, unmapped);
    }

    private RecommendationMapping Map(Target target, Dictionary<Candidate, (Target Target, double Share)> reproduced,
        Dictionary<Candidate, Target> follows, Dictionary<Candidate, Placed> order, Dictionary<Target, Dictionary<Candidate, Similar>> similarity)
    {
        var explicitly = new List<ProposedSection>();
        foreach (var section in sections.Where(s => !reproduced.ContainsKey(s)))
        {
            var signals = new List<(MappingConfidence Confidence, string Reason)>();
            if (section.HeadingMentions.FirstOrDefault(m => m.Key == target.Key) is { } named)
            {
                signals.Add((MappingConfidence.High, $"its heading \"{section.Section.Heading}\" names {Quoted(named.Phrase)}"));
            }

            var quoted = target.Words.CoveredBy(section.Shingles);
            if (quoted >= QuotedShare)
            {
                signals.Add((MappingConfidence.High, $"it quotes {Percent(quoted)} of {target.Name}'s text"));
            }

            if (follows.TryGetValue(section, out var followed) && followed == target)
            {
                signals.Add((MappingConfidence.Medium, $"it follows the force's reproduction of {target.Name}"));
            }

            if (section.BodyMentions.FirstOrDefault(m => m.Key == target.Key) is { } mentioned)
            {
                signals.Add((section.General ? MappingConfidence.Low : MappingConfidence.Medium, $"it mentions {Quoted(mentioned.Phrase)}"));
            }

            if (signals.Count > 0)
            {
                explicitly.Add(new ProposedSection(section.Section.Id, signals.Max(s => s.Confidence), Sentence(signals.Select(s => s.Reason))));
            }
        }

        if (explicitly.Any(p => p.Confidence > MappingConfidence.Low))
        {
            return new RecommendationMapping(target.Ref, explicitly, null);
        }

        return BySubject(target, order, similarity) is { } bySubject
            ? new RecommendationMapping(target.Ref, [.. explicitly.Append(bySubject).DistinctBy(p => p.SectionId)], null)
            : explicitly.Count > 0
                ? new RecommendationMapping(target.Ref, explicitly, null)
                : new RecommendationMapping(target.Ref, [], $"No section names {target.Name}, quotes it or shares enough of its subject. Choose its sections, or leave it without the force's assurance.");
    }

    private ProposedSection? BySubject(Target target, Dictionary<Candidate, Placed> order, Dictionary<Target, Dictionary<Candidate, Similar>> similarity)
    {
        var scored = similarity[target]
            .Select(s => (Section: s.Key, s.Value, Score: s.Value.Score + (order.TryGetValue(s.Key, out var o) && o.Target == target ? 0.5 : 0)))
            .OrderByDescending(s => s.Score)
            .FirstOrDefault();
        if (scored.Section is null || scored.Value.Score < MinSimilarity)
        {
            return null;
        }

        var section = scored.Section;
        var rival = targets.Where(t => t != target).MaxBy(t => similarity[t][section].Score);
        var mutual = rival is null || similarity[rival][section].Score < scored.Value.Score;
        var ordered = order.TryGetValue(section, out var place) && place.Target == target;
        var reasons = new List<string>();
        if (ordered)
        {
            reasons.Add($"it is the {Ordinal(place!.Rank)} section after the force's reproduction of {Names(place.Block)}, and {target.Name} was reproduced {Ordinal(place.Rank)}");
        }

        if (scored.Value.HeadingWords.Count > 0)
        {
            reasons.Add($"its heading \"{section.Section.Heading}\" shares {Words(scored.Value.HeadingWords)} with {target.Name}");
        }

        if (scored.Value.ParagraphWords.Count > 0)
        {
            reasons.Add($"its paragraph beginning \"{scored.Value.Paragraph}\" shares {Words(scored.Value.ParagraphWords)} with {target.Name}");
        }

        var confident = mutual && (ordered || scored.Value.HeadingWords.Count >= 2);
        var reason = Sentence(reasons);
        if (!confident)
        {
            reason = $"No section names or quotes {target.Name}; this is the closest in subject. " + reason +
                (mutual ? string.Empty : $" It reads more like the answer to {rival!.Name}, so check that it answers {target.Name}.");
        }

        return new ProposedSection(section.Section.Id, confident ? MappingConfidence.Medium : MappingConfidence.Low, reason);
    }

    /// <summary>
    /// How much of the recommendation's subject a section carries: the share of its heading's subject that the
    /// recommendation shares, and the share of the recommendation's subject found in the section's closest paragraph;
    /// words weighted by how rare they are across the document.
    /// </summary>
    private Similar Similarity(Target target, Candidate section)
    {
        var headingMass = section.Heading.Stems.Keys.Sum(Weight);
        var headingShared = Shared(section.Heading, target);
        var headingScore = headingMass > 0 ? headingShared.Sum(s => Weight(s.Key)) / headingMass : 0;
        var targetMass = target.Words.Stems.Keys.Sum(Weight);
        var paragraph = section.Paragraphs
            .Select(p => (p.Opening, Shared: Shared(p.Words, target)))
            .Select(p => (p.Opening, p.Shared, Score: targetMass > 0 ? p.Shared.Sum(s => Weight(s.Key)) / targetMass : 0))
            .MaxBy(p => p.Score);
        return new Similar(
            (2 * headingScore) + paragraph.Score,
            [.. headingShared.Select(s => s.Value)],
            paragraph.Opening ?? string.Empty,
            [.. (paragraph.Shared ?? []).Take(MaxBodyReasonWords).Select(s => s.Value)]);
    }

    /// <summary>The subject words a text shares with the recommendation, rarest first, in the text's own words.</summary>
    private List<KeyValuePair<string, string>> Shared(SubjectWords words, Target target) =>
        [.. words.Stems.Where(s => target.Words.Stems.ContainsKey(s.Key) && Weight(s.Key) > 0).OrderByDescending(s => Weight(s.Key))];

    private double Weight(string stem) => idf.GetValueOrDefault(stem, Math.Log(1 + sections.Count));

    /// <summary>Sections that are mostly the text of a recommendation: the force reproducing it, not answering it.</summary>
    private Dictionary<Candidate, (Target, double)> Reproductions()
    {
        var reproduced = new Dictionary<Candidate, (Target, double)>();
        foreach (var section in sections)
        {
            var best = targets
                .Select(t => (Target: t, Share: t.Words.CoveredBy(section.Shingles)))
                .Where(x => x.Share >= QuotedShare && section.All.CoveredBy(x.Target.Shingles) >= ReproducedShare)
                .OrderByDescending(x => x.Share)
                .FirstOrDefault();
            if (best.Target is not null)
            {
                reproduced[section] = best;
            }
        }

        return reproduced;
    }

    /// <summary>
    /// Runs of reproductions, in document order, ignoring sections with no text of their own in between. A lone
    /// reproduction is answered by what follows it; a block of them is answered by the sections after the block.
    /// </summary>
    private List<List<Candidate>> Runs(Dictionary<Candidate, (Target Target, double Share)> reproduced)
    {
        var runs = new List<List<Candidate>>();
        List<Candidate>? run = null;
        foreach (var section in sections)
        {
            if (reproduced.ContainsKey(section))
            {
                run ??= [];
                run.Add(section);
                continue;
            }

            if (section.Section.Text.Length == 0 && run is not null)
            {
                continue;
            }

            if (run is not null)
            {
                runs.Add(run);
                run = null;
            }
        }

        if (run is not null)
        {
            runs.Add(run);
        }

        return runs;
    }

    private Dictionary<Candidate, Target> Following(Dictionary<Candidate, (Target Target, double Share)> reproduced)
    {
        var follows = new Dictionary<Candidate, Target>();
        foreach (var run in Runs(reproduced).Where(r => r.Count == 1))
        {
            foreach (var answer in AnswersAfter(run[^1], reproduced))
            {
                follows[answer] = reproduced[run[0]].Target;
            }
        }

        return follows;
    }

    private Dictionary<Candidate, Placed> OrderAfterBlock(Dictionary<Candidate, (Target Target, double Share)> reproduced)
    {
        var order = new Dictionary<Candidate, Placed>();
        foreach (var run in Runs(reproduced).Where(r => r.Count > 1))
        {
            var answers = AnswersAfter(run[^1], reproduced).ToList();
            for (var k = 0; k < Math.Min(run.Count, answers.Count); k++)
            {
                order[answers[k]] = new Placed(reproduced[run[k]].Target, k, [.. run.Select(r => reproduced[r].Target)]);
            }
        }

        return order;
    }

    /// <summary>The answering sections after a reproduction: up to the next reproduction, heading that names a recommendation, or general section.</summary>
    private IEnumerable<Candidate> AnswersAfter(Candidate reproduction, Dictionary<Candidate, (Target Target, double Share)> reproduced)
    {
        foreach (var section in sections.SkipWhile(s => s != reproduction).Skip(1))
        {
            if (section.Section.Text.Length == 0 && section.Section.Heading.Length == 0)
            {
                continue;
            }

            if (reproduced.ContainsKey(section) || section.General || section.HeadingMentions.Count > 0)
            {
                yield break;
            }

            yield return section;
        }
    }

    private static string Unmapped(Candidate section, Dictionary<Candidate, (Target Target, double Share)> reproduced) => section switch
    {
        _ when reproduced.TryGetValue(section, out var copy) => $"It reproduces the text of {copy.Target.Name} ({Percent(copy.Share)} of it) rather than answering it.",
        { Section.Heading.Length: 0 } => "It is the text before the first heading.",
        { General: true } => $"\"{section.Section.Heading}\" is a general section, not the answer to one recommendation.",
        _ when section.Section.Text.Length == 0 => "It has a heading but no text of its own.",
        _ => "It names, quotes or shares the subject of none of the applicable recommendations.",
    };

    private static string Ordinal(int rank) => rank switch
    {
        0 => "first",
        1 => "second",
        2 => "third",
        3 => "fourth",
        4 => "fifth",
        _ => $"{rank + 1}th",
    };

    /// <summary>"recommendations 2, 3 and 4", or the names in full when the kinds differ.</summary>
    private static string Names(IReadOnlyList<Target> block)
    {
        var numbered = block.All(t => t.Name.StartsWith("recommendation ", StringComparison.Ordinal));
        var names = block.Select(t => numbered ? t.Name["recommendation ".Length..] : t.Name).ToList();
        var list = names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
        return numbered ? (names.Count == 1 ? "recommendation " : "recommendations ") + list : list;
    }

    private static string Percent(double share) => $"{(int)Math.Round(share * 100)}%";

    private static string Quoted(string phrase) => $"\"{phrase}\"";

    private static string Words(IReadOnlyList<string> words)
    {
        var shown = words.Take(MaxReasonWords).Select(w => $"\"{w}\"").ToList();
        return shown.Count == 1 ? shown[0] : $"{string.Join(", ", shown.Take(shown.Count - 1))} and {shown[^1]}";
    }

    private static string Sentence(IEnumerable<string> reasons)
    {
        var text = string.Join("; ", reasons);
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    /// <summary>A section's place among those after a block of reproductions, matched with the recommendation reproduced in that place.</summary>
    private sealed record Placed(Target Target, int Rank, IReadOnlyList<Target> Block);

    private sealed record Similar(double Score, IReadOnlyList<string> HeadingWords, string Paragraph, IReadOnlyList<string> ParagraphWords);

    private sealed class Target
    {
        public required string Ref { get; init; }

        public required string Key { get; init; }

        public required string Name { get; init; }

        public required SubjectWords Words { get; init; }

        public required HashSet<string> Shingles { get; init; }

        public static Target Of(ApplicableItem item)
        {
            var text = item.SubItem is { } subItem
                ? subItem.Text ?? string.Empty
                : string.Join(' ', (item.Recommendation.SubItems ?? []).Select(s => s?.Text).Prepend(item.Recommendation.Text));
            var words = new SubjectWords(text);
            var name = RecommendationRefs.Describe(item.Recommendation, item.Ref);
            return new Target
            {
                Ref = item.Ref,
                Key = RecommendationRefs.Key(item.Ref),
                Name = name.StartsWith("AFI", StringComparison.Ordinal) ? name : char.ToLowerInvariant(name[0]) + name[1..],
                Words = words,
                Shingles = words.Shingles(),
            };
        }
    }

    private sealed class Candidate
    {
        public required DocumentSection Section { get; init; }

        public required SubjectWords Heading { get; init; }

        /// <summary>Each paragraph or list item of the section: its first words, for reasons, and its subject words.</summary>
        public required IReadOnlyList<(string Opening, SubjectWords Words)> Paragraphs { get; init; }

        public required SubjectWords All { get; init; }

        public required HashSet<string> Shingles { get; init; }

        public required IReadOnlyList<Mention> HeadingMentions { get; init; }

        public required IReadOnlyList<Mention> BodyMentions { get; init; }

        public required bool General { get; init; }

        public static Candidate Of(DocumentSection section)
        {
            var body = MarkupText.PlainOf(section.Text);
            var all = new SubjectWords(section.Heading + "\n" + body);
            return new Candidate
            {
                Section = section,
                Heading = new SubjectWords(section.Heading),
                Paragraphs = [.. body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => (Opening(p), new SubjectWords(p)))],
                All = all,
                Shingles = all.Shingles(),
                HeadingMentions = RecommendationMentions.Find(section.Heading),
                BodyMentions = RecommendationMentions.Find(body),
                General = IsGeneral(section.Heading),
            };
        }

        private static string Opening(string paragraph)
        {
            var words = paragraph.Split(' ', OpeningWords + 1, StringSplitOptions.RemoveEmptyEntries);
            return words.Length > OpeningWords ? string.Join(' ', words.Take(OpeningWords)) + " …" : paragraph;
        }

        private static bool IsGeneral(string heading)
        {
            var text = heading.Trim().TrimEnd(':', '.').Trim().ToLowerInvariant();
            return text.Length == 0 || GeneralHeadings.Any(g => text == g || text.StartsWith(g + " ", StringComparison.Ordinal) || text.StartsWith(g + ":", StringComparison.Ordinal));
        }
    }
}
