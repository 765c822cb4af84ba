using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using ResponseDrafter.Documents.Markup;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Documents.Letters;

/// <summary>
/// Checks a letter request before assembly: required fields, characters XML cannot hold, markup, references
/// to the report, images. Reports every problem at once, each named by its JSON path. Whether every
/// applicable recommendation has been answered is <see cref="Completeness"/>'s question, not a problem here:
/// an incomplete letter still renders, marked DRAFT.
/// </summary>
public static partial class LetterValidator
{
    public const int MaxImageBytes = 5 * 1024 * 1024;

    public static IReadOnlyList<LetterProblem> Validate(Letter letter)
    {
        if (letter is null)
        {
            return [new(string.Empty, "The request is empty")];
        }

        var refs = new RefIndex(letter.Report?.Recommendations ?? []);
        return
        [
            .. OpccProblems(letter.Opcc),
            .. (letter.References ?? []).SelectMany((r, i) => ReferenceProblems($"references[{i}]", r)),
            .. RecipientsProblems(letter.Recipients),
            .. Required("salutation", letter.Salutation),
            .. Required("subject", letter.Subject),
            .. ReportProblems(letter.Report),
            .. Required("statutoryCitation", letter.StatutoryCitation),
            .. Rich("opening", letter.Opening),
            .. Rich("context", letter.Context),
            .. ResponsesProblems(letter.Responses ?? [], refs),
            .. Rich("accountability", letter.Accountability),
            .. Rich("publication", letter.Publication),
            .. Required("closing", letter.Closing),
            .. SignatoryProblems(letter.Signatory),
            .. Lines("cc", letter.Cc),
            .. (letter.Appendices ?? []).SelectMany((a, i) => AppendixProblems($"appendices[{i}]", a, refs)),
            .. Unstorable(letter, string.Empty),
        ];
    }

    private static IEnumerable<LetterProblem> OpccProblems(OpccProfile? opcc) =>
        opcc is null
            ? [Missing("opcc")]
            :
            [
                .. Required("opcc.name", opcc.Name),
                .. Required("opcc.commissionerName", opcc.CommissionerName),
                .. Required("opcc.commissionerTitle", opcc.CommissionerTitle),
                .. Lines("opcc.letterheadLines", opcc.LetterheadLines),
                .. ImageProblems("opcc.logo", opcc.Logo),
            ];

    private static IEnumerable<LetterProblem> ReferenceProblems(string path, LetterReference? reference) =>
        reference is null
            ? [Missing(path)]
            : [.. Required($"{path}.label", reference.Label), .. Required($"{path}.value", reference.Value)];

    private static IEnumerable<LetterProblem> RecipientsProblems(IReadOnlyList<Recipient>? recipients) =>
        recipients is null || recipients.Count == 0
            ? [new("recipients", "needs at least one recipient")]
            : recipients.SelectMany((r, i) => RecipientProblems($"recipients[{i}]", r));

    private static IEnumerable<LetterProblem> RecipientProblems(string path, Recipient? recipient) =>
        recipient is null
            ? [Missing(path)]
            : [.. Required($"{path}.name", recipient.Name), .. Lines($"{path}.addressLines", recipient.AddressLines)];

    private static IEnumerable<LetterProblem> SignatoryProblems(Signatory? signatory) =>
        signatory is null
            ? [Missing("signatory")]
            :
            [
                .. Required("signatory.name", signatory.Name),
                .. Required("signatory.title", signatory.Title),
                .. ImageProblems("signatory.signature", signatory.Signature),
            ];

    private static IEnumerable<LetterProblem> ReportProblems(ReportInfo? report)
    {
        if (report is null)
        {
            return [Missing("report")];
        }

        var recommendations = report.Recommendations ?? [];
        return
        [
            .. Required("report.title", report.Title),
            .. recommendations.SelectMany((r, i) => RecommendationProblems($"report.recommendations[{i}]", r)),
            .. Repeats(recommendations.Select(r => r?.Number), (i, first) =>
                new($"report.recommendations[{i}].number", $"recommendation {recommendations[i].Number} appears more than once in the report (also report.recommendations[{first}])")),
        ];
    }

    private static IEnumerable<LetterProblem> RecommendationProblems(string path, Recommendation? recommendation)
    {
        if (recommendation is null)
        {
            return [Missing(path)];
        }

        var subItems = recommendation.SubItems ?? [];
        return
        [
            .. Required($"{path}.number", recommendation.Number),
            .. Required($"{path}.text", recommendation.Text),
            .. Lines($"{path}.addressees", recommendation.Addressees),
            .. subItems.SelectMany((s, j) => SubItemProblems($"{path}.subItems[{j}]", s)),
            .. Repeats(subItems.Select(s => s?.Label), (j, first) =>
                new($"{path}.subItems[{j}].label", $"sub-item {subItems[j].Label} appears more than once (also {path}.subItems[{first}])")),
        ];
    }

