using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
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
/// <remarks>
/// A path is put together only for a problem: a valid letter, the common case, costs little more than the
/// markup parsing, which assembly reuses.
/// </remarks>
public static partial class LetterValidator
{
    public const int MaxImageBytes = 5 * 1024 * 1024;

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> Members = new();

    public static IReadOnlyList<LetterProblem> Validate(Letter letter) => Validate(letter, new ParsedMarkup());

    /// <summary>Validates, keeping what the markup parsed to in <paramref name="markup"/> for assembly to write.</summary>
    internal static IReadOnlyList<LetterProblem> Validate(Letter letter, ParsedMarkup markup)
    {
        if (letter is null)
        {
            return [new(string.Empty, "The request is empty")];
        }

        var check = new Check(markup, new RefIndex(letter.Report?.Recommendations ?? []));
        check.Letter(letter);
        return check.Problems;
    }

    private sealed class Check(ParsedMarkup markup, RefIndex refs)
    {
        public List<LetterProblem> Problems { get; } = [];

        public void Letter(Letter letter)
        {
            Opcc(letter.Opcc);
            var references = letter.References ?? [];
            for (var i = 0; i < references.Count; i++)
            {
                Reference(new("references", i), references[i]);
            }

            Recipients(letter.Recipients);
            Required("salutation", letter.Salutation);
            Required("subject", letter.Subject);
            Report(letter.Report);
            Rich("opening", letter.Opening);
            Rich("context", letter.Context);
            Responses(letter.Responses ?? []);
            Rich("accountability", letter.Accountability);
            Rich("publication", letter.Publication);
            Required("closing", letter.Closing);
            Signatory(letter.Signatory);
            Lines("cc", letter.Cc);
            var appendices = letter.Appendices ?? [];
            for (var i = 0; i < appendices.Count; i++)
            {
                Appendix(new("appendices", i), appendices[i]);
            }

            Unstorable(letter, new StringBuilder());
        }

        private void Opcc(OpccProfile? opcc)
        {
            if (opcc is null)
            {
                Missing("opcc");
                return;
            }

            Required("opcc.name", opcc.Name);
            Required("opcc.commissionerName", opcc.CommissionerName);
            Required("opcc.commissionerTitle", opcc.CommissionerTitle);
            Lines("opcc.letterheadLines", opcc.LetterheadLines);
            Image("opcc.logo", opcc.Logo);
        }

        private void Reference(FieldPath path, LetterReference? reference)
        {
            if (reference is null)
            {
                Missing(path);
                return;
            }

            Required(path, ".label", reference.Label);

            // The value may be empty: the label then prints alone ("Your ref:"), as on printed letterheads.
        }

        private void Recipients(IReadOnlyList<Recipient>? recipients)
        {
            if (recipients is null || recipients.Count == 0)
            {
                Problems.Add(new("recipients", "needs at least one recipient"));
                return;
            }

            for (var i = 0; i < recipients.Count; i++)
            {
                var path = new FieldPath("recipients", i);
                if (recipients[i] is not { } recipient)
                {
                    Missing(path);
                    continue;
                }

                Required(path, ".name", recipient.Name);
                Lines(recipient.AddressLines, path, ".addressLines");
            }
        }

        private void Signatory(Signatory? signatory)
        {
            if (signatory is null)
            {
                Missing("signatory");
                return;
            }

            Required("signatory.name", signatory.Name);
            Required("signatory.title", signatory.Title);
            Image("signatory.signature", signatory.Signature);
        }

        private void Report(ReportInfo? report)
        {
            if (report is null)
            {
                Missing("report");
                return;
            }

            Required("report.title", report.Title);
            var recommendations = report.Recommendations ?? [];
            for (var i = 0; i < recommendations.Count; i++)
            {
                Recommendation(new("report.recommendations", i), recommendations[i]);
            }

            Repeats(recommendations, r => r?.Number, (i, first) =>
                new($"report.recommendations[{i}].number", $"recommendation {recommendations[i].Number} appears more than once in the report (also report.recommendations[{first}])"));
        }

        private void Recommendation(FieldPath path, Recommendation? recommendation)
        {
            if (recommendation is null)
            {
                Missing(path);
                return;
            }

            Required(path, ".number", recommendation.Number);
            Required(path, ".text", recommendation.Text);
            Lines(recommendation.Addressees, path, ".addressees");
            var subItems = recommendation.SubItems ?? [];
            for (var j = 0; j < subItems.Count; j++)
            {
                if (subItems[j] is not { } subItem)
                {
                    Missing($"{path}.subItems[{j}]");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(subItem.Label) || string.IsNullOrWhiteSpace(subItem.Text) || HasBlank(subItem.Addressees))
                {
                    var subPath = $"{path}.subItems[{j}]";
                    Required(subPath, ".label", subItem.Label);
                    Required(subPath, ".text", subItem.Text);
                    Lines(subPath + ".addressees", subItem.Addressees);
                }
            }

            Repeats(subItems, s => s?.Label, (j, first) =>
                new($"{path}.subItems[{j}].label", $"sub-item {subItems[j].Label} appears more than once (also {path}.subItems[{first}])"));
        }

