using System.Xml;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>
/// Finds the tagged content controls of a part by scanning its text once, tag by tag, instead of running an XML
/// reader over it: the parts drafting reads are large and their regions are what matters. It keeps enough of XML's
/// syntax for parts Word saved or the server wrote: comments, CDATA sections and processing instructions are
/// skipped, a '&gt;' in a quoted value does not end a tag, prefixes are resolved through the namespace declarations
/// in scope, and each end tag must close the element open, so that text which is not well-formed fails rather than
/// yielding wrong offsets. A document type declaration is refused, as the reader it replaces refused it.
/// </summary>
internal sealed class RegionScanner(string xml)
{
    private static readonly System.Buffers.SearchValues<char> TagStops = System.Buffers.SearchValues.Create("<>\"'");
    private static readonly System.Buffers.SearchValues<char> NameStops = System.Buffers.SearchValues.Create(" \t\r\n/>");

    private readonly List<RegionSpan> top = [];
    private readonly Stack<Frame> open = new();

    // The element names open, as offsets into the text (name start, name length), innermost last.
    private readonly List<(int Start, int Length, bool Word)> elements = [];

    // Prefix bindings in scope, innermost last, with the depth of the element that declared each.
    private readonly List<(string Prefix, string Uri, int Depth)> bindings = [];

    // Each tag seen, split into tag and key.
    private readonly Dictionary<string, (string Tag, string? Key)> split = new(StringComparer.Ordinal);

    // Prefixes resolved, and whether each stands for the WordprocessingML namespace; cleared when bindings change.
    private readonly Dictionary<string, bool> prefixes = new(StringComparer.Ordinal);

    public IReadOnlyList<RegionSpan> Locate() => Prefix() is { } prefix ? Controls(prefix) : Tags();

    /// <summary>
    /// The one prefix the root binds to WordprocessingML, when a scan for its control tags alone is exact: nothing after
    /// the root's start tag declares a namespace, and no comment, CDATA section, processing instruction or declaration
    /// follows it (then a "&lt;w:sdt" can only be a tag, since '&lt;' stands for itself nowhere else). Word and the
    /// server write parts so; anything else is scanned tag by tag.
    /// </summary>
    private string? Prefix()
    {
        var root = xml.IndexOf('<');
        while (root >= 0 && root + 1 < xml.Length && xml[root + 1] == '?')
        {
            var end = xml.IndexOf("?>", root, StringComparison.Ordinal);
            root = end < 0 ? -1 : xml.IndexOf('<', end);
        }

        if (root < 0 || root + 1 >= xml.Length || xml[root + 1] is '!' or '/')
        {
            return null;
        }

        var tagEnd = TagEnd(root);
        var rest = xml.AsSpan(tagEnd);
        if (rest.Contains("<!", StringComparison.Ordinal) || rest.Contains("<?", StringComparison.Ordinal) || rest.Contains("xmlns", StringComparison.Ordinal))
        {
            return null;
        }

        string? prefix = null;
        foreach (var (name, value) in XmlScan.Attributes(xml, root, tagEnd))
        {
            if (value == PartRegions.W && (name == "xmlns" || name.StartsWith("xmlns:", StringComparison.Ordinal)))
            {
                if (prefix is not null || name == "xmlns")
                {
                    return null;
                }

                prefix = name[6..];
            }
        }

        return prefix;
    }

