using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResponseDrafter.Api.Http;

/// <summary>The API's JSON conventions (camelCase, enums as kebab-case strings), shared by requests, responses and JSON columns.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));

    /// <summary>Parses one enum value written the way the API writes it ("summarised", "super-complaint").</summary>
    public static bool TryParseEnum<T>(string? value, out T result)
        where T : struct, Enum
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        try
        {
            result = JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value.Trim()), Options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static string NameOf<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value, Options).Trim('"');

    private static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        // Verbatim recommendation text keeps its apostrophes readable in stored JSON.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }
}
