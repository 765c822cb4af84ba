using ResponseDrafter.Documents.Assembly;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>The patched document, the regions patched and the regions the drafter deleted (left deleted).</summary>
public sealed record PatchResult(byte[] Docx, IReadOnlyList<string> Changed, IReadOnlyList<string> Missing);

/// <summary>
/// Brings a stored draft up to date with its record without replacing it: the regions the record changed since the
/// document was last brought in line with it are spliced into the draft's XML text, and every other byte of the draft
/// stays as it was, including what the drafter typed or formatted in Word, inside the regions or outside them.
/// </summary>
public static class LetterPatch
{
    /// <summary>
    /// Applies to <paramref name="current"/> (the stored draft document, possibly edited in Word) what changed between
    /// <paramref name="previous"/> (the rendering the document was last brought in line with) and <paramref name="rendered"/>
    /// (a fresh assembly of the record from the same template): a region is patched when its content in the rendered
    /// letter differs from that in the previous one; items the rendered letter has and the previous one had not are
    /// inserted, items it no longer has are removed, and the DRAFT marking follows it when it changed. Without
    /// <paramref name="previous"/> (a document stored before the server kept it), a region is patched whenever the current
    /// document's content differs from the rendered one.
    /// Changed: region paths patched ("opening", "responses/response:2/response.commentary", "responses" when items
    /// were added or removed, "header:draft"). Missing: regions the record changed or added that the current document
    /// no longer has (the drafter deleted them); they are not recreated.
    /// </summary>
    public static PatchResult Apply(byte[] current, byte[] rendered, byte[]? previous)
    {
        using var draft = new DraftPackage(current);
        using var fresh = new DraftPackage(rendered);
        using var baseline = previous is null ? null : new DraftPackage(previous, previous.AsSpan().SequenceEqual(current) ? draft : null);
        var patcher = new Patcher(draft, fresh, baseline);
        var main = fresh.MainPart;
        patcher.Part(main, string.Empty, header: false);
        foreach (var relationship in fresh.Relationships(main))
        {
            var kind = relationship.Type[(relationship.Type.LastIndexOf('/') + 1)..];
            if (kind is "header" or "footer" && !relationship.External)
            {
                patcher.Part(TemplatePackage.Resolve(main, relationship.Target), kind + ":", header: kind == "header");
            }
        }

        return new PatchResult(draft.Save(), [.. patcher.Changed], [.. patcher.Missing]);
    }

    /// <summary>
    /// Walks the rendered letter's regions with their counterparts in the current document and in the baseline (the
    /// previous rendering, or the current document itself when there is none), descending only where the baseline and
    /// the rendered letter differ.
    /// </summary>
    private sealed class Patcher(DraftPackage draft, DraftPackage fresh, DraftPackage? baseline)
    {
        // Regions whose items carry keys ("response:2") and are merged item by item.
        private static readonly HashSet<string> Keyed = new(StringComparer.Ordinal) { "responses", "annex", "recommendations" };

        // Regions whose unkeyed items are replaced together whenever any differs.
        private static readonly HashSet<string> Repeating = new(StringComparer.Ordinal) { "references", "recipients", "cc", "appendices", "subitems" };

        private static readonly System.Buffers.SearchValues<char> Space = System.Buffers.SearchValues.Create(" \t\r\n");

        private readonly ContentImport import = new(draft, fresh);
        private readonly List<Edit> edits = [];
        private string part = string.Empty;
        private Side now = null!;
        private Side then = null!;
        private Side before = null!;

        public List<string> Changed { get; } = [];

        public List<string> Missing { get; } = [];

