using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Drafts;

/// <summary>What a draft's fields must hold; every problem is reported at once, by field.</summary>
public static class DraftRules
{
    public const int MaxRichText = 100_000;

    public static InputErrors Check(DraftLetterInput input, Report report)
    {
        var errors = new InputErrors();
        var references = input.References ?? [];
        for (var i = 0; i < references.Count; i++)
        {
            var field = InputErrors.Index("references", i);
            errors.Required($"{field}.label", references[i]?.Label, 100);
            errors.Text($"{field}.value", references[i]?.Value, 500);
        }

        var recipients = input.Recipients ?? [];
        if (recipients.Count == 0)
        {
            errors.Add("recipients", "Needs at least one recipient.");
        }

        for (var i = 0; i < recipients.Count; i++)
        {
            var field = InputErrors.Index("recipients", i);
            errors.Required($"{field}.name", recipients[i]?.Name, 200);
            errors.Text($"{field}.title", recipients[i]?.Title, 200);
            errors.Texts($"{field}.addressLines", recipients[i]?.AddressLines, 200);
            errors.Text($"{field}.email", recipients[i]?.Email, 320);
        }

        errors.Required("salutation", input.Salutation, 300);
        errors.Required("subject", input.Subject, 1_000);
        errors.Text("statutoryCitation", input.StatutoryCitation, 1_000);
        errors.Text("opening", input.Opening, MaxRichText);
        errors.Text("context", input.Context, MaxRichText);
        errors.Text("accountability", input.Accountability, MaxRichText);
        errors.Text("publication", input.Publication, MaxRichText);
        errors.Text("closing", input.Closing, 200);
        errors.Required("signatory.name", input.Signatory?.Name, 200);
        errors.Required("signatory.title", input.Signatory?.Title, 200);
        errors.Texts("cc", input.Cc, 500);
        ProfileRules.CheckCopyListLabel(errors, "copyListLabel", input.CopyListLabel);
        var numbers = report.Recommendations.Select(r => r.Number).ToHashSet(StringComparer.Ordinal);
        var appendices = input.Appendices ?? [];
        for (var i = 0; i < appendices.Count; i++)
        {
            var field = InputErrors.Index("appendices", i);
            errors.Required($"{field}.title", appendices[i]?.Title, 300);
            errors.Text($"{field}.body", appendices[i]?.Body, MaxRichText);
            foreach (var number in appendices[i]?.Recommendations ?? [])
            {
                if (!numbers.Contains(number))
                {
                    errors.Add($"{field}.recommendations", $"\"{number}\" is not a recommendation of this report.");
                }
            }
        }

        return errors;
    }

    public static void ApplyTo(this DraftLetterInput input, Draft draft)
    {
        draft.References = (input.References ?? []).Select(r => new LetterReference(r.Label!.Trim(), r.Value?.Trim() ?? string.Empty)).ToList();
        draft.LetterDate = input.Date;
        draft.DateStyle = input.DateStyle ?? DateStyle.Plain;
        draft.Recipients = input.Recipients!.Select(r => new Recipient
        {
            Name = r.Name!.Trim(),
            Title = Blank(r.Title),
            AddressLines = r.AddressLines ?? [],
            Email = Blank(r.Email),
        }).ToList();
        draft.Salutation = input.Salutation!.Trim();
        draft.Subject = input.Subject!.Trim();
        draft.StatutoryCitation = input.StatutoryCitation?.Trim() ?? string.Empty;
        draft.Opening = Blank(input.Opening);
        draft.Context = Blank(input.Context);
        draft.Accountability = Blank(input.Accountability);
        draft.Publication = Blank(input.Publication);
        draft.Closing = Blank(input.Closing) ?? "Yours sincerely";
        draft.SignatoryName = input.Signatory!.Name!.Trim();
        draft.SignatoryTitle = input.Signatory.Title!.Trim();
        draft.Cc = input.Cc ?? [];
        draft.CopyListLabel = input.CopyListLabel!.Trim();
        draft.Appendices = (input.Appendices ?? []).Select(a => new Appendix
        {
            Title = a.Title!.Trim(),
            Body = Blank(a.Body),
            Recommendations = a.Recommendations ?? [],
        }).ToList();
    }

    /// <summary>The refs as the report spells them, or the errors naming the ones it does not have.</summary>
    public static (List<string> Refs, InputErrors Errors) CheckSelection(SelectionInput input, Report report)
    {
        var errors = new InputErrors();
        var known = report.Refs();
        var chosen = new List<string>();
        var requested = input.Refs;
        for (var i = 0; i < requested.Count; i++)
        {
            var match = known.FirstOrDefault(k => string.Equals(k, requested[i]?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                errors.Add(InputErrors.Index("refs", i), $"\"{requested[i]}\" is not a recommendation or sub-item of this report.");
            }
            else if (!chosen.Contains(match))
            {
                chosen.Add(match);
            }
        }

        return (known.Where(chosen.Contains).ToList(), errors);
    }

    public static InputErrors Check(ResponseInput input)
    {
        var errors = new InputErrors();
        errors.Text("commentary", input.Commentary, MaxRichText);
        errors.Text("reason", input.Reason, MaxRichText);
        return errors;
    }

    public static string? Canonical(Report report, string itemRef) =>
        report.Refs().FirstOrDefault(k => string.Equals(k, itemRef.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
