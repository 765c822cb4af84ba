using System.Globalization;
using System.Text;
using System.Xml;

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
    private readonly ListDefinitions lists;

    private ListNumbers(ListDefinitions lists) => this.lists = lists;

    /// <summary>Counting that starts afresh, over the document's list definitions.</summary>
    public static ListNumbers Of(ListDefinitions lists) => new(lists);

    public ListPlace? Next(int numberingId, int level)
    {
        level = Math.Clamp(level, 0, Levels - 1);
        if (!lists.Instances.TryGetValue(numberingId, out var instance)
            || !lists.Definitions.TryGetValue(instance.AbstractId ?? -1, out var definition))
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

    private static int Start(ListDefinitions.Instance instance, ListDefinitions.Definition definition, int level) =>
        (instance.StartOverrides.TryGetValue(level, out var overridden) ? overridden : null) ?? LevelOf(definition, level)?.Start ?? 1;

    private static ListDefinitions.Level? LevelOf(ListDefinitions.Definition definition, int level) =>
        definition.Levels.GetValueOrDefault(level);

    private static string Format(ListDefinitions.Definition definition, int level) =>
        LevelOf(definition, level)?.Format ?? "decimal";

    /// <summary>The level text ("%1.", "(%2)") with each placeholder replaced by its level's count in its format.</summary>
    private static string Label(ListDefinitions.Definition definition, ListDefinitions.Instance instance, int level, int?[] counts)
    {
        var template = LevelOf(definition, level)?.Text ?? $"%{level + 1}.";
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

/// <summary>
/// A numbering part's lists (word/numbering.xml), read once, streaming: each list instance (w:num) with its
/// definition and start overrides, each definition (w:abstractNum) with its levels' start, format and text. Where an
/// id or a level is given twice, the first counts.
/// </summary>
internal sealed class ListDefinitions
{
    private ListDefinitions()
    {
    }

    public static ListDefinitions None { get; } = new();

    public Dictionary<int, Instance> Instances { get; } = [];

    public Dictionary<int, Definition> Definitions { get; } = [];

    /// <exception cref="XmlException">The part is not well-formed, or has a DTD.</exception>
    public static ListDefinitions Read(Stream? part)
    {
        var lists = new ListDefinitions();
        if (part is null)
        {
            return lists;
        }

        using var reader = WordXml.Reader(part);
        Instance? instance = null;
        Definition? definition = null;
        Level? level = null;
        int? overrideLevel = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != WordXml.W)
            {
                continue;
            }

            switch (reader.Depth, reader.LocalName)
            {
                case (1, "num"):
                    (instance, definition) = (new Instance(), null);
                    lists.Instances.TryAdd(WordXml.Int(reader.GetAttribute("numId", WordXml.W)) ?? -1, instance);
                    break;
                case (1, "abstractNum"):
                    (instance, definition) = (null, new Definition());
                    lists.Definitions.TryAdd(WordXml.Int(reader.GetAttribute("abstractNumId", WordXml.W)) ?? -1, definition);
                    break;
                case (1, _):
                    (instance, definition) = (null, null);
                    break;
                case (2, "abstractNumId") when instance is not null:
                    instance.AbstractId ??= WordXml.Int(WordXml.Val(reader));
                    break;
                case (2, "lvlOverride") when instance is not null:
                    overrideLevel = WordXml.Int(reader.GetAttribute("ilvl", WordXml.W));
                    if (overrideLevel is { } overridden && !instance.StartOverrides.TryAdd(overridden, null))
                    {
                        overrideLevel = null;
                    }

                    break;
                case (3, "startOverride") when instance is not null && overrideLevel is { } at:
                    instance.StartOverrides[at] ??= WordXml.Int(WordXml.Val(reader));
                    break;
                case (2, "lvl") when definition is not null:
                    level = new Level();
                    if (WordXml.Int(reader.GetAttribute("ilvl", WordXml.W)) is { } index)
                    {
                        definition.Levels.TryAdd(index, level);
                    }

                    break;
                case (2, _):
                    (level, overrideLevel) = (null, null);
                    break;
                case (3, "start") when level is not null:
                    level.Start ??= WordXml.Int(WordXml.Val(reader));
                    break;
                case (3, "numFmt") when level is not null:
                    level.Format ??= WordXml.Val(reader);
                    break;
                case (3, "lvlText") when level is not null:
                    level.Text ??= WordXml.Val(reader);
                    break;
            }
        }

        return lists;
    }

    internal sealed class Instance
    {
        public int? AbstractId { get; set; }

        /// <summary>By level, the start override of the first w:lvlOverride for it (null when that one has none).</summary>
        public Dictionary<int, int?> StartOverrides { get; } = [];
    }

    internal sealed class Definition
    {
        public Dictionary<int, Level> Levels { get; } = [];
    }

    internal sealed class Level
    {
        public int? Start { get; set; }
        public string? Format { get; set; }
        public string? Text { get; set; }
    }
}