        public void Part(string name, string prefix, bool header)
        {
            // The packages are independent until the walk: each decodes its part on its own core (a long letter's main
            // part is megabytes of text in each). A baseline with the stored draft's very bytes reads the draft's text.
            string? currentXml = null, renderedXml = null, baselineXml = null;
            Parallel.Invoke(
                () => currentXml = draft.Text(name),
                () => renderedXml = fresh.Text(name),
                () => baselineXml = baseline is null || baseline.Shares(draft) ? null : baseline.Text(name));
            baselineXml ??= baseline?.Text(name);
            if (currentXml is null || renderedXml is null)
            {
                return;
            }

            // A part the baseline lacks is compared with the current document, as without a baseline.
            if (string.Equals(baselineXml ?? currentXml, renderedXml, StringComparison.Ordinal))
            {
                return;
            }

            part = name;
            now = new Side(draft, name, currentXml);
            then = new Side(fresh, name, renderedXml);
            var sameAsCurrent = baselineXml is not null && string.Equals(baselineXml, currentXml, StringComparison.Ordinal);
            before = baselineXml is null ? now
                : sameAsCurrent ? new Side(baseline!, name, currentXml, now)
                : new Side(baseline!, name, baselineXml);

            // Likewise their regions, located side by side before the walk needs them (a baseline with the current
            // document's text copies the current document's afterwards).
            Parallel.Invoke(() => _ = now.Regions, () => _ = then.Regions, () => _ = baselineXml is null || sameAsCurrent ? null : before.Regions);
            edits.Clear();
            if (header)
            {
                Marking(prefix);
            }

            Merge(Without(now.Regions, DraftMarking.Tag), Without(then.Regions, DraftMarking.Tag), Without(before.Regions, DraftMarking.Tag), before, prefix);
            if (edits.Count > 0)
            {
                draft.SetText(name, Spliced());
            }
        }

        /// <summary>
        /// Pairs regions by name (the nth "date" with the nth "date") and patches each pair; <paramref name="was"/> are the
        /// baseline's regions at this level, on side <paramref name="wasSide"/> (the current document's when the baseline has none).
        /// </summary>
        private void Merge(IReadOnlyList<RegionSpan> current, IReadOnlyList<RegionSpan> rendered, IReadOnlyList<RegionSpan> was, Side wasSide, string path)
        {
            var currentByName = ByName(current);
            var wasByName = ReferenceEquals(was, current) ? currentByName : ByName(was);
            var renderedCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            RegionSpan? previousMine = null;
            for (var i = 0; i < rendered.Count; i++)
            {
                var region = rendered[i];
                var occurrence = renderedCounts[region.Name] = renderedCounts.GetValueOrDefault(region.Name) + 1;
                var mine = Nth(currentByName, region.Name, occurrence);
                var at = Join(path, region.Name);
                if (mine is null)
                {
                    var old = Nth(wasByName, region.Name, occurrence);
                    if (old is null && !ReferenceEquals(wasSide, now) && InsertionPoint(previousMine, rendered, i, currentByName) is { } position)
                    {
                        // The record needs a region its last rendering did not have (the first recommendation chosen, an
                        // annex once an assurance is summarised): it goes in where the rendered letter has it.
                        edits.Add(new Edit(position, position, import.Import(then.Xml[EnclosingIn(then, region)], part, part), edits.Count));
                        Note(at);
                    }
                    else if (old is null || !Same(old, wasSide, region))
                    {
                        Missing.Add(at);
                    }

                    continue;
                }

                previousMine = mine;
                if (Nth(wasByName, region.Name, occurrence) is { } had)
                {
                    Region(mine, region, had, wasSide, at);
                }
                else
                {
                    Region(mine, region, mine, now, at);
                }
            }

            // What assembly no longer writes (an emptied repeating region, an optional field cleared) goes too, when the
            // baseline had it: a region the record never had is the drafter's.
            foreach (var (name, regions) in currentByName)
            {
                var had = wasByName.TryGetValue(name, out var old) ? old.Count : 0;
                for (var i = renderedCounts.GetValueOrDefault(name); i < Math.Min(regions.Count, had); i++)
                {
                    var (start, end) = Enclosing(regions[i]);

                    // Two inline regions of one paragraph (the citation line's citation and report date) go with it once.
                    if (!edits.Exists(e => e.Start == start && e.End == end))
                    {
                        edits.Add(new Edit(start, end, string.Empty, edits.Count));
                    }

                    Note(Join(path, name));
                }
            }
        }

        /// <summary>A block control itself; an inline one with its paragraph, which assembly leaves out with it.</summary>
        private (int Start, int End) Enclosing(RegionSpan region)
        {
            var range = EnclosingIn(now, region);
            return (range.Start.Value, range.End.Value);
        }

