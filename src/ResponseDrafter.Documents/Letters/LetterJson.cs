using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ResponseDrafter.Documents.Json;

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
            // Every problem at once, in plain words, before the serializer would stop at the first.
            var problems = JsonShape.Check(document.RootElement, typeof(Letter), Options);
            if (problems.Count > 0)
            {
                return new(null, [.. problems.Select(p => new LetterProblem(p.Path, p.Message))]);
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
}
