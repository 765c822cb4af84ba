using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ResponseDrafter.Documents.Letters;

public sealed record LetterParseResult(Letter? Letter, IReadOnlyList<LetterProblem> Problems);

/// <summary>
/// The JSON letter request format (camelCase, enums as kebab-case strings, ISO dates), documented in
/// templates/request-format.md. Unknown properties are errors so that a misspelt field is not silently lost.
/// </summary>
public static class LetterJson
{
    private const int MaxDepth = 32;

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// Reads a letter request. Never throws: every unknown or missing property and every value of the wrong
    /// type comes back as a problem naming its JSON path ("responses[2].status").
    /// </summary>
    public static LetterParseResult Parse(string json)
    {
        JsonDocument document;
        try
        {
            // Editors on Windows often save a byte order mark, which is not JSON.
            document = JsonDocument.Parse((json ?? string.Empty).TrimStart('\uFEFF'), new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
                MaxDepth = MaxDepth,
            });
        }
        catch (JsonException e)
        {
            return Failed(new(string.Empty, NotJson(e)));
        }

        using (document)
        {
            var problems = new List<LetterProblem>();
            CheckValue(document.RootElement, typeof(Letter), string.Empty, nullable: false, problems);
            if (problems.Count > 0)
            {
                return new(null, problems);
            }

            try
            {
                return document.RootElement.Deserialize<Letter>(Options) is { } letter
                    ? new(letter, [])
                    : Failed(new(string.Empty, "The request is empty: expected a JSON object"));
            }
            catch (JsonException e)
            {
                return Failed(new(FieldOf(e.Path), "could not be read"));
            }
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            MaxDepth = MaxDepth,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    private static LetterParseResult Failed(LetterProblem problem) => new(null, [problem]);

    private static string NotJson(JsonException e) =>
        e.LineNumber is { } line && e.BytePositionInLine is { } column
            ? $"The request is not valid JSON (line {line + 1}, column {column + 1})"
            : "The request is not valid JSON";

    private static string FieldOf(string? jsonPath) =>
        jsonPath is null or "$" ? string.Empty : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    // The checks below mirror what the serializer will do, so that every problem is reported at once with a
    // plain message, rather than the first one only, worded for .NET developers.
    private static void CheckValue(JsonElement value, Type type, string path, bool nullable, List<LetterProblem> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!nullable)
            {
                problems.Add(new(path, "must not be null"));
            }

            return;
        }

        var expected = Nullable.GetUnderlyingType(type) ?? type;
        if (ScalarProblem(value, expected) is { } problem)
        {
            problems.Add(new(path, problem));
            return;
        }

        var info = Options.GetTypeInfo(expected);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add(new(path, "expected a list [ … ]"));
                    return;
                }

                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckValue(item, info.ElementType!, $"{path}[{index++}]", nullable: false, problems);
                }

                return;
            case JsonTypeInfoKind.Object:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new(path, "expected an object { … }"));
                    return;
                }

                CheckObject(value, info, path, problems);
                return;
            default:
                return;
        }
    }

    private static string? ScalarProblem(JsonElement value, Type expected)
    {
        if (expected == typeof(string))
        {
            return value.ValueKind == JsonValueKind.String ? null : "expected text in double quotes";
        }

        if (expected == typeof(DateOnly))
        {
            return value.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null
                : "expected a date like \"2021-07-19\"";
        }

        if (expected.IsEnum)
        {
            var names = Enum.GetNames(expected).Select(JsonNamingPolicy.KebabCaseLower.ConvertName).ToList();
            return value.ValueKind == JsonValueKind.String && names.Contains(value.GetString()!, StringComparer.Ordinal)
                ? null
                : $"expected one of: {string.Join(", ", names)}";
        }

        if (expected == typeof(byte[]))
        {
            return value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out _)
                ? null
                : "expected base64-encoded data";
        }

        return null;
    }

    private static void CheckObject(JsonElement value, JsonTypeInfo info, string path, List<LetterProblem> problems)
    {
        var known = info.Properties.Select(p => p.Name).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            if (!seen.Add(member.Name))
            {
                problems.Add(new(Join(path, member.Name), "appears more than once"));
            }
            else if (!known.Contains(member.Name, StringComparer.Ordinal))
            {
                problems.Add(new(Join(path, member.Name), Unknown(member.Name, known)));
            }
        }

        foreach (var property in info.Properties)
        {
            if (value.TryGetProperty(property.Name, out var member))
            {
                CheckValue(member, property.PropertyType, Join(path, property.Name), property.IsSetNullable, problems);
            }
            else if (IsRequired(property))
            {
                problems.Add(new(Join(path, property.Name), "is required"));
            }
        }
    }

    private static bool IsRequired(JsonPropertyInfo property) =>
        property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false };

    private static string Unknown(string name, List<string> known)
    {
        var closest = known
            .Select(k => (Name: k, Distance: Distance(name.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(k => k.Distance <= Math.Max(1, name.Length / 4))
            .OrderBy(k => k.Distance)
            .Select(k => k.Name)
            .FirstOrDefault();
        return closest is null
            ? $"unknown property '{name}'; allowed here: {string.Join(", ", known)}"
            : $"unknown property '{name}'; did you mean '{closest}'?";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