        private static Range EnclosingIn(Side side, RegionSpan region)
        {
            var xml = side.Xml;
            var paragraph = Math.Max(xml.LastIndexOf("<w:p>", region.Start, StringComparison.Ordinal), xml.LastIndexOf("<w:p ", region.Start, StringComparison.Ordinal));
            var closed = xml.LastIndexOf("</w:p>", region.Start, StringComparison.Ordinal);
            var end = xml.IndexOf("</w:p>", region.End, StringComparison.Ordinal);
            return paragraph > closed && end >= 0 ? paragraph..(end + "</w:p>".Length) : region.Start..region.End;
        }

        /// <summary>
        /// Where a region new to the record goes in the current document: after the nearest region before it that the
        /// document has, else before the nearest one after it; null when the document has neither (nothing to anchor to).
        /// </summary>
        private int? InsertionPoint(RegionSpan? previousMine, IReadOnlyList<RegionSpan> rendered, int index, Dictionary<string, List<RegionSpan>> currentByName)
        {
            if (previousMine is not null)
            {
                return EnclosingIn(now, previousMine).End.Value;
            }

            for (var j = index + 1; j < rendered.Count; j++)
            {
                if (currentByName.TryGetValue(rendered[j].Name, out var found) && found.Count > 0)
                {
                    return EnclosingIn(now, found[0]).Start.Value;
                }
            }

            return null;
        }

        /// <summary>Patches <paramref name="current"/> where <paramref name="rendered"/> differs from <paramref name="was"/>.</summary>
        private void Region(RegionSpan current, RegionSpan rendered, RegionSpan was, Side wasSide, string path)
        {
            if (SameText(was, wasSide, rendered))
            {
                return;
            }

            if (Keyed.Contains(rendered.Tag) || HasKeyedChild(rendered))
            {
                MergeItems(current, rendered, was, wasSide, path);
            }
            else if (Repeating.Contains(rendered.Tag) && !(HasKeyedContent(rendered) && SameNames(current.Children, rendered.Children)))
            {
                ReplaceWhenChanged(current, rendered, was, wasSide, path);
            }
            else if (rendered.Children.Count > 0)
            {
                Merge(current.Children, rendered.Children, ReferenceEquals(was, current) ? current.Children : was.Children, wasSide, path);
            }
            else
            {
                ReplaceWhenChanged(current, rendered, was, wasSide, path);
            }
        }

        /// <summary>
        /// Keeps items whose key is still rendered, inserts in rendered order the items the baseline lacked, removes the
        /// items the baseline had and the rendered letter has not; an item the baseline had and the document has not was
        /// deleted by the drafter and stays deleted.
        /// </summary>
        private void MergeItems(RegionSpan current, RegionSpan rendered, RegionSpan was, Side wasSide, string path)
        {
            var currentItems = Items(current);
            var wasItems = ReferenceEquals(was, current) ? currentItems : Items(was);
            var renderedItems = Items(rendered);
            var structural = false;
            foreach (var item in current.Children)
            {
                if (item.Key is not null && !renderedItems.ContainsKey(item.Name) && wasItems.ContainsKey(item.Name))
                {
                    edits.Add(new Edit(item.Start, item.End, string.Empty, edits.Count));
                    structural = true;
                }
            }

            RegionSpan? kept = null;
            RegionSpan? first = null;
            foreach (var child in current.Children)
            {
                if (child.Key is not null)
                {
                    first ??= child;
                    if (renderedItems.ContainsKey(child.Name))
                    {
                        kept = child;
                        break;
                    }
                }
            }

            int? after = null;
            foreach (var item in rendered.Children)
            {
                if (item.Key is null)
                {
                    continue;
                }

                var at = Join(path, item.Name);
                var old = wasItems.GetValueOrDefault(item.Name);
                if (currentItems.TryGetValue(item.Name, out var match))
                {
                    if (old is null || ReferenceEquals(wasItems, currentItems))
                    {
                        Region(match, item, match, now, at);
                    }
                    else
                    {
                        Region(match, item, old, wasSide, at);
                    }

                    after = match.End;
                }
                else if (old is not null)
                {
                    if (!Same(old, wasSide, item))
                    {
                        Missing.Add(at);
                    }
                }
                else
                {
                    var position = after ?? kept?.Start ?? first?.Start ?? current.ContentEnd;
                    edits.Add(new Edit(position, position, import.Import(then.Xml[item.Start..item.End], part, part), edits.Count));
                    structural = true;
                }
            }

            if (structural)
            {
                Note(path);
            }
        }

