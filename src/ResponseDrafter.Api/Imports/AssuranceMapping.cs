using System.Text.Json;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Api.Imports;

/// <summary>
/// The force's document against one draft: the proposed mapping for the items the draft answers, what it would change
/// in assurance recorded from an earlier file, and the drafter's chosen mapping, checked, composed and applied.
/// </summary>
public static class AssuranceMapping
{
    public const string NotForTheForce =
        "No section is proposed, as it is not one of the items addressed to chief constables. Choose its sections if the force's document answers it.";

    /// <summary>
    /// One mapping per selected ref, in report order. Sections are proposed for the items addressed to the chief
    /// constable; the others are listed with no proposal, so the drafter can still choose sections for them.
    /// </summary>
    public static AssuranceProposal Propose(Draft draft, ForceDocument document)
    {
        var report = draft.Report!;
        var forTheForce = Applicability.Of(report.Recommendations)
            .Where(i => i.AppliesTo.HasFlag(LocalBody.ChiefConstable) && draft.Selection.Contains(i.Ref));
        var proposal = AssuranceImport.Propose(document.Sections, forTheForce);
        var proposed = proposal.Mappings.ToDictionary(m => m.Ref, StringComparer.OrdinalIgnoreCase);
        return proposal with
        {
            Mappings = [.. report.Refs().Where(draft.Selection.Contains)
                .Select(r => proposed.GetValueOrDefault(r) ?? new RecommendationMapping(r, [], NotForTheForce))],
        };
    }

    /// <summary>The proposal as a mapping: each ref → its proposed section ids.</summary>
    public static Dictionary<string, List<string>> Proposed(AssuranceProposal proposal) =>
        proposal.Mappings.ToDictionary(m => m.Ref, m => m.Sections.Select(s => s.SectionId).ToList(), StringComparer.Ordinal);

    /// <summary>
    /// For each selected ref whose assurance came from an earlier file, what <paramref name="mapping"/> (the proposal, or
    /// the drafter's choice) would change. A ref given no sections keeps its assurance, and says so.
    /// </summary>
    public static IReadOnlyList<AssuranceRevisionDto> Revisions(Draft draft, ForceDocument document, Dictionary<string, List<string>> mapping)
    {
        var earlier = draft.Responses
            .Where(r => r.AssuranceText is not null && r.SourceFileName is not null && draft.Selection.Contains(r.Ref))
            .ToDictionary(r => r.Ref, StringComparer.Ordinal);
        var previous = earlier.ToDictionary(e => e.Key, e => e.Value.AssuranceText!, StringComparer.Ordinal);
        var revised = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (reference, ids) in mapping.Where(m => earlier.ContainsKey(m.Key)))
        {
            if (AssuranceImport.Compose(document, ids, string.Empty, default) is { } assurance)
            {
                revised[reference] = assurance.Text;
            }
        }

        return [.. AssuranceImport.Compare(previous, revised)
            .Select(c => new AssuranceRevisionDto(c.Ref, c.Kind, earlier[c.Ref].SourceFileName, earlier[c.Ref].ReceivedOn, c.Paragraphs))];
    }

    /// <summary>
    /// The drafter's mapping (JSON: ref → section ids) with refs as the report spells them; or the errors naming each ref
    /// and section id that does not exist. A ref with no sections is left as it is; a mapping may choose nothing at all
    /// (the preview compares it), which confirming refuses.
    /// </summary>
    public static (Dictionary<string, List<string>> Chosen, InputErrors Errors) Check(string? mappingJson, Report report, ForceDocument document)
    {
        var errors = new InputErrors();
        var chosen = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var requested = Parse(mappingJson);
        if (requested is null)
        {
            errors.Add("mapping", "Is required: a JSON object from each recommendation to the ids of its sections, such as {\"2\":[\"s8\"]}.");
            return (chosen, errors);
        }

        var sections = document.Sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (reference, ids) in requested)
        {
            var field = $"mapping.{reference}";
            var canonical = DraftRules.Canonical(report, reference);
            if (canonical is null)
            {
                errors.Add(field, $"\"{reference}\" is not a recommendation or sub-item of this report.");
                continue;
            }

            if (chosen.ContainsKey(canonical))
            {
                errors.Add(field, $"Recommendation {canonical} is named more than once.");
                continue;
            }

            var list = chosen[canonical] = [];
            for (var i = 0; i < (ids?.Count ?? 0); i++)
            {
                var id = ids![i];
                if (id is null || !sections.Contains(id))
                {
                    errors.Add(InputErrors.Index(field, i), $"\"{id}\" is not a section of \"{document.FileName}\".");
                }
                else if (!list.Contains(id))
                {
                    list.Add(id);
                }
            }
        }

        return (chosen, errors);
    }

    /// <summary>Each chosen ref's assurance made of its sections, with the file's provenance; or the refs whose text is too long.</summary>
    public static (Dictionary<string, Assurance> Assurances, InputErrors Errors) Compose(
        ForceDocument document, Dictionary<string, List<string>> chosen, string suppliedBy, DateOnly receivedOn)
    {
        var errors = new InputErrors();
        var assurances = new Dictionary<string, Assurance>(StringComparer.Ordinal);
        foreach (var (reference, ids) in chosen.Where(c => c.Value.Count > 0))
        {
            var assurance = AssuranceImport.Compose(document, ids, suppliedBy, receivedOn)!;
            if (assurance.Text.Length > AssuranceReceipt.MaxText)
            {
                errors.Add($"mapping.{reference}", $"The chosen sections hold {assurance.Text.Length:N0} characters; one assurance holds at most " +
                    $"{AssuranceReceipt.MaxText:N0}. Choose fewer sections.");
            }

            assurances[reference] = assurance;
        }

        return (assurances, errors);
    }

    /// <summary>Sets the text and provenance of each assurance; how the letter presents it (and any summary) stays the drafter's choice.</summary>
    public static void Apply(Draft draft, Dictionary<string, Assurance> assurances)
    {
        foreach (var (reference, assurance) in assurances)
        {
            var item = draft.ResponseFor(reference);
            item.AssuranceText = assurance.Text;
            item.SuppliedBy = assurance.Provenance.SuppliedBy;
            item.ReceivedOn = assurance.Provenance.ReceivedOn;
            item.SourceFileName = assurance.Provenance.SourceFileName;
            item.Sha256 = assurance.Provenance.Sha256;
        }
    }

    private static Dictionary<string, List<string?>?>? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, List<string?>?>>(json, ApiJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
