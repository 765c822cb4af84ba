using ResponseDrafter.Api.Http;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Reports;

/// <summary>What a report must look like to be catalogued; every problem is reported at once, by field.</summary>
public static class ReportRules
{
    public const int MaxTitle = 500;
    public const int MaxUrl = 2_000;
    public const int MaxRecommendationText = 20_000;

    public static InputErrors Check(ReportInput input)
    {
        var errors = new InputErrors();
        errors.Required("title", input.Title, MaxTitle);
        if (input.PublishedOn is null)
        {
            errors.Add("publishedOn", "Is required (YYYY-MM-DD).");
        }

        if (input.Url is not null && !Uri.TryCreate(input.Url, UriKind.Absolute, out _))
        {
            errors.Add("url", "Is not an absolute URL.");
        }

        errors.Text("url", input.Url, MaxUrl);
        var recommendations = input.Recommendations ?? [];
        var numbers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < recommendations.Count; i++)
        {
            var field = InputErrors.Index("recommendations", i);
            var recommendation = recommendations[i];
            if (recommendation is null)
            {
                errors.Add(field, "Is required.");
                continue;
            }

            errors.Required($"{field}.number", recommendation.Number, 32);
            if (recommendation.Number is { } number && !numbers.Add(number.Trim()))
            {
                errors.Add($"{field}.number", "Is used by another recommendation of this report.");
            }

            errors.Required($"{field}.text", recommendation.Text, MaxRecommendationText);
            errors.Texts($"{field}.addressees", recommendation.Addressees, 200);
            var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var subItems = recommendation.SubItems ?? [];
            for (var j = 0; j < subItems.Count; j++)
            {
                var subField = InputErrors.Index($"{field}.subItems", j);
                if (subItems[j] is not { } subItem)
                {
                    errors.Add(subField, "Is required.");
                    continue;
                }

                errors.Required($"{subField}.label", subItem.Label, 8);
                if (subItem.Label is { } label && !labels.Add(label.Trim()))
                {
                    errors.Add($"{subField}.label", "Is used by another sub-item of this recommendation.");
                }

                errors.Required($"{subField}.text", subItem.Text, MaxRecommendationText);
                errors.Texts($"{subField}.addressees", subItem.Addressees, 200);
            }
        }

        return errors;
    }

    /// <summary>Only call when <see cref="Check"/> found nothing. Texts are kept verbatim; only labels and numbers are trimmed.</summary>
    public static void ApplyTo(this ReportInput input, Report report)
    {
        report.Title = input.Title!.Trim();
        report.Kind = input.Kind ?? ReportKind.Thematic;
        report.PublishedOn = input.PublishedOn!.Value;
        report.Url = string.IsNullOrWhiteSpace(input.Url) ? null : input.Url.Trim();
        report.Recommendations = (input.Recommendations ?? []).Select(r => new Recommendation
        {
            Number = r.Number!.Trim(),
            Kind = r.Kind ?? RecommendationKind.Recommendation,
            Addressees = r.Addressees ?? [],
            Text = r.Text!,
            DecidedAddressee = r.DecidedAddressee,
            SubItems = (r.SubItems ?? []).Select(s => new SubItem
            {
                Label = s.Label!.Trim(),
                Text = s.Text!,
                Addressees = s.Addressees ?? [],
                DecidedAddressee = s.DecidedAddressee,
            }).ToList(),
        }).ToList();
    }
}