        /// <summary>Replaces the content when the record changed it, unless the document already says the same.</summary>
        private void ReplaceWhenChanged(RegionSpan current, RegionSpan rendered, RegionSpan was, Side wasSide, string path)
        {
            if (Same(was, wasSide, rendered) || (!ReferenceEquals(wasSide, now) && Same(current, now, rendered)))
            {
                return;
            }

            // The control's own properties changed too (the force's text locked, titled with its provenance): the
            // whole control is the rendered one.
            if (!ReferenceEquals(wasSide, now) && !PropertiesSame(was, wasSide, rendered))
            {
                edits.Add(new Edit(current.Start, current.End, import.Import(then.Xml[rendered.Start..rendered.End], part, part), edits.Count));
                Note(path);
                return;
            }

            var content = import.Import(then.Xml[rendered.ContentStart..rendered.ContentEnd], part, part);
            edits.Add(ContentEdit(now.Xml, current, content, edits.Count));
            Note(path);
        }

        private bool PropertiesSame(RegionSpan was, Side wasSide, RegionSpan rendered) =>
            wasSide.Xml.AsSpan(was.Start, was.ContentStart - was.Start).SequenceEqual(then.Xml.AsSpan(rendered.Start, rendered.ContentStart - rendered.Start));

        /// <summary>Makes the header's DRAFT line what the rendered letter has (gone, replaced or added at the top) when it changed.</summary>
        private void Marking(string prefix)
        {
            var current = MarkingParagraph(now);
            var rendered = MarkingParagraph(then);
            var was = ReferenceEquals(before, now) ? current : MarkingParagraph(before);
            if (SameParagraph(was, before, rendered) || (!ReferenceEquals(before, now) && SameParagraph(current, now, rendered)))
            {
                return;
            }

            var at = current ?? (XmlScan.RootContentStart(now.Xml), XmlScan.RootContentStart(now.Xml));
            var paragraph = rendered is var (first, last) ? import.Import(then.Xml[first..last], part, part) : string.Empty;
            edits.Add(new Edit(at.Start, at.End, paragraph, edits.Count));
            Note(prefix + DraftMarking.Tag);
        }

        private bool SameParagraph((int Start, int End)? paragraph, Side side, (int Start, int End)? rendered) =>
            (paragraph, rendered) switch
            {
                (null, null) => true,
                ({ } a, { } b) => side.Canonical(a.Start, a.End) == then.Canonical(b.Start, b.End),
                _ => false,
            };

        private static (int Start, int End)? MarkingParagraph(Side side)
        {
            var xml = side.Xml;
            RegionSpan? marking = null;
            foreach (var region in side.Regions)
            {
                if (region.Tag == DraftMarking.Tag)
                {
                    marking = region;
                    break;
                }
            }

            if (marking is null)
            {
                return null;
            }

            var start = Math.Max(xml.LastIndexOf("<w:p>", marking.Start, StringComparison.Ordinal), xml.LastIndexOf("<w:p ", marking.Start, StringComparison.Ordinal));
            var end = xml.IndexOf("</w:p>", marking.End, StringComparison.Ordinal);
            return start < 0 || end < 0 ? (marking.Start, marking.End) : (start, end + "</w:p>".Length);
        }

        /// <summary>The part's text with the edits made, copied between them as it was.</summary>
        private string Spliced()
        {
            edits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End != b.End ? a.End.CompareTo(b.End) : a.Order.CompareTo(b.Order));
            var xml = now.Xml;
            var length = xml.Length;
            foreach (var edit in edits)
            {
                length += edit.Text.Length - (edit.End - edit.Start);
            }

            // Written straight into the new string: parts run to megabytes, and a builder would copy them twice.
            var text = string.Create(length, (xml, edits), static (into, state) =>
            {
                var (from, sorted) = state;
                var position = 0;
                foreach (var edit in sorted)
                {
                    from.AsSpan(position, edit.Start - position).CopyTo(into);
                    into = into[(edit.Start - position)..];
                    edit.Text.CopyTo(into);
                    into = into[edit.Text.Length..];
                    position = edit.End;
                }

                from.AsSpan(position).CopyTo(into);
            });
            return Namespaces.Declared(text, edits);
        }

