using System.Text;
using ResponseDrafter.Documents.Assembly;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>The patched document, the regions patched and the regions the drafter deleted (left deleted).</summary>
public sealed record PatchResult(byte[] Docx, IReadOnlyList<string> Changed, IReadOnlyList<string> Missing);

/// <summary>
/// Brings a stored draft up to date with its record without replacing it: the regions of a fresh rendering whose
/// content differs are spliced into the draft's XML text, and every other byte of the draft stays as it was,
/// including what the drafter typed in Word outside the regions.
/// </summary>
public static class LetterPatch
{
    /// <summary>
    /// Applies to <paramref name="current"/> (the stored draft document, possibly edited in Word) the regions of
    /// <paramref name="rendered"/> (a fresh assembly of the record from the same template) whose content differs.
    /// Changed: region paths patched ("opening", "responses/response:2/response.commentary", "responses" when items
    /// were added or removed, "header:draft"). Missing: regions the rendered letter has but the current document no
    /// longer has (the drafter deleted them); they are not recreated.
    /// </summary>
    public static PatchResult Apply(byte[] current, byte[] rendered)
    {
        using var draft = new DraftPackage(current);
        using var fresh = new DraftPackage(rendered);
        var patcher = new Patcher(draft, fresh);
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

    private sealed class Patcher(DraftPackage draft, DraftPackage fresh)
    {
        // Regions whose items carry keys ("response:2") and are merged item by item.
        private static readonly HashSet<string> Keyed = new(StringComparer.Ordinal) { "responses", "annex", "recommendations" };

        // Regions whose unkeyed items are replaced together whenever any differs.
        private static readonly HashSet<string> Repeating = new(StringComparer.Ordinal) { "references", "recipients", "cc", "appendices", "subitems" };

        private readonly ContentImport import = new(draft, fresh);
        private readonly List<Edit> edits = [];
        private string part = string.Empty;
        private string currentXml = string.Empty;
        private string renderedXml = string.Empty;
        private PackageReferences currentReferences = null!;
        private PackageReferences renderedReferences = null!;

        public List<string> Changed { get; } = [];

        public List<string> Missing { get; } = [];

        public void Part(string name, string prefix, bool header)
        {
            if (draft.Text(name) is not { } now || fresh.Text(name) is not { } then || string.Equals(now, then, StringComparison.Ordinal))
            {
                return;
            }

            part = name;
            currentXml = now;
            renderedXml = then;
            currentReferences = new PackageReferences(draft, name);
            renderedReferences = new PackageReferences(fresh, name);
            edits.Clear();
            var currentRegions = PartRegions.Locate(now);
            var renderedRegions = PartRegions.Locate(then);
            if (header)
            {
                Marking(currentRegions, renderedRegions, prefix);
            }

            Merge(Without(currentRegions, DraftMarking.Tag), Without(renderedRegions, DraftMarking.Tag), prefix);
            if (edits.Count > 0)
            {
                draft.SetText(name, Spliced());
            }
        }

        /// <summary>Pairs regions by name (the nth "date" with the nth "date") and patches each pair.</summary>
        private void Merge(IReadOnlyList<RegionSpan> now, IReadOnlyList<RegionSpan> then, string path)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var rendered in then)
            {
                var occurrence = seen[rendered.Name] = seen.GetValueOrDefault(rendered.Name) + 1;
                var current = now.Where(r => r.Name == rendered.Name).Skip(occurrence - 1).FirstOrDefault();
                var at = Join(path, rendered.Name);
                if (current is null)
                {
                    Missing.Add(at);
                }
                else
                {
                    Region(current, rendered, at);
                }
            }
        }

        private void Region(RegionSpan current, RegionSpan rendered, string path)
        {
            if (SameText(current.ContentStart, current.ContentEnd, rendered.ContentStart, rendered.ContentEnd))
            {
                return;
            }

            if (Keyed.Contains(rendered.Tag) || rendered.Children.Any(c => c.Key is not null))
            {
                MergeItems(current, rendered, path);
            }
            else if (Repeating.Contains(rendered.Tag) && !(HasKeyedContent(rendered) && SameNames(current.Children, rendered.Children)))
            {
                ReplaceWhenDifferent(current, rendered, path);
            }
            else if (rendered.Children.Count > 0)
            {
                Merge(current.Children, rendered.Children, path);
            }
            else
            {
                ReplaceWhenDifferent(current, rendered, path);
            }
        }