        private void Responses(IReadOnlyList<RecommendationResponse?> responses)
        {
            var targets = new List<RefTarget?>(responses.Count);
            foreach (var response in responses)
            {
                targets.Add(string.IsNullOrWhiteSpace(response?.Ref) ? null : refs.Resolve(response.Ref));
            }

            var answers = Answers.Of(targets);
            for (var i = 0; i < responses.Count; i++)
            {
                Response(i, responses[i], answers);
            }
        }

        private void Response(int index, RecommendationResponse? response, Answers answers)
        {
            var path = new FieldPath("responses", index);
            if (response is null)
            {
                Missing(path);
                return;
            }

            if (string.IsNullOrWhiteSpace(response.Ref))
            {
                Problems.Add(new(path.With(".ref"), "must not be empty"));
            }
            else if (RefProblem(index, response.Ref, answers) is { } problem)
            {
                Problems.Add(new(path.With(".ref"), problem));
            }

            if (response.Assurance is { } assurance)
            {
                Required(path, ".assurance.text", assurance.Text);
                Rich(path, ".assurance.text", assurance.Text);
                if (assurance.Presentation == AssurancePresentation.Summarised)
                {
                    Required(path, ".assurance.summary", assurance.Summary);
                }

                Rich(path, ".assurance.summary", assurance.Summary);
                Provenance(path, assurance.Provenance);
            }

            Rich(path, ".commentary", response.Commentary);
            Rich(path, ".reason", response.Reason);
        }

        private string? RefProblem(int index, string reference, Answers answers)
        {
            if (answers.Targets[index] is not { } target)
            {
                return NotInReport(reference);
            }

            var twice = answers.First[target];
            if (twice < index)
            {
                return $"{reference.Trim()} is answered more than once (also responses[{twice}])";
            }

            var whole = target.SubItem is null ? -1 : answers.Whole.GetValueOrDefault(target.Recommendation, -1);
            return whole >= 0
                ? $"recommendation {RecommendationRefs.Of(target.Recommendation)} is answered as a whole in responses[{whole}], so {reference.Trim()} cannot also be answered on its own"
                : null;
        }

        private string NotInReport(string reference)
        {
            var key = RecommendationRefs.Key(reference);
            return refs.Parent(key) is { } parent
                ? $"recommendation {RecommendationRefs.Of(parent)} has no sub-item {key[RecommendationRefs.Key(RecommendationRefs.Of(parent)).Length..]}"
                : $"the report has no recommendation {reference.Trim()}";
        }

        private void Provenance(FieldPath response, Provenance? provenance)
        {
            const string Field = ".assurance.provenance";
            if (provenance is null)
            {
                Missing(response.With(Field));
                return;
            }

            Required(response, Field + ".suppliedBy", provenance.SuppliedBy);
            if (provenance.Sha256 is { } sha256 && !Sha256().IsMatch(sha256))
            {
                Problems.Add(new(response.With(Field + ".sha256"), "must be a SHA-256 digest: 64 lower-case hexadecimal characters"));
            }
        }

        private void Appendix(FieldPath path, Appendix? appendix)
        {
            if (appendix is null)
            {
                Missing(path);
                return;
            }

            Required(path, ".title", appendix.Title);
            Rich(path, ".body", appendix.Body);
            var listed = appendix.Recommendations ?? [];
            for (var j = 0; j < listed.Count; j++)
            {
                AppendixEntry(path, j, listed[j]);
            }

            Repeats(listed, number => number, (j, first) =>
                new($"{path}.recommendations[{j}]", $"recommendation {listed[j]} is listed more than once (also {path}.recommendations[{first}])"));
        }

        private void AppendixEntry(FieldPath appendix, int index, string? number)
        {
            if (string.IsNullOrWhiteSpace(number))
            {
                Problems.Add(new($"{appendix}.recommendations[{index}]", "must not be empty"));
                return;
            }

            var problem = refs.Resolve(number) switch
            {
                null => NotInReport(number),
                { SubItem: not null } target => $"list whole recommendations: {number.Trim()} is a sub-item of recommendation {RecommendationRefs.Of(target.Recommendation)}",
                _ => null,
            };
            if (problem is not null)
            {
                Problems.Add(new($"{appendix}.recommendations[{index}]", problem));
            }
        }

