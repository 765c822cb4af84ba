using System.Text.Json;

namespace ResponseDrafter.Documents.Letters;

public sealed record LetterParseResult(Letter? Letter, IReadOnlyList<LetterProblem> Problems);

/// <summary>The JSON letter request format (camelCase, enums as kebab-case strings, ISO dates).</summary>
public static class LetterJson
{
    public static JsonSerializerOptions Options => throw new NotImplementedException();

    public static LetterParseResult Parse(string json) => throw new NotImplementedException();
}