        /// <summary>The region's content, as text, is the rendered region's: nothing to look at further.</summary>
        private bool SameText(RegionSpan region, Side side, RegionSpan rendered) =>
            side.Xml.AsSpan(region.ContentStart, region.ContentEnd - region.ContentStart)
                .SequenceEqual(then.Xml.AsSpan(rendered.ContentStart, rendered.ContentEnd - rendered.ContentStart));

        /// <summary>The region says what the rendered one says: the same text but for ids that point at the same things, or the same canonical form.</summary>
        private bool Same(RegionSpan region, Side side, RegionSpan rendered) =>
            SameButIds(side, region.ContentStart, region.ContentEnd, rendered.ContentStart, rendered.ContentEnd)
            || side.Canonical(region.ContentStart, region.ContentEnd) == then.Canonical(rendered.ContentStart, rendered.ContentEnd);

        /// <summary>
        /// Whether the two texts differ only in id values that resolve alike: a relationship, footnote or list renumbered
        /// because the record added or dropped one before it (two renderings differ so). Compares in place, so that the
        /// canonical form is worked out only for regions that really differ.
        /// </summary>
        private bool SameButIds(Side side, int start, int end, int from, int to)
        {
            var a = side.Xml.AsSpan(start, end - start);
            var b = then.Xml.AsSpan(from, to - from);
            int i = 0, j = 0;
            while (true)
            {
                var common = a[i..].CommonPrefixLength(b[j..]);
                i += common;
                j += common;
                if (i == a.Length || j == b.Length)
                {
                    return i == a.Length && j == b.Length;
                }

                // The first difference must lie inside a quoted value of a start tag: its opening quote follows '='.
                var quote = a[..i].LastIndexOfAny('"', '\'');
                var open = quote < 0 ? -1 : a[..quote].LastIndexOf('<');
                if (quote < 1 || a[quote - 1] != '=' || open < 0 || !QuotesBalanced(a[open..(quote - 1)]))
                {
                    return false;
                }

                var endA = a[(quote + 1)..].IndexOf(a[quote]);
                var valueB = quote - i + j + 1;
                var endB = b[valueB..].IndexOf(a[quote]);
                if (endA < 0 || endB < 0)
                {
                    return false;
                }

                var element = a[(open + 1)..];
                element = element[..element.IndexOfAny(Space)];
                var nameStart = a[..(quote - 1)].LastIndexOfAny(Space) + 1;
                var attribute = a[nameStart..(quote - 1)];
                var x = a.Slice(quote + 1, endA).ToString();
                var y = b.Slice(valueB, endB).ToString();
                var same = Reference(element, attribute) switch
                {
                    IdKind.Relationship => side.References.Relationship(x) == then.References.Relationship(y),
                    IdKind.Footnote => SamePlainFootnote(side, x, y) || side.References.Footnote(x) == then.References.Footnote(y),
                    IdKind.List => side.References.List(x) == then.References.List(y),
                    IdKind.Drawing => true,
                    _ => false,
                };
                if (!same)
                {
                    return false;
                }

                i = quote + 1 + endA;
                j = valueB + endB;
            }
        }

        // Two renderings number the same footnotes differently once the record adds or drops one before them.
        private bool SamePlainFootnote(Side side, string x, string y) =>
            side.References.TryPlainFootnote(x, out var a) && then.References.TryPlainFootnote(y, out var b) && a.SequenceEqual(b);

        private static bool QuotesBalanced(ReadOnlySpan<char> tag) => !tag.Contains('>') && tag.Count('"') % 2 == 0 && tag.Count('\'') % 2 == 0;

        private static IdKind Reference(ReadOnlySpan<char> element, ReadOnlySpan<char> attribute) =>
            attribute is "r:id" or "r:embed" or "r:link" or "r:pict" ? IdKind.Relationship
            : element is "w:footnoteReference" && attribute is "w:id" ? IdKind.Footnote
            : element is "w:numId" && attribute is "w:val" ? IdKind.List
            : element is "wp:docPr" or "pic:cNvPr" && attribute is "id" ? IdKind.Drawing
            : IdKind.None;

        private enum IdKind
        {
            None,
            Relationship,
            Footnote,
            List,
            Drawing,
        }

