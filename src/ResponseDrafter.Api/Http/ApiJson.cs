using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using ResponseDrafter.Documents.Json;

namespace ResponseDrafter.Api.Http;

/// <summary>
/// The API's JSON conventions (camelCase, enums as kebab-case strings), shared by requests, responses and JSON columns.
/// Request bodies are read strictly (<see cref="Requests"/>): an unknown or repeated property, or a missing required one,
/// is refused rather than ignored or read as empty.
/// </summary>
public static class ApiJson
{
    /// <summary>Responses, JSON columns and stored payloads: lenient on reading, so that a row written by an older version still reads.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Request bodies: the options minimal APIs bind with, for the handlers that read a body themselves.</summary>
    public static JsonSerializerOptions Requests { get; } = Strict(Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    }));

    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => Strict(Configure(o.SerializerOptions)));

    /// <summary>Keeps JSON bodies readable a second time, so that a refused body can be described field by field.</summary>
    public static IApplicationBuilder UseApiJson(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.HasJsonContentType())
        {
            context.Request.EnableBuffering();
        }

        return next(context);
    });

    /// <summary>
    /// A body read with <see cref="Requests"/>; when it cannot be, the fields to name (every unknown, repeated, missing or
    /// mistyped property, or "body" when there is none).
    /// </summary>
    public static async Task<(T? Value, IDictionary<string, string[]>? Errors)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        request.EnableBuffering();
        try
        {
            var value = await request.ReadFromJsonAsync<T>(Requests, cancellationToken);
            return value is null ? (null, BodyRequired()) : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, await DescribeAsync(request, typeof(T), Requests, cancellationToken) ?? Problems.ForJson(exception));
        }
    }

    /// <summary>What is wrong with the JSON body of a request the endpoint could not bind; null when the body is not JSON or looks right.</summary>
    internal static async Task<IDictionary<string, string[]>?> DescribeBodyAsync(HttpContext context)
    {
        // The exception handler has cleared the endpoint from the context by now; its feature keeps it.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        var type = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (type is null || !context.Request.HasJsonContentType() || !context.Request.Body.CanSeek)
        {
            return null;
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return await DescribeAsync(context.Request, type, options, context.RequestAborted);
    }

    private static async Task<IDictionary<string, string[]>?> DescribeAsync(HttpRequest request, Type type, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        if (!request.Body.CanSeek)
        {
            return null;
        }

        request.Body.Position = 0;
        JsonDocument document;
        try
        {
            // The body is already within its size limit (RequestLimits); the options' depth limit applies as the serializer's did.
            document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = options.EffectiveMaxDepth() }, cancellationToken);
        }
        catch (JsonException)
        {
            return request.Body.Length == 0 ? BodyRequired() : null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return BodyRequired();
            }

            IReadOnlyList<JsonShapeProblem> problems;
            try
            {
                problems = JsonShape.Check(document.RootElement, type, options);
            }
            catch (InvalidOperationException)
            {
                // A property name or string that is not valid UTF-8 cannot be read as text: the caller names the body instead.
                return null;
            }

            return problems.Count == 0
                ? null
                : problems.GroupBy(p => p.Path.Length == 0 ? "body" : p.Path, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(p => Sentence(p.Message)).ToArray(), StringComparer.Ordinal);
        }
    }

    private static Dictionary<string, string[]> BodyRequired() => new()
    {
        ["body"] = ["Is required: send a JSON object."],
    };

    private static string Sentence(string message) => string.Concat(message[..1].ToUpperInvariant(), message[1..], message.EndsWith('?') ? string.Empty : ".");

    private static int EffectiveMaxDepth(this JsonSerializerOptions options) => options.MaxDepth == 0 ? 64 : options.MaxDepth;

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

    private static JsonSerializerOptions Strict(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequireNonNullableParameters);
        return options;
    }

    /// <summary>
    /// An input record's parameter declared without <c>?</c> and without a default must be present and not null; a nullable
    /// one stays optional, so that a field the handler checks itself keeps its own wording, unless the record is
    /// <see cref="ReplacedWholeAttribute"/>, where it must be present and may be null. (The serializer's
    /// RespectRequiredConstructorParameters would make every parameter required, and RespectNullableAnnotations would also
    /// check responses as they are written.)
    /// </summary>
    private static void RequireNonNullableParameters(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var nullability = new NullabilityInfoContext();
        var whole = info.Type.IsDefined(typeof(ReplacedWholeAttribute), inherit: false);
        var required = new List<JsonPropertyInfo>();
        foreach (var property in info.Properties)
        {
            if (property.AssociatedParameter is not { HasDefaultValue: false, AttributeProvider: ParameterInfo parameter })
            {
                continue;
            }

            if (IsNonNullable(nullability, parameter))
            {
                property.IsRequired = true;
                property.IsSetNullable = false;
                required.Add(property);
            }
            else if (whole)
            {
                property.IsRequired = true;
            }
        }

        if (required.Count > 0 && !info.Type.IsValueType)
        {
            // The serializer checks presence; without RespectNullableAnnotations it lets an explicit null through.
            var previous = info.OnDeserialized;
            info.OnDeserialized = value =>
            {
                previous?.Invoke(value);
                if (required.FirstOrDefault(p => p.Get?.Invoke(value) is null) is { } missing)
                {
                    throw new JsonException($"'{missing.Name}' must not be null.");
                }
            };
        }
    }

    private static bool IsNonNullable(NullabilityInfoContext nullability, ParameterInfo parameter) =>
        parameter.ParameterType.IsValueType
            ? Nullable.GetUnderlyingType(parameter.ParameterType) is null
            : nullability.Create(parameter).WriteState == NullabilityState.NotNull;
}
