using System.Globalization;
using System.Text.RegularExpressions;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Api.Drafts;

/// <summary>Turns a stored draft into the Documents library's <see cref="Letter"/>, and starts new drafts from a report and a profile.</summary>
public static partial class DraftLetter
{
    /// <summary>
    /// The library's problems as validation errors (field → reasons). Fields stay the letter request's JSON paths;
    /// a problem inside responses[i] names its recommendation, since the index means nothing to the drafter.
    /// </summary>
    public static IDictionary<string, string[]> Errors(IEnumerable<LetterProblem> problems, Letter letter) => problems
        .GroupBy(p => p.Field, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(p => Explain(p, letter)).ToArray(), StringComparer.Ordinal);

    public static Letter Build(Draft draft, Report report, Profile profile, DateOnly today)
    {
        var responses = draft.Responses.ToDictionary(r => r.Ref, StringComparer.Ordinal);
        return new Letter
        {
            Opcc = profile.AsOpccProfile(),
            References = draft.References,
            Date = draft.LetterDate ?? today,
            DateStyle = draft.DateStyle,
            Recipients = draft.Recipients,
            Salutation = draft.Salutation,
            Subject = draft.Subject,
            Report = report.AsReportInfo(),
            StatutoryCitation = draft.StatutoryCitation,
            Opening = draft.Opening,
            Context = draft.Context,
            Responses = report.Refs()
                .Where(draft.Selection.Contains)
                .Select(r => responses.TryGetValue(r, out var response) ? response.AsLetterResponse() : new RecommendationResponse { Ref = r })
                .ToList(),
            Accountability = draft.Accountability,
            Publication = draft.Publication,
            Closing = draft.Closing,
            Signatory = new Signatory { Name = draft.SignatoryName, Title = draft.SignatoryTitle },
            Cc = draft.Cc,
            CopyListLabel = draft.CopyListLabel,
            Appendices = draft.Appendices,
            Identity = new DocumentIdentity(draft.Id.ToString(), draft.Version.ToString(CultureInfo.InvariantCulture)),
        };
    }

    /// <summary>A new draft: the applicable items selected, the profile's defaults copied in (then the draft's own to edit).</summary>
    public static Draft Start(Report report, Profile profile, string? createdBy, DateTime now)
    {
        var selection = Applicability.Of(report.Recommendations).Select(i => i.Ref).ToList();
        var id = Guid.CreateVersion7();

        // Nothing applicable, nothing to reproduce: an appendix with no content would only print its heading.
        var reproduced = report.Recommendations
            .Where(r => selection.Contains(r.Number) || r.SubItems.Any(s => selection.Contains(r.Number + s.Label)))
            .Select(r => r.Number)
            .ToList();
        return new Draft
        {
            Id = id,
            Version = 1,
            ReportId = report.Id,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
            Selection = report.Refs().Where(selection.Contains).ToList(),
            Recipients = profile.Recipients,
            Salutation = profile.Salutation,
            Subject = $"{report.Title} ({UkDate.Format(report.PublishedOn)})",
            StatutoryCitation = profile.StatutoryCitation,
            Publication = profile.Publication,
            Closing = profile.Closing,
            SignatoryName = profile.CommissionerName,
            SignatoryTitle = profile.CommissionerTitle,
            Cc = profile.Cc,
            CopyListLabel = profile.CopyListLabel,
            Appendices = reproduced.Count == 0 ? [] : [new Appendix { Title = "Appendix A - Recommendations", Recommendations = reproduced }],
        };
    }

    private static string Explain(LetterProblem problem, Letter letter)
    {
        var match = ResponseIndex().Match(problem.Field);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var index) && index < letter.Responses.Count
            ? $"Recommendation {letter.Responses[index].Ref}: {problem.Message}"
            : problem.Message;
    }

    [GeneratedRegex(@"^responses\[(\d+)\]")]
    private static partial Regex ResponseIndex();
}