        private void Image(string path, ImageAsset? image)
        {
            if (image is null)
            {
                return;
            }

            Required(path, ".altText", image.AltText);
            var data = image.Data ?? [];
            var actual = ImageType(data);
            var declared = image.ContentType?.Trim().ToLowerInvariant();
            if (declared is not ("image/png" or "image/jpeg"))
            {
                Problems.Add(new($"{path}.contentType", "must be image/png or image/jpeg"));
            }
            else if (actual is not null && actual != declared)
            {
                Problems.Add(new($"{path}.contentType", $"says {declared} but the data is a {(actual == "image/png" ? "PNG" : "JPEG")} image"));
            }

            if (data.Length == 0)
            {
                Problems.Add(new($"{path}.data", "must not be empty"));
            }
            else if (actual is null)
            {
                Problems.Add(new($"{path}.data", "is not a PNG or JPEG image"));
            }

            if (data.Length > MaxImageBytes)
            {
                Problems.Add(new($"{path}.data", string.Create(CultureInfo.InvariantCulture, $"is {data.Length / 1048576.0:0.0} MB; an image may be at most 5 MB")));
            }
        }

        // A character XML cannot hold is already reported, once, by the check of every string.
        private void Rich(string path, string? source) => Rich(path, string.Empty, source);

        private void Rich(FieldPath path, string member, string? source)
        {
            if (string.IsNullOrWhiteSpace(source) || FirstUnstorable(source) is not null)
            {
                return;
            }

            foreach (var problem in markup.Parse(source).Problems)
            {
                Problems.Add(new(path.With(member), $"line {problem.Line}: {problem.Message}"));
            }
        }

        private void Required(string path, string? value) => Required(path, string.Empty, value);

        private void Required(FieldPath path, string member, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Problems.Add(new(path.With(member), "must not be empty"));
            }
        }

        private void Lines(string path, IReadOnlyList<string?>? lines) => Lines(lines, path, string.Empty);

        private void Lines(IReadOnlyList<string?>? lines, FieldPath path, string member)
        {
            for (var i = 0; i < (lines?.Count ?? 0); i++)
            {
                if (string.IsNullOrWhiteSpace(lines![i]))
                {
                    Problems.Add(new($"{path.With(member)}[{i}]", "must not be empty"));
                }
            }
        }

        private void Missing(FieldPath path) => Problems.Add(new(path.ToString(), "is required"));

        private void Repeats<T>(IReadOnlyList<T> items, Func<T, string?> reference, Func<int, int, LetterProblem> problem)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var index = 0; index < items.Count; index++)
            {
                var key = RecommendationRefs.Key(reference(items[index]));
                if (key.Length > 0 && !first.TryAdd(key, index))
                {
                    Problems.Add(problem(index, first[key]));
                }
            }
        }

        // Every string anywhere in the letter ends up in the document or its metadata, so all are checked,
        // including fields added to the model later.
        private void Unstorable(object? value, StringBuilder path)
        {
            switch (value)
            {
                case null or byte[]:
                    return;
                case string text:
                    if (FirstUnstorable(text) is { } codePoint)
                    {
                        Problems.Add(new(path.ToString(), $"character U+{codePoint.ToString("X4", CultureInfo.InvariantCulture)} cannot be stored in a Word document"));
                    }

                    return;
                case IEnumerable items:
                    var index = 0;
                    var end = path.Length;
                    foreach (var item in items)
                    {
                        Unstorable(item, path.Append('[').Append(index++).Append(']'));
                        path.Length = end;
                    }

                    return;
                default:
                    foreach (var (property, name) in Members.GetOrAdd(value.GetType(), MembersOf))
                    {
                        var start = path.Length;
                        Unstorable(property.GetValue(value), (start == 0 ? path : path.Append('.')).Append(name));
                        path.Length = start;
                    }

                    return;
            }
        }
    }

    /// <summary>The properties of one of the letter's own types that can hold a string, with their JSON names.</summary>
    private static (PropertyInfo, string)[] MembersOf(Type type) =>
        type.Assembly != typeof(Letter).Assembly || type.IsEnum
            ? []
            : [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && !(p.PropertyType.IsValueType && (p.PropertyType.Assembly != typeof(Letter).Assembly || p.PropertyType.IsEnum)))
                .Select(p => (p, JsonNamingPolicy.CamelCase.ConvertName(p.Name)))];

    /// <summary>
    /// A field's JSON path, kept as its parts ("responses" and 2) and written out ("responses[2].ref") only when a
    /// problem is reported there.
    /// </summary>
    private readonly record struct FieldPath(string Name, int? Index = null)
    {
        public static implicit operator FieldPath(string name) => new(name);

        public string With(string member) =>
            Index is { } index ? string.Create(CultureInfo.InvariantCulture, $"{Name}[{index}]{member}") : Name + member;

        public override string ToString() => With(string.Empty);
    }

    private static bool HasBlank(IReadOnlyList<string?>? lines) => lines is not null && lines.Any(string.IsNullOrWhiteSpace);

    private static string? ImageType(byte[] data) =>
        data.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : data.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;

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
