using System.Globalization;
using System.Xml;

namespace ResponseDrafter.Api.Http;

/// <summary>Collects field → reasons for a validation problem; field names are the request's JSON paths.</summary>
public sealed class InputErrors
{
    public const int MaxLineLength = 2_000;

    private readonly Dictionary<string, List<string>> errors = [];

    public bool Any => errors.Count > 0;

    public void Add(string field, string reason)
    {
        if (!errors.TryGetValue(field, out var reasons))
        {
            errors[field] = reasons = [];
        }

        reasons.Add(reason);
    }

    /// <summary>A required single-line value: present, not blank, and printable in a Word document.</summary>
    public void Required(string field, string? value, int maxLength = MaxLineLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Is required.");
            return;
        }

        Text(field, value, maxLength);
    }

    /// <summary>An optional value: when present, within its length and free of characters XML cannot hold.</summary>
    public void Text(string field, string? value, int maxLength = 100_000)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"Is longer than {maxLength} characters.");
        }

        if (FirstNonXmlCharacter(value) is { } bad)
        {
            Add(field, $"Contains a character a Word document cannot hold (U+{bad:X4}).");
        }
    }

    public void Texts(string field, IReadOnlyList<string>? values, int maxLength = MaxLineLength)
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            Required($"{field}[{i}]", values![i], maxLength);
        }
    }

    public IDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public static string Index(string field, int index) => string.Create(CultureInfo.InvariantCulture, $"{field}[{index}]");

    private static int? FirstNonXmlCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (!XmlConvert.IsXmlChar(value[i]))
            {
                return value[i];
            }
        }

        return null;
    }
}
