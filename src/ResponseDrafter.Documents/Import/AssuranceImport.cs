using System.Globalization;
using System.Security.Cryptography;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Markup;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// The force's assurance from its own Word document: read it into sections, propose which sections answer which
/// recommendation, turn the drafter's choice into an <see cref="Assurance"/> with its provenance, and show what a
/// revised document changed. Bad input never throws: refusals and empty results come back as data.
/// </summary>
public static class AssuranceImport
{
    /// <summary>Inspects the upload (see <see cref="WordUpload"/>) and, if it is safe, splits it into sections.</summary>
    public static ForceDocumentRead Read(byte[]? bytes, string? fileName, UploadLimits? limits = null)
    {
        var (paragraphs, refusal) = WordBody.Read(bytes, fileName, limits);
        if (refusal is not null)
        {
            return new ForceDocumentRead(null, refusal);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes!));
        return new ForceDocumentRead(new ForceDocument(Path.GetFileName(fileName ?? string.Empty).Trim(), sha256, DocumentSections.Split(paragraphs!)), null);
    }

    /// <summary>
    /// Proposes, for each applicable item (from <see cref="Applicability.Of"/>, usually those that apply to the chief
    /// constable), the sections that answer it, with a confidence and a reason; and lists the sections proposed for none.
    /// </summary>
    public static AssuranceProposal Propose(IReadOnlyList<DocumentSection>? sections, IEnumerable<ApplicableItem>? applicable) =>
        MappingProposer.Propose(
            [.. (sections ?? []).Where(s => s?.Id is not null).Select(s => s with { Heading = s.Heading ?? string.Empty, Text = s.Text ?? string.Empty })],
            [.. (applicable ?? []).Where(i => i?.Recommendation is not null && !string.IsNullOrWhiteSpace(i.Ref)).DistinctBy(i => RecommendationRefs.Key(i.Ref))]);

    /// <summary>
    /// The assurance made of the chosen sections, in the order given, each under its heading in bold unless
    /// <paramref name="includeHeadings"/> is false. Null when none of the ids is a section of the document.
    /// </summary>
    public static Assurance? Compose(ForceDocument document, IEnumerable<string>? sectionIds, string suppliedBy, DateOnly receivedOn, bool includeHeadings = true)
    {
        ArgumentNullException.ThrowIfNull(document);
        var byId = (document.Sections ?? []).Where(s => s?.Id is not null).DistinctBy(s => s.Id).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var chosen = (sectionIds ?? []).Distinct(StringComparer.Ordinal).Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        if (chosen.Count == 0)
        {
            return null;
        }

        var blocks = chosen.SelectMany(s => new[] { includeHeadings ? Heading(s.Heading ?? string.Empty) : string.Empty, s.Text ?? string.Empty }).Where(b => b.Length > 0);
        return new Assurance
        {
            Text = string.Join("\n\n", blocks),
            Provenance = new Provenance
            {
                SuppliedBy = (suppliedBy ?? string.Empty).Trim(),
                ReceivedOn = receivedOn,
                SourceFileName = document.FileName,
                Sha256 = document.Sha256,
            },
        };
    }

    /// <summary>
    /// Per recommendation (the keys, e.g. "2", "6c"), what the revised assurance text changed against the previous one,
    /// paragraph by paragraph; in report order, numbers compared as numbers.
    /// </summary>
    public static IReadOnlyList<AssuranceChange> Compare(IReadOnlyDictionary<string, string>? previous, IReadOnlyDictionary<string, string>? revised)
    {
        previous ??= new Dictionary<string, string>();
        revised ??= new Dictionary<string, string>();
        return [.. previous.Keys.Union(revised.Keys, StringComparer.Ordinal)
            .Order(ReportOrder.Instance)
            .Select(reference => Change(reference, previous.GetValueOrDefault(reference), revised.GetValueOrDefault(reference)))];
    }

    private static AssuranceChange Change(string reference, string? before, string? after)
    {
        var paragraphs = AssuranceDiff.Compare(before, after);
        var kind = before is null ? AssuranceChangeKind.Added
            : after is null ? AssuranceChangeKind.Removed
            : paragraphs.All(p => p.Kind == ParagraphChangeKind.Unchanged) ? AssuranceChangeKind.Unchanged
            : AssuranceChangeKind.Changed;
        return new AssuranceChange(reference, kind, paragraphs);
    }

    private static string Heading(string heading)
    {
        if (heading.Trim().Length == 0)
        {
            return string.Empty;
        }

        var escaped = MarkupText.Escape(heading.Replace('\n', ' ').Trim());
        var bold = $"**{escaped}**";
        return RichText.Parse(bold).Problems.Count == 0 ? bold : escaped;
    }

    /// <summary>"2" before "10", "6b" before "6c", then anything else in ordinal order.</summary>
    private sealed class ReportOrder : IComparer<string>
    {
        public static ReportOrder Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            var (a, b) = (Leading(x), Leading(y));
            return a != b ? a.CompareTo(b) : string.CompareOrdinal(x, y);
        }

        private static long Leading(string? text)
        {
            var digits = new string([.. (text ?? string.Empty).SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).Take(9)]);
            return digits.Length == 0 ? long.MaxValue : long.Parse(digits, CultureInfo.InvariantCulture);
        }
    }
}