        /// <summary>Keeps items whose key is still rendered, inserts new ones in rendered order, removes the rest.</summary>
        private void MergeItems(RegionSpan current, RegionSpan rendered, string path)
        {
            var currentItems = current.Children.Where(c => c.Key is not null).ToList();
            var byName = currentItems.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var renderedNames = rendered.Children.Where(c => c.Key is not null).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            var structural = false;
            foreach (var item in currentItems.Where(c => !renderedNames.Contains(c.Name)))
            {
                edits.Add(new Edit(item.Start, item.End, string.Empty, edits.Count));
                structural = true;
            }

            var kept = currentItems.FirstOrDefault(c => renderedNames.Contains(c.Name));
            int? after = null;
            foreach (var item in rendered.Children.Where(c => c.Key is not null))
            {
                if (byName.TryGetValue(item.Name, out var match))
                {
                    Region(match, item, Join(path, item.Name));
                    after = match.End;
                    continue;
                }

                var at = after ?? kept?.Start ?? currentItems.FirstOrDefault()?.Start ?? current.ContentEnd;
                edits.Add(new Edit(at, at, import.Import(renderedXml[item.Start..item.End], part, part), edits.Count));
                structural = true;
            }

            if (structural)
            {
                Note(path);
            }
        }

        private void ReplaceWhenDifferent(RegionSpan current, RegionSpan rendered, string path)
        {
            if (Canonical(currentXml, current.ContentStart, current.ContentEnd, currentReferences)
                == Canonical(renderedXml, rendered.ContentStart, rendered.ContentEnd, renderedReferences))
            {
                return;
            }

            var content = import.Import(renderedXml[rendered.ContentStart..rendered.ContentEnd], part, part);
            edits.Add(new Edit(current.ContentStart, current.ContentEnd, content, edits.Count));
            Note(path);
        }

        /// <summary>Makes the header's DRAFT line what the rendered letter has: gone, replaced or added at the top.</summary>
        private void Marking(IReadOnlyList<RegionSpan> now, IReadOnlyList<RegionSpan> then, string prefix)
        {
            var current = MarkingParagraph(currentXml, now);
            var rendered = MarkingParagraph(renderedXml, then);
            if (current is null && rendered is null)
            {
                return;
            }

            if (current is var (start, end) && rendered is var (from, to)
                && Canonical(currentXml, start, end, currentReferences) == Canonical(renderedXml, from, to, renderedReferences))
            {
                return;
            }

            var at = current ?? (XmlScan.RootContentStart(currentXml), XmlScan.RootContentStart(currentXml));
            var paragraph = rendered is var (first, last) ? import.Import(renderedXml[first..last], part, part) : string.Empty;
            edits.Add(new Edit(at.Start, at.End, paragraph, edits.Count));
            Note(prefix + DraftMarking.Tag);
        }

        private static (int Start, int End)? MarkingParagraph(string xml, IReadOnlyList<RegionSpan> regions)
        {
            if (regions.FirstOrDefault(r => r.Tag == DraftMarking.Tag) is not { } marking)
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
            var text = new StringBuilder(currentXml.Length + edits.Sum(e => e.Text.Length));
            var position = 0;
            foreach (var edit in edits)
            {
                text.Append(currentXml, position, edit.Start - position).Append(edit.Text);
                position = edit.End;
            }

            text.Append(currentXml, position, currentXml.Length - position);
            return Namespaces.Declared(text.ToString(), edits);
        }

        private bool SameText(int start, int end, int from, int to) =>
            end - start == to - from && currentXml.AsSpan(start, end - start).SequenceEqual(renderedXml.AsSpan(from, to - from));

        private static string Canonical(string xml, int start, int end, IReferences references) => RegionCanon.Of(xml, start, end, references);

        private void Note(string path)
        {
            if (!Changed.Contains(path))
            {
                Changed.Add(path);
            }
        }

        private static bool HasKeyedContent(RegionSpan region) => region.Children.Any(c => c.Key is not null || HasKeyedContent(c));

        private static bool SameNames(IReadOnlyList<RegionSpan> a, IReadOnlyList<RegionSpan> b) => a.Select(r => r.Name).SequenceEqual(b.Select(r => r.Name));

        private static List<RegionSpan> Without(IReadOnlyList<RegionSpan> regions, string tag) => [.. regions.Where(r => r.Tag != tag)];

        private static string Join(string path, string name) => path.Length == 0 || path.EndsWith(':') ? path + name : path + "/" + name;
    }

    /// <summary>Text put in place of current[Start..End]; Order keeps insertions at one place in the order they were made.</summary>
    internal sealed record Edit(int Start, int End, string Text, int Order);
}