        private void Note(string path)
        {
            if (!Changed.Contains(path))
            {
                Changed.Add(path);
            }
        }

        private static Dictionary<string, List<RegionSpan>> ByName(IReadOnlyList<RegionSpan> regions)
        {
            var byName = new Dictionary<string, List<RegionSpan>>(StringComparer.Ordinal);
            foreach (var region in regions)
            {
                if (!byName.TryGetValue(region.Name, out var list))
                {
                    byName[region.Name] = list = [];
                }

                list.Add(region);
            }

            return byName;
        }

        private static RegionSpan? Nth(Dictionary<string, List<RegionSpan>> byName, string name, int occurrence) =>
            byName.TryGetValue(name, out var list) && occurrence <= list.Count ? list[occurrence - 1] : null;

        /// <summary>The region's keyed children by name, the first of each name.</summary>
        private static Dictionary<string, RegionSpan> Items(RegionSpan region)
        {
            var items = new Dictionary<string, RegionSpan>(region.Children.Count, StringComparer.Ordinal);
            foreach (var child in region.Children)
            {
                if (child.Key is not null)
                {
                    items.TryAdd(child.Name, child);
                }
            }

            return items;
        }

        private static bool HasKeyedChild(RegionSpan region)
        {
            foreach (var child in region.Children)
            {
                if (child.Key is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasKeyedContent(RegionSpan region) => region.Children.Any(c => c.Key is not null || HasKeyedContent(c));

        private static bool SameNames(IReadOnlyList<RegionSpan> a, IReadOnlyList<RegionSpan> b) => a.Select(r => r.Name).SequenceEqual(b.Select(r => r.Name));

        private static List<RegionSpan> Without(IReadOnlyList<RegionSpan> regions, string tag) => [.. regions.Where(r => r.Tag != tag)];

        private static string Join(string path, string name) => path.Length == 0 || path.EndsWith(':') ? path + name : path + "/" + name;
    }

    /// <summary>
    /// One part's text in one package, its regions located and its regions' canonical forms worked out once. A side
    /// whose text is <paramref name="sameText"/>'s (a document not edited since it was last patched) copies its regions
    /// from there rather than locating them again.
    /// </summary>
    private sealed class Side(DraftPackage package, string part, string xml, Side? sameText = null)
    {
        private readonly Dictionary<(int, int), string> canonical = [];

        public string Xml { get; } = xml;

        public PackageReferences References { get; } = new(package, part);

        // Copies, not the same objects: the patcher tells a region without a baseline by its being its own baseline.
        public IReadOnlyList<RegionSpan> Regions => field ??= sameText is null ? PartRegions.Locate(Xml) : Copy(sameText.Regions);

        private static List<RegionSpan> Copy(IReadOnlyList<RegionSpan> regions)
        {
            var copies = new List<RegionSpan>(regions.Count);
            foreach (var region in regions)
            {
                copies.Add(region with { Children = region.Children.Count == 0 ? region.Children : Copy(region.Children) });
            }

            return copies;
        }

        public string Canonical(int start, int end)
        {
            if (!canonical.TryGetValue((start, end), out var form))
            {
                canonical[(start, end)] = form = RegionCanon.Of(Xml, start, end, References);
            }

            return form;
        }
    }

    /// <summary>Text put in place of current[Start..End]; Order keeps insertions at one place in the order they were made.</summary>
    internal sealed record Edit(int Start, int End, string Text, int Order);

    /// <summary>
    /// The edit that makes <paramref name="content"/> a control's content. Word and the SDK write empty content as
    /// "&lt;w:sdtContent/&gt;", which is opened around the new content rather than followed by it.
    /// </summary>
    internal static Edit ContentEdit(string xml, RegionSpan region, string content, int order)
    {
        if (region.ContentStart == region.ContentEnd && xml.AsSpan(0, region.ContentStart).EndsWith("/>"))
        {
            var open = xml.LastIndexOf('<', region.ContentStart - 1);
            var name = xml[(open + 1)..(region.ContentStart - 2)].Trim();
            return new Edit(open, region.ContentStart, $"<{name}>{content}</{name}>", order);
        }

        return new Edit(region.ContentStart, region.ContentEnd, content, order);
    }
}
