using System.Net;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>
/// Reading and splicing a part's XML as text. Drafting edits stored documents in place, so it never
/// re-serialises a part: it finds elements by their start tags and cuts or inserts text.
/// </summary>
internal static class XmlScan
{
    /// <summary>The attributes of every element named <paramref name="name"/> (as written, prefix included).</summary>
    public static IEnumerable<Dictionary<string, string>> Elements(string xml, string name)
    {
        var open = "<" + name;
        for (var at = xml.IndexOf(open, StringComparison.Ordinal); at >= 0; at = xml.IndexOf(open, at + 1, StringComparison.Ordinal))
        {
            var after = at + open.Length;
            if (after < xml.Length && xml[after] is ' ' or '/' or '>' or '\t' or '\r' or '\n')
            {
                yield return Attributes(xml, at, TagEnd(xml, at));
            }
        }
    }

    /// <summary>The element named <paramref name="name"/> whose attribute <paramref name="attribute"/> is <paramref name="value"/>: its start and end.</summary>
    public static (int Start, int End)? Find(string xml, string name, string attribute, string value)
    {
        var open = "<" + name;
        for (var at = xml.IndexOf(open, StringComparison.Ordinal); at >= 0; at = xml.IndexOf(open, at + 1, StringComparison.Ordinal))
        {
            var after = at + open.Length;
            if (after >= xml.Length || xml[after] is not (' ' or '/' or '>'))
            {
                continue;
            }

            var tagEnd = TagEnd(xml, at);
            if (Attributes(xml, at, tagEnd).GetValueOrDefault(attribute) == value)
            {
                return (at, ElementEnd(xml, at, name, tagEnd));
            }
        }

        return null;
    }

    /// <summary>Every element named <paramref name="name"/>: its start and end.</summary>
    public static IEnumerable<(int Start, int End)> All(string xml, string name)
    {
        var open = "<" + name;
        for (var at = xml.IndexOf(open, StringComparison.Ordinal); at >= 0; at = xml.IndexOf(open, at + 1, StringComparison.Ordinal))
        {
            var after = at + open.Length;
            if (after < xml.Length && xml[after] is ' ' or '/' or '>')
            {
                var end = ElementEnd(xml, at, name, TagEnd(xml, at));
                yield return (at, end);
                at = end - 1;
            }
        }
    }

    /// <summary>The index just past the '>' of the tag starting at <paramref name="start"/>, skipping quoted values.</summary>
    public static int TagEnd(string xml, int start)
    {
        char quote = default;
        for (var i = start + 1; i < xml.Length; i++)
        {
            var c = xml[i];
            if (quote != default)
            {
                quote = c == quote ? default : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return xml.Length;
    }

    /// <summary>The attributes of the start tag between <paramref name="start"/> and <paramref name="tagEnd"/>.</summary>
    public static Dictionary<string, string> Attributes(string xml, int start, int tagEnd)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = start + 1;
        while (i < tagEnd && !char.IsWhiteSpace(xml[i]) && xml[i] is not ('/' or '>'))
        {
            i++;
        }

        while (i < tagEnd)
        {
            var equals = xml.IndexOf('=', i, tagEnd - i);
            if (equals < 0)
            {
                break;
            }

            var name = xml.AsSpan(i, equals - i).Trim().ToString();
            var quote = xml[equals + 1];
            var close = xml.IndexOf(quote, equals + 2);
            attributes[name] = Decode(xml.AsSpan(equals + 2, close - equals - 2));
            i = close + 1;
        }

        return attributes;
    }

    /// <summary>Where the element whose start tag is at <paramref name="start"/> ends (just past its end tag).</summary>
    public static int ElementEnd(string xml, int start, string name, int tagEnd)
    {
        if (xml[tagEnd - 2] == '/')
        {
            return tagEnd;
        }

        // Elements of the same name do not nest in the parts drafting reads (footnotes, numbering, styles, paragraphs).
        var close = xml.IndexOf("</" + name + ">", tagEnd, StringComparison.Ordinal);
        return close < 0 ? xml.Length : close + name.Length + 3;
    }

    /// <summary>The index just past the start tag of the part's root element.</summary>
    public static int RootContentStart(string xml)
    {
        var at = 0;
        while ((at = xml.IndexOf('<', at)) >= 0 && xml[at + 1] is '?' or '!')
        {
            at++;
        }

        return at < 0 ? 0 : TagEnd(xml, at);
    }

    /// <summary>The text with <paramref name="insert"/> placed before the root's end tag, "&lt;/<paramref name="root"/>&gt;".</summary>
    public static string InsertBeforeEnd(string xml, string root, string insert)
    {
        var end = xml.LastIndexOf("</" + root + ">", StringComparison.Ordinal);
        return string.Concat(xml.AsSpan(0, end), insert, xml.AsSpan(end));
    }

    public static string Decode(ReadOnlySpan<char> text) => text.Contains('&') ? WebUtility.HtmlDecode(text.ToString()) : text.ToString();
}
