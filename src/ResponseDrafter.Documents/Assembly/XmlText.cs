using System.Text;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>Escaping for XML written as text.</summary>
internal static class XmlText
{
    public const string Declaration = """<?xml version="1.0" encoding="utf-8" standalone="yes"?>""";

    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Appends <paramref name="text"/> escaped for element content or a double-quoted attribute value.</summary>
    public static StringBuilder AppendEscaped(this StringBuilder xml, ReadOnlySpan<char> text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var entity = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => null,
            };
            if (entity is not null)
            {
                xml.Append(text[start..i]).Append(entity);
                start = i + 1;
            }
        }

        return xml.Append(text[start..]);
    }

    public static string Escaped(string text) =>
        text.AsSpan().IndexOfAny("&<>\"") < 0 ? text : new StringBuilder(text.Length + 16).AppendEscaped(text).ToString();
}