    private static IEnumerable<LetterProblem> SubItemProblems(string path, SubItem? subItem) =>
        subItem is null
            ? [Missing(path)]
            : [.. Required($"{path}.label", subItem.Label), .. Required($"{path}.text", subItem.Text), .. Lines($"{path}.addressees", subItem.Addressees)];

    private static IEnumerable<LetterProblem> ResponsesProblems(IReadOnlyList<RecommendationResponse?> responses, RefIndex refs)
    {
        var answers = Answers.Of([.. responses.Select(r => string.IsNullOrWhiteSpace(r?.Ref) ? null : refs.Resolve(r.Ref))]);
        return responses.SelectMany((response, i) => ResponseProblems(i, response, answers, refs));
    }

    private static IEnumerable<LetterProblem> ResponseProblems(int index, RecommendationResponse? response, Answers answers, RefIndex refs)
    {
        var path = $"responses[{index}]";
        return response is null
            ? [Missing(path)]
            :
            [
                .. Required($"{path}.ref", response.Ref),
                .. RefProblems(index, response.Ref, answers, refs),
                .. AssuranceProblems($"{path}.assurance", response.Assurance),
                .. Rich($"{path}.commentary", response.Commentary),
                .. Rich($"{path}.reason", response.Reason),
            ];
    }

    private static IEnumerable<LetterProblem> RefProblems(int index, string? reference, Answers answers, RefIndex refs)
    {
        var path = $"responses[{index}].ref";
        if (string.IsNullOrWhiteSpace(reference))
        {
            return [];
        }

        if (answers.Targets[index] is not { } target)
        {
            return [new(path, NotInReport(reference, refs))];
        }

        var twice = answers.First[target];
        if (twice < index)
        {
            return [new(path, $"{reference.Trim()} is answered more than once (also responses[{twice}])")];
        }

        var whole = target.SubItem is null ? -1 : answers.Whole.GetValueOrDefault(target.Recommendation, -1);
        if (whole >= 0)
        {
            return [new(path, $"recommendation {RecommendationRefs.Of(target.Recommendation)} is answered as a whole in responses[{whole}], so {reference.Trim()} cannot also be answered on its own")];
        }

        return [];
    }

    private static string NotInReport(string reference, RefIndex refs)
    {
        var key = RecommendationRefs.Key(reference);
        return refs.Parent(key) is { } parent
            ? $"recommendation {RecommendationRefs.Of(parent)} has no sub-item {key[RecommendationRefs.Key(RecommendationRefs.Of(parent)).Length..]}"
            : $"the report has no recommendation {reference.Trim()}";
    }

    private static IEnumerable<LetterProblem> AssuranceProblems(string path, Assurance? assurance)
    {
        if (assurance is null)
        {
            return [];
        }

        return
        [
            .. Required($"{path}.text", assurance.Text),
            .. Rich($"{path}.text", assurance.Text),
            .. assurance.Presentation == AssurancePresentation.Summarised ? Required($"{path}.summary", assurance.Summary) : [],
            .. Rich($"{path}.summary", assurance.Summary),
            .. ProvenanceProblems($"{path}.provenance", assurance.Provenance),
        ];
    }

    private static IEnumerable<LetterProblem> ProvenanceProblems(string path, Provenance? provenance) =>
        provenance is null
            ? [Missing(path)]
            : [.. Required($"{path}.suppliedBy", provenance.SuppliedBy), .. Sha256Problems($"{path}.sha256", provenance.Sha256)];

    private static IEnumerable<LetterProblem> Sha256Problems(string path, string? sha256) =>
        sha256 is null || Sha256().IsMatch(sha256)
            ? []
            : [new(path, "must be a SHA-256 digest: 64 lower-case hexadecimal characters")];

    private static IEnumerable<LetterProblem> AppendixProblems(string path, Appendix? appendix, RefIndex refs)
    {
        if (appendix is null)
        {
            return [Missing(path)];
        }

        var listed = appendix.Recommendations ?? [];
        return
        [
            .. Required($"{path}.title", appendix.Title),
            .. Rich($"{path}.body", appendix.Body),
            .. listed.SelectMany((number, j) => AppendixEntryProblems($"{path}.recommendations[{j}]", number, refs)),
            .. Repeats(listed, (j, first) => new($"{path}.recommendations[{j}]", $"recommendation {listed[j]} is listed more than once (also {path}.recommendations[{first}])")),
        ];
    }