    /// <summary>Visits only the control tags ("&lt;w:sdt", "&lt;w:sdtPr", "&lt;w:sdtContent" and their end tags) of a part <see cref="Prefix"/> found plain.</summary>
    private List<RegionSpan> Controls(string prefix)
    {
        var name = prefix + ":sdt";
        for (var at = xml.IndexOf(name, StringComparison.Ordinal); at >= 0; at = xml.IndexOf(name, at + name.Length, StringComparison.Ordinal))
        {
            var end = xml[at - 1] == '/' && xml[at - 2] == '<';
            if (!end && xml[at - 1] != '<')
            {
                continue;
            }

            var start = end ? at - 2 : at - 1;
            var suffix = xml.AsSpan(at + name.Length, NameEnd(at) - at - name.Length);
            var frame = open.Count > 0 ? open.Peek() : null;
            if (end)
            {
                var tagEnd = TagEnd(start);
                if (suffix.IsEmpty)
                {
                    if (frame is null)
                    {
                        throw Malformed("A control's end tag has no control to close.", start);
                    }

                    Close(tagEnd);
                }
                else if (frame is null)
                {
                    continue;
                }
                else if (suffix.SequenceEqual("Content") && frame.ContentStart >= 0 && frame.ContentEnd < 0)
                {
                    frame.ContentEnd = start;
                }
                else if (suffix.SequenceEqual("Pr") && frame.InProperties)
                {
                    frame.InProperties = false;
                    frame.Tag ??= ControlTag(frame.PropertiesStart, start, prefix);
                }
            }
            else
            {
                var tagEnd = TagEnd(start);
                var empty = xml[tagEnd - 2] == '/';
                if (suffix.IsEmpty)
                {
                    if (!empty)
                    {
                        open.Push(new Frame(start, open.Count));
                    }
                }
                else if (frame is null || frame.ContentStart >= 0)
                {
                    continue;
                }
                else if (suffix.SequenceEqual("Pr") && !empty)
                {
                    frame.InProperties = true;
                    frame.PropertiesStart = tagEnd;
                }
                else if (suffix.SequenceEqual("Content"))
                {
                    frame.ContentStart = tagEnd;
                    frame.ContentEnd = empty ? tagEnd : -1;
                }
            }
        }

        if (open.Count > 0)
        {
            throw Malformed("A control is not closed.", open.Peek().Start);
        }

        return top;
    }

    /// <summary>The w:val of the first w:tag between the offsets (a control's properties).</summary>
    private string? ControlTag(int from, int to, string prefix)
    {
        var name = "<" + prefix + ":tag";
        for (var at = xml.IndexOf(name, from, to - from, StringComparison.Ordinal); at >= 0; at = xml.IndexOf(name, at + 1, to - at - 1, StringComparison.Ordinal))
        {
            if (xml[at + name.Length] is ' ' or '\t' or '\r' or '\n' or '/' or '>')
            {
                var value = XmlScan.AttributeValue(xml, at, TagEnd(at), prefix + ":val");
                return value is var (start, length) ? Intern(xml.AsSpan(start, length)) : null;
            }
        }

        return null;
    }

    private void Close(int end)
    {
        var frame = open.Pop();
        var into = open.Count > 0 ? open.Peek().Children : top;
        if (frame.Tag is null)
        {
            into.AddRange(frame.Children);
        }
        else
        {
            if (!split.TryGetValue(frame.Tag, out var parts))
            {
                split[frame.Tag] = parts = PartRegions.SplitTag(frame.Tag);
            }

            into.Add(frame.Close(end, parts.Tag, parts.Key));
        }
    }

    /// <summary>A tag's text, decoded, as one string however many controls carry it (a long letter repeats its tags by the thousand).</summary>
    private string Intern(ReadOnlySpan<char> raw)
    {
        if (raw.Contains('&'))
        {
            return XmlScan.Decode(raw);
        }

        var lookup = split.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(raw, out var known, out _))
        {
            return known;
        }

