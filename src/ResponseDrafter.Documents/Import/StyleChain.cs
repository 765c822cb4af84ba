using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Import;

/// <summary>Reads a formatting property from a paragraph or run, falling back through its style and the styles it is based on.</summary>
internal sealed class StyleChain
{
    private const int MaxDepth = 12;
    private readonly Dictionary<string, Style> byId = new(StringComparer.Ordinal);

    public StyleChain(Styles? styles)
    {
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                byId.TryAdd(id, style);
            }
        }
    }

    public bool? Bold(string? styleId) => Find(styleId, s => OnOff(s.StyleRunProperties?.Bold));

    public bool? Italic(string? styleId) => Find(styleId, s => OnOff(s.StyleRunProperties?.Italic));

    /// <summary>The list a paragraph belongs to, directly or through its style. Id 0 means "not in a list".</summary>
    public (int Id, int Level)? Numbering(ParagraphProperties? properties, string? styleId)
    {
        if (properties?.NumberingProperties is { NumberingId.Val.Value: var id } direct)
        {
            return (id, direct.NumberingLevelReference?.Val?.Value ?? 0);
        }

        return Find(styleId, s => s.StyleParagraphProperties?.NumberingProperties is { NumberingId.Val.Value: var styled } numbering
            ? (styled, numbering.NumberingLevelReference?.Val?.Value ?? 0)
            : ((int, int)?)null);
    }

    /// <summary>0 for a "Heading 1" paragraph, 1 for "Heading 2"; 9 or null for body text.</summary>
    public int? OutlineLevel(ParagraphProperties? properties, string? styleId) =>
        properties?.OutlineLevel?.Val?.Value
        ?? Find(styleId, s => s.StyleParagraphProperties?.OutlineLevel?.Val?.Value ?? NamedLevel(s));

    private static int? NamedLevel(Style style)
    {
        var name = (style.StyleName?.Val?.Value ?? style.StyleId?.Value ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (name.Equals("title", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        return name.StartsWith("heading", StringComparison.OrdinalIgnoreCase) && name.Length == 8 && name[7] is >= '1' and <= '9'
            ? name[7] - '1'
            : null;
    }

    private T? Find<T>(string? styleId, Func<Style, T?> read)
        where T : struct
    {
        for (var depth = 0; depth < MaxDepth && styleId is not null && byId.TryGetValue(styleId, out var style); depth++)
        {
            if (read(style) is { } value)
            {
                return value;
            }

            styleId = style.BasedOn?.Val?.Value;
        }

        return null;
    }

    public static bool? OnOff(OnOffType? value) => value is null ? null : value.Val is null || value.Val.Value;
}
