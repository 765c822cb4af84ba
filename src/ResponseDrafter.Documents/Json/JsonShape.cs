using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ResponseDrafter.Documents.Json;

/// <summary>Something wrong with a JSON document, named by its path ("responses[2].status"; empty for the whole document).</summary>
public sealed record JsonShapeProblem(string Path, string Message);

/// <summary>
/// Checks a JSON document against the contract the serializer will read it with (the type's <see cref="JsonTypeInfo"/> under
/// the given options), so that every unknown, repeated, missing or mistyped property is reported at once in plain words,
/// rather than the serializer's first failure only, worded for .NET developers. Used by the CLI's letter requests and by the
/// API's request bodies alike.
/// </summary>
public static class JsonShape
{
    public static IReadOnlyList<JsonShapeProblem> Check(JsonElement value, Type type, JsonSerializerOptions options)
    {
        var problems = new List<JsonShapeProblem>();
        CheckValue(value, type, string.Empty, nullable: false, options, problems);
        return problems;
    }

    /// <summary>The closest allowed name to a misspelt one, or, when nothing is close, the only required name the object left out.</summary>
    public static string Unknown(string name, IReadOnlyList<string> known, IReadOnlyList<string> missing)
    {
        var closest = known
            .Select(k => (Name: k, Distance: Distance(name.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(k => k.Distance <= Math.Max(1, name.Length / 4))
            .OrderBy(k => k.Distance)
            .Select(k => k.Name)
            .FirstOrDefault() ?? (missing.Count == 1 ? missing[0] : null);
        return closest is null
            ? $"unknown property '{name}'; allowed here: {string.Join(", ", known)}"
            : $"unknown property '{name}'; did you mean '{closest}'?";
    }

    private static void CheckValue(JsonElement value, Type type, string path, bool nullable, JsonSerializerOptions options, List<JsonShapeProblem> problems)
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

        var info = options.GetTypeInfo(expected);
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
                    CheckValue(item, info.ElementType!, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), nullable: false, options, problems);
                }

                return;
            case JsonTypeInfoKind.Object:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new(path, "expected an object { … }"));
                    return;
                }

                CheckObject(value, info, path, options, problems);
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

    private static void CheckObject(JsonElement value, JsonTypeInfo info, string path, JsonSerializerOptions options, List<JsonShapeProblem> problems)
    {
        var names = options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var known = info.Properties.Select(p => p.Name).ToList();
        var present = value.EnumerateObject().Select(m => m.Name).ToHashSet(names);
        var missing = info.Properties.Where(p => p.IsRequired && !present.Contains(p.Name)).Select(p => p.Name).ToList();
        var seen = new HashSet<string>(names);
        foreach (var member in value.EnumerateObject())
        {
            if (!seen.Add(member.Name))
            {
                problems.Add(new(Join(path, member.Name), "appears more than once"));
            }
            else if (!known.Contains(member.Name, names))
            {
                problems.Add(new(Join(path, member.Name), Unknown(member.Name, known, missing)));
            }
        }

        foreach (var property in info.Properties)
        {
            var member = value.EnumerateObject().FirstOrDefault(m => names.Equals(m.Name, property.Name));
            if (member.Value.ValueKind != JsonValueKind.Undefined)
            {
                CheckValue(member.Value, property.PropertyType, Join(path, property.Name), property.IsSetNullable, options, problems);
            }
            else if (property.IsRequired)
            {
                problems.Add(new(Join(path, property.Name), Required(property, options)));
            }
        }
    }

    /// <summary>A property that must be sent even though it may hold nothing says how to send nothing.</summary>
    private static string Required(JsonPropertyInfo property, JsonSerializerOptions options) =>
        !property.IsSetNullable ? "is required"
        : options.GetTypeInfo(property.PropertyType).Kind == JsonTypeInfoKind.Enumerable ? "is required: send [] if there are none"
        : "is required: send null if there is none";

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