        var tag = raw.ToString();
        split[tag] = PartRegions.SplitTag(tag);
        return tag;
    }

    /// <summary>Visits every tag, resolving prefixes and checking that each end tag closes the element open.</summary>
    private List<RegionSpan> Tags()
    {
        var at = xml.IndexOf('<');
        while (at >= 0)
        {
            if (at + 1 >= xml.Length)
            {
                throw Malformed("The text ends inside a tag.", at);
            }

            var next = xml[at + 1];
            if (next == '!')
            {
                at = Skip(at);
            }
            else if (next == '?')
            {
                at = Past(at, "?>", "A processing instruction is not closed.");
            }
            else if (next == '/')
            {
                at = EndTag(at);
            }
            else
            {
                at = StartTag(at);
            }

            at = xml.IndexOf('<', at);
        }

        if (elements.Count > 0)
        {
            throw Malformed($"The element <{Name(elements[^1])}> is not closed.", xml.Length);
        }

        return top;
    }

    private int Skip(int at)
    {
        var rest = xml.AsSpan(at);
        if (rest.StartsWith("<!--"))
        {
            return Past(at + 4, "-->", "A comment is not closed.");
        }

        if (rest.StartsWith("<![CDATA["))
        {
            return Past(at + 9, "]]>", "A CDATA section is not closed.");
        }

        throw Malformed(rest.StartsWith("<!DOCTYPE") ? "A document type declaration is not allowed." : "Markup starting '<!' is not a comment or CDATA section.", at);
    }

    private int Past(int from, string end, string problem)
    {
        var found = xml.IndexOf(end, from, StringComparison.Ordinal);
        return found < 0 ? throw Malformed(problem, from) : found + end.Length;
    }

    private int StartTag(int at)
    {
        var nameEnd = NameEnd(at + 1);
        var tagEnd = TagEnd(at);
        var empty = xml[tagEnd - 2] == '/';
        var depth = elements.Count;
        if (xml.AsSpan(nameEnd, tagEnd - nameEnd).Contains("xmlns", StringComparison.Ordinal))
        {
            Declare(at, tagEnd, depth);
        }

        var word = IsWord(at + 1, nameEnd);
        if (!empty)
        {
            elements.Add((at + 1, nameEnd - at - 1, word));
        }

        if (word)
        {
            Element(xml.AsSpan(LocalStart(at + 1, nameEnd), nameEnd - LocalStart(at + 1, nameEnd)), at, tagEnd, depth, empty);
        }

        if (empty && bindings.Count > 0 && bindings[^1].Depth == depth)
        {
            Undeclare(depth);
        }

        return tagEnd;
    }

    private void Element(ReadOnlySpan<char> local, int at, int tagEnd, int depth, bool empty)
    {
        var frame = open.Count > 0 ? open.Peek() : null;
        if (local.SequenceEqual("sdt"))
        {
            if (!empty)
            {
                open.Push(new Frame(at, depth));
            }
        }
        else if (frame is null)
        {
            return;
        }
        else if (local.SequenceEqual("tag") && depth == frame.Depth + 2 && frame.InProperties)
        {
            frame.Tag ??= WordAttribute(at, tagEnd, "val");
        }
        else if (local.SequenceEqual("sdtPr") && depth == frame.Depth + 1)
        {
            frame.InProperties = !empty;
        }
        else if (local.SequenceEqual("sdtContent") && depth == frame.Depth + 1)
        {
            frame.ContentStart = tagEnd;
            if (empty)
            {
                frame.ContentEnd = tagEnd;
            }
        }
    }

    private int EndTag(int at)
    {
        var nameEnd = NameEnd(at + 2);
        var tagEnd = TagEnd(at);
        if (elements.Count == 0)
        {
            throw Malformed("An end tag has no element to close.", at);
        }

        var (start, length, word) = elements[^1];
        if (!xml.AsSpan(at + 2, nameEnd - at - 2).SequenceEqual(xml.AsSpan(start, length)))
        {
            throw Malformed($"The end tag </{xml[(at + 2)..nameEnd]}> does not close <{Name(elements[^1])}>.", at);
        }

        elements.RemoveAt(elements.Count - 1);
        var depth = elements.Count;
        if (word && open.Count > 0)
        {
            var frame = open.Peek();
            var local = xml.AsSpan(LocalStart(start, start + length), start + length - LocalStart(start, start + length));
            if (depth == frame.Depth + 1 && local.SequenceEqual("sdtPr"))
            {
                frame.InProperties = false;
            }
            else if (depth == frame.Depth + 1 && local.SequenceEqual("sdtContent"))
            {
                frame.ContentEnd = at;
            }
            else if (depth == frame.Depth && local.SequenceEqual("sdt"))
            {
                Close(tagEnd);
            }
        }

        if (bindings.Count > 0 && bindings[^1].Depth == depth)
        {
            Undeclare(depth);
        }

        return tagEnd;
    }

    /// <summary>Takes in the namespace declarations of the start tag at <paramref name="at"/>.</summary>
    private void Declare(int at, int tagEnd, int depth)
    {
        foreach (var (name, value) in XmlScan.Attributes(xml, at, tagEnd))
        {
            if (name == "xmlns" || name.StartsWith("xmlns:", StringComparison.Ordinal))
            {
                bindings.Add((name.Length == 5 ? string.Empty : name[6..], value, depth));
                prefixes.Clear();
            }
        }
    }

    private void Undeclare(int depth)
    {
        while (bindings.Count > 0 && bindings[^1].Depth == depth)
        {
            bindings.RemoveAt(bindings.Count - 1);
        }

        prefixes.Clear();
    }

    /// <summary>Whether the name between the offsets is in the WordprocessingML namespace.</summary>
    private bool IsWord(int start, int end)
    {
        var colon = xml.AsSpan(start, end - start).IndexOf(':');
        var prefix = colon < 0 ? ReadOnlySpan<char>.Empty : xml.AsSpan(start, colon);
        var lookup = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(prefix, out var word))
        {
            return word;
        }

        word = false;
        for (var i = bindings.Count - 1; i >= 0; i--)
        {
            if (prefix.SequenceEqual(bindings[i].Prefix))
            {
                word = bindings[i].Uri == PartRegions.W;
                break;
            }
        }

        lookup[prefix] = word;
        return word;
    }

    /// <summary>The value of the attribute <paramref name="local"/> in the WordprocessingML namespace, as "w:val" is.</summary>
    private string? WordAttribute(int at, int tagEnd, string local)
    {
        foreach (var (name, value) in XmlScan.Attributes(xml, at, tagEnd))
        {
            var colon = name.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && name.AsSpan(colon + 1).SequenceEqual(local) && !name.StartsWith("xmlns:", StringComparison.Ordinal)
                && bindings.FindLast(b => b.Prefix.AsSpan().SequenceEqual(name.AsSpan(0, colon))).Uri == PartRegions.W)
            {
                return value;
            }
        }

        return null;
    }

    private int NameEnd(int start)
    {
        var stop = xml.AsSpan(start).IndexOfAny(NameStops);
        var end = stop < 0 ? xml.Length : start + stop;
        return end > start ? end : throw Malformed("A tag has no name.", start);
    }

    private int LocalStart(int start, int end)
    {
        var colon = xml.AsSpan(start, end - start).IndexOf(':');
        return colon < 0 ? start : start + colon + 1;
    }

    private int TagEnd(int at)
    {
        var i = at + 1;
        while (i < xml.Length)
        {
            var stop = xml.AsSpan(i).IndexOfAny(TagStops);
            if (stop < 0)
            {
                break;
            }

            i += stop;
            var c = xml[i];
            if (c == '>')
            {
                return i + 1;
            }

            if (c == '<')
            {
                break;
            }

            var close = xml.IndexOf(c, i + 1);
            if (close < 0)
            {
                break;
            }

            i = close + 1;
        }

        throw Malformed("A tag is not closed.", at);
    }

    private string Name((int Start, int Length, bool Word) element) => xml.Substring(element.Start, element.Length);

    private static XmlException Malformed(string problem, int offset) => new($"{problem} (at character {offset})");

    private sealed class Frame(int start, int depth)
    {
        public int Start { get; } = start;
        public int Depth { get; } = depth;
        public int PropertiesStart { get; set; } = -1;
        public string? Tag { get; set; }
        public bool InProperties { get; set; }
        public int ContentStart { get; set; } = -1;
        public int ContentEnd { get; set; } = -1;
        public List<RegionSpan> Children { get; } = [];

        public RegionSpan Close(int end, string tag, string? key)
        {
            // A control without content (which Word never writes) is given an empty content just before its end tag.
            var contentStart = ContentStart < 0 ? end : ContentStart;
            var contentEnd = ContentEnd < 0 ? contentStart : ContentEnd;
            return new RegionSpan(tag, key, Start, end, contentStart, contentEnd, Children);
        }
    }
}
