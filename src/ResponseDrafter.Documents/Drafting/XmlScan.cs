using System.Net;
using System.Text;
using System.Xml;

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
    /// <exception cref="XmlException">The tag is not closed.</exception>
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

        throw new XmlException($"The tag at offset {start} is not closed.");
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
            var open = equals + 1;
            while (open < tagEnd && char.IsWhiteSpace(xml[open]))
            {
                open++;
            }

            var close = open < tagEnd && xml[open] is '"' or '\'' ? xml.IndexOf(xml[open], open + 1, tagEnd - open - 1) : -1;
            if (close < 0)
            {
                throw new XmlException($"The value of attribute {name} in the tag at offset {start} is not quoted.");
            }

            attributes[name] = Decode(xml.AsSpan(open + 1, close - open - 1));
            i = close + 1;
        }

        return attributes;
    }

    /// <summary>Where the value of attribute <paramref name="name"/> (as written) lies, undecoded, in the start tag between <paramref name="start"/> and <paramref name="tagEnd"/>.</summary>
    public static (int Start, int Length)? AttributeValue(string xml, int start, int tagEnd, string name)
    {
        var i = start + 1;
        while (i < tagEnd)
        {
            var equals = xml.IndexOf('=', i, tagEnd - i);
            if (equals < 0)
            {
                return null;
            }

            var open = equals + 1;
            while (open < tagEnd && char.IsWhiteSpace(xml[open]))
            {
                open++;
            }

            var close = open < tagEnd && xml[open] is '"' or '\'' ? xml.IndexOf(xml[open], open + 1, tagEnd - open - 1) : -1;
            if (close < 0)
            {
                throw new XmlException($"An attribute value in the tag at offset {start} is not quoted.");
            }

            var before = xml.AsSpan(i, equals - i).Trim();
            if (before.EndsWith(name) && (before.Length == name.Length || char.IsWhiteSpace(before[^(name.Length + 1)])))
            {
                return (open + 1, close - open - 1);
            }

            i = close + 1;
        }

        return null;
    }

    /// <summary>Where the element whose start tag is at <paramref name="start"/> ends (just past its end tag).</summary>
    /// <exception cref="XmlException">The element has no end tag.</exception>
    public static int ElementEnd(string xml, int start, string name, int tagEnd)
    {
        if (xml[tagEnd - 2] == '/')
        {
            return tagEnd;
        }

        // Elements of the same name do not nest in the parts drafting reads (footnotes, numbering, styles, paragraphs).
        var close = xml.IndexOf("</" + name + ">", tagEnd, StringComparison.Ordinal);
        return close < 0
            ? throw new XmlException($"The element <{name}> at offset {start} has no end tag.")
            : close + name.Length + 3;
    }

    /// <summary>The part's root element: where its start tag begins and ends, its name as written, and whether it is self-closed.</summary>
    /// <exception cref="XmlException">The text has no root element.</exception>
    public static RootTag Root(string xml)
    {
        var at = 0;
        while ((at = xml.IndexOf('<', at)) >= 0 && at + 1 < xml.Length && xml[at + 1] is '?' or '!')
        {
            at = xml[at + 1] == '!' && xml.AsSpan(at).StartsWith("<!--")
                ? xml.IndexOf("-->", at + 4, StringComparison.Ordinal) is var comment and >= 0 ? comment + 3 : -1
                : xml.IndexOf('>', at) is var close and >= 0 ? close + 1 : -1;
            if (at < 0)
            {
                break;
            }
        }

        if (at < 0 || at + 1 >= xml.Length)
        {
            throw new XmlException("The part has no root element.");
        }

        var nameEnd = at + 1;
        while (nameEnd < xml.Length && !char.IsWhiteSpace(xml[nameEnd]) && xml[nameEnd] is not ('/' or '>'))
        {
            nameEnd++;
        }

        var tagEnd = TagEnd(xml, at);
        return new RootTag(at, tagEnd, xml[(at + 1)..nameEnd], xml[tagEnd - 2] == '/');
    }

    /// <summary>The index just past the start tag of the part's root element.</summary>
    /// <exception cref="XmlException">The part has no root element, or its root is self-closed and so has no content to start.</exception>
    public static int RootContentStart(string xml) =>
        Root(xml) is { SelfClosed: false } tag ? tag.TagEnd : throw new XmlException("The part's root element is self-closed: it has no content.");

    /// <summary>
    /// The text with <paramref name="insert"/> placed last inside the root element, which must be named
    /// <paramref name="root"/> ("w:numbering"): a self-closed root is opened, and when the part writes the root under
    /// another prefix, the prefix <paramref name="insert"/> uses is declared on it.
    /// </summary>
    /// <exception cref="XmlException">The part's root is another element, or its end tag is missing.</exception>
    public static string InsertBeforeEnd(string xml, string root, string insert)
    {
        var tag = Root(xml);
        var (prefix, local) = Split(root);
        var (actualPrefix, actualLocal) = Split(tag.Name);
        if (actualLocal != local)
        {
            throw new XmlException($"The part's root element is <{tag.Name}>, not <{root}>.");
        }

        var declaration = actualPrefix == prefix ? string.Empty : Declaration(xml, tag, prefix, actualPrefix);
        var text = new StringBuilder(xml.Length + declaration.Length + insert.Length + tag.Name.Length + 3);
        if (tag.SelfClosed)
        {
            return text.Append(xml, 0, tag.TagEnd - 2).Append(declaration).Append('>').Append(insert)
                .Append("</").Append(tag.Name).Append('>').Append(xml, tag.TagEnd, xml.Length - tag.TagEnd).ToString();
        }

        var end = RootEnd(xml, tag);
        var opened = tag.TagEnd - 1;
        return text.Append(xml, 0, opened).Append(declaration).Append(xml, opened, end - opened).Append(insert).Append(xml, end, xml.Length - end).ToString();
    }

    /// <summary>The part's text with nothing inside its root element (an empty part of the same kind, declarations kept).</summary>
    public static string Emptied(string xml)
    {
        var tag = Root(xml);
        return tag.SelfClosed ? xml : string.Concat(xml.AsSpan(0, tag.TagEnd), "</" + tag.Name + ">");
    }

    /// <summary>Where the root's end tag starts: the last tag of the text once trailing comments, processing instructions and white space are set aside.</summary>
    private static int RootEnd(string xml, RootTag tag)
    {
        var end = xml.Length;
        while (true)
        {
            while (end > tag.TagEnd && char.IsWhiteSpace(xml[end - 1]))
            {
                end--;
            }

            var span = xml.AsSpan(tag.TagEnd, end - tag.TagEnd);
            var misc = span.EndsWith("-->") ? span.LastIndexOf("<!--") : span.EndsWith("?>") ? span.LastIndexOf("<?") : -1;
            if (misc < 0)
            {
                break;
            }

            end = tag.TagEnd + misc;
        }

        var close = end > tag.TagEnd && xml[end - 1] == '>' ? xml.LastIndexOf("</", end - 1, end - tag.TagEnd, StringComparison.Ordinal) : -1;
        if (close < 0 || !xml.AsSpan(close + 2, end - close - 3).TrimEnd().SequenceEqual(tag.Name))
        {
            throw new XmlException($"The part's root element <{tag.Name}> has no end tag.");
        }

        return close;
    }

    /// <summary>" xmlns:p=…" declaring <paramref name="prefix"/> as the namespace the root's own prefix stands for, unless it is declared.</summary>
    private static string Declaration(string xml, RootTag tag, string prefix, string actualPrefix)
    {
        var attributes = Attributes(xml, tag.Start, tag.TagEnd);
        var wanted = prefix.Length == 0 ? "xmlns" : "xmlns:" + prefix;
        var uri = attributes.GetValueOrDefault(actualPrefix.Length == 0 ? "xmlns" : "xmlns:" + actualPrefix)
            ?? throw new XmlException($"The part's root element <{tag.Name}> does not declare its namespace.");
        if (attributes.TryGetValue(wanted, out var declared))
        {
            return declared == uri ? string.Empty : throw new XmlException($"The part's root element <{tag.Name}> binds {wanted} to another namespace.");
        }

        return " " + wanted + "=\"" + System.Security.SecurityElement.Escape(uri) + "\"";
    }

    private static (string Prefix, string Local) Split(string name) =>
        name.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? (name[..colon], name[(colon + 1)..]) : (string.Empty, name);

    public static string Decode(ReadOnlySpan<char> text) => text.Contains('&') ? WebUtility.HtmlDecode(text.ToString()) : text.ToString();
}

/// <summary>A part's root start tag: Start..TagEnd, its name as written ("w:numbering"), and whether it ends "/&gt;".</summary>
internal readonly record struct RootTag(int Start, int TagEnd, string Name, bool SelfClosed);