    private static IEnumerable<LetterProblem> AppendixEntryProblems(string path, string? number, RefIndex refs)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return Required(path, number);
        }

        return refs.Resolve(number) switch
        {
            null => [new(path, NotInReport(number, refs))],
            { SubItem: not null } target => [new(path, $"list whole recommendations: {number.Trim()} is a sub-item of recommendation {RecommendationRefs.Of(target.Recommendation)}")],
            _ => [],
        };
    }

    private static IEnumerable<LetterProblem> ImageProblems(string path, ImageAsset? image)
    {
        if (image is null)
        {
            yield break;
        }

        foreach (var problem in Required($"{path}.altText", image.AltText))
        {
            yield return problem;
        }

        var data = image.Data ?? [];
        var actual = ImageType(data);
        var declared = image.ContentType?.Trim().ToLowerInvariant();
        if (declared is not ("image/png" or "image/jpeg"))
        {
            yield return new($"{path}.contentType", "must be image/png or image/jpeg");
        }
        else if (actual is not null && actual != declared)
        {
            yield return new($"{path}.contentType", $"says {declared} but the data is a {(actual == "image/png" ? "PNG" : "JPEG")} image");
        }

        if (data.Length == 0)
        {
            yield return new($"{path}.data", "must not be empty");
        }
        else if (actual is null)
        {
            yield return new($"{path}.data", "is not a PNG or JPEG image");
        }

        if (data.Length > MaxImageBytes)
        {
            yield return new($"{path}.data", string.Create(CultureInfo.InvariantCulture, $"is {data.Length / 1048576.0:0.0} MB; an image may be at most 5 MB"));
        }
    }

    private static string? ImageType(byte[] data) =>
        data.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : data.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;

    // A character XML cannot hold is already reported, once, by the check of every string.
    private static IEnumerable<LetterProblem> Rich(string path, string? source) =>
        string.IsNullOrWhiteSpace(source) || FirstUnstorable(source) is not null
            ? []
            : RichText.Parse(source).Problems.Select(p => new LetterProblem(path, $"line {p.Line}: {p.Message}"));

    private static IEnumerable<LetterProblem> Required(string path, string? value) =>
        string.IsNullOrWhiteSpace(value) ? [new(path, "must not be empty")] : [];

    private static IEnumerable<LetterProblem> Lines(string path, IReadOnlyList<string?>? lines) =>
        (lines ?? []).SelectMany((line, i) => Required($"{path}[{i}]", line));

    private static LetterProblem Missing(string path) => new(path, "is required");

    private static IEnumerable<LetterProblem> Repeats(IEnumerable<string?> references, Func<int, int, LetterProblem> problem)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var reference in references)
        {
            var key = RecommendationRefs.Key(reference);
            if (key.Length > 0 && !first.TryAdd(key, index))
            {
                yield return problem(index, first[key]);
            }

            index++;
        }
    }

    // Every string anywhere in the letter ends up in the document or its metadata, so all are checked,
    // including fields added to the model later.
    private static IEnumerable<LetterProblem> Unstorable(object? value, string path)
    {
        switch (value)
        {
            case null or byte[]:
                return [];
            case string text:
                return FirstUnstorable(text) is { } codePoint
                    ? [new(path, $"character U+{codePoint.ToString("X4", CultureInfo.InvariantCulture)} cannot be stored in a Word document")]
                    : [];
            case IEnumerable items:
                return items.Cast<object?>().SelectMany((item, i) => Unstorable(item, $"{path}[{i}]"));
            default:
                var type = value.GetType();
                return type.Assembly != typeof(Letter).Assembly || type.IsEnum
                    ? []
                    : type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                        .Where(p => p.GetIndexParameters().Length == 0)
                        .SelectMany(p => Unstorable(p.GetValue(value), Join(path, JsonNamingPolicy.CamelCase.ConvertName(p.Name))));
        }
    }

    private static int? FirstUnstorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(text[i]))
            {
                return text[i];
            }
        }

        return null;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>What each response points at, with the first response to each target and to each whole recommendation.</summary>
    private sealed record Answers(List<RefTarget?> Targets, Dictionary<RefTarget, int> First, Dictionary<Recommendation, int> Whole)
    {
        public static Answers Of(List<RefTarget?> targets)
        {
            var first = new Dictionary<RefTarget, int>();
            var whole = new Dictionary<Recommendation, int>();
            for (var i = 0; i < targets.Count; i++)
            {
                if (targets[i] is { } target)
                {
                    first.TryAdd(target, i);
                    if (target.SubItem is null)
                    {
                        whole.TryAdd(target.Recommendation, i);
                    }
                }
            }

            return new(targets, first, whole);
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
