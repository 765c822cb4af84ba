using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Import;

internal enum ListStyle
{
    Bullet,
    Decimal,
    Lettered,
}

/// <summary>Where a paragraph sits in a Word list: its level (0 = top), its style and the label Word shows ("b.", "3)", "•").</summary>
internal sealed record ListPlace(int Level, ListStyle Style, string Label, int Number);

/// <summary>
/// Works out the labels Word shows for numbered paragraphs, by counting as Word does: per list, per level, with
/// deeper levels restarting when a shallower one moves on. Start values and start overrides are honoured.
/// </summary>
internal sealed class ListNumbers
{
    private const int Levels = 9;
    private readonly Dictionary<int, int?[]> counters = [];
    private readonly Dictionary<int, NumberingInstance> instances = [];
    private readonly Dictionary<int, AbstractNum> definitions = [];

    private ListNumbers(Numbering? numbering)
    {
        foreach (var instance in numbering?.Elements<NumberingInstance>() ?? [])
        {
            instances.TryAdd(instance.NumberID?.Value ?? -1, instance);
        }

        foreach (var definition in numbering?.Elements<AbstractNum>() ?? [])
        {
            definitions.TryAdd(definition.AbstractNumberId?.Value ?? -1, definition);
        }
    }

    public static ListNumbers Of(MainDocumentPart main) => new(main.NumberingDefinitionsPart?.Numbering);

    public static ListNumbers Of(Numbering? numbering) => new(numbering);

    public ListPlace? Next(int numberingId, int level)
    {
        level = Math.Clamp(level, 0, Levels - 1);
        if (!instances.TryGetValue(numberingId, out var instance)
            || !definitions.TryGetValue(instance.AbstractNumId?.Val?.Value ?? -1, out var definition))
        {
            return null;
        }

        if (!counters.TryGetValue(numberingId, out var counts))
        {
            counters[numberingId] = counts = new int?[Levels];
        }

        counts[level] = counts[level] + 1 ?? Start(instance, definition, level);
        for (var deeper = level + 1; deeper < Levels; deeper++)
        {
            counts[deeper] = null;
        }

        var format = Format(definition, level);
        var style = format switch
        {
            "bullet" => ListStyle.Bullet,
            "decimal" or "decimalZero" => ListStyle.Decimal,
            _ => ListStyle.Lettered,
        };
        var label = style == ListStyle.Bullet ? "•" : Label(definition, instance, level, counts);
        return new ListPlace(level, style, label, counts[level]!.Value);
    }

    private static int Start(NumberingInstance instance, AbstractNum definition, int level)
    {
        var overridden = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level)?.StartOverrideNumberingValue?.Val?.Value;
        return overridden ?? LevelOf(definition, level)?.StartNumberingValue?.Val?.Value ?? 1;
    }

    private static Level? LevelOf(AbstractNum definition, int level) =>
        definition.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);

    private static string Format(AbstractNum definition, int level) =>
        LevelOf(definition, level)?.NumberingFormat?.Val?.InnerText ?? "decimal";

    /// <summary>The level text ("%1.", "(%2)") with each placeholder replaced by its level's count in its format.</summary>
    private static string Label(AbstractNum definition, NumberingInstance instance, int level, int?[] counts)
    {
        var template = LevelOf(definition, level)?.LevelText?.Val?.Value ?? $"%{level + 1}.";
        var label = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '%' && i + 1 < template.Length && template[i + 1] is >= '1' and <= '9')
            {
                var at = template[++i] - '1';
                label.Append(Formatted(counts[at] ?? Start(instance, definition, at), Format(definition, at)));
            }
            else
            {
                label.Append(template[i]);
            }
        }

        return label.ToString();
    }

    private static string Formatted(int n, string format) => format switch
    {
        "lowerLetter" => Letters(n),
        "upperLetter" => Letters(n).ToUpperInvariant(),
        "lowerRoman" => Roman(n).ToLowerInvariant(),
        "upperRoman" => Roman(n),
        "none" => string.Empty,
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>a … z, then aa … zz, as Word letters long lists.</summary>
    private static string Letters(int n) =>
        n < 1 ? n.ToString(CultureInfo.InvariantCulture) : new string((char)('a' + ((n - 1) % 26)), ((n - 1) / 26) + 1);

    private static string Roman(int n)
    {
        if (n is < 1 or > 3999)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }

        var roman = new StringBuilder();
        foreach (var (value, numeral) in (ReadOnlySpan<(int, string)>)[(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")])
        {
            for (; n >= value; n -= value)
            {
                roman.Append(numeral);
            }
        }

        return roman.ToString();
    }
}
