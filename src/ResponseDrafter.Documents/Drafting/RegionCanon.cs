using System.Text;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>What a region's ids point at, in the package and part the region's XML comes from.</summary>
internal interface IReferences
{
    /// <summary>A hyperlink's target or a picture's bytes (as a digest), for relationship id <paramref name="id"/>.</summary>
    string Relationship(string id);

    /// <summary>The canonical text of footnote <paramref name="id"/>.</summary>
    string Footnote(string id);

    /// <summary>What list <paramref name="numId"/> is: its definition, whatever its number.</summary>
    string List(string numId);
}

/// <summary>
/// A region's content in a form that two versions of the same words share: Word's bookkeeping (revision ids,
/// paragraph ids, proofing marks, bookmarks, render hints, empty runs, how text is split into runs, control ids)
/// is dropped and ids are replaced by what they point at, while text, styles, formatting, links, footnotes,
/// lists and pictures remain. It works on the fragment's text alone.
/// </summary>
internal static class RegionCanon
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "w:proofErr", "w:bookmarkStart", "w:bookmarkEnd", "w:lastRenderedPageBreak", "w:sdtEndPr", "w:nsid", "w:tmpl", "w:abstractNumId",
        "w:permStart", "w:permEnd", "w:noProof", "w:lang",
    };

    public static string Of(string xml, int start, int end, IReferences references)
    {
        var writer = new Writer(references);
        writer.Write(xml, start, end);
        return writer.Result;
    }

    private sealed class Writer(IReferences references)
    {
        private readonly StringBuilder output = new();
        private readonly StringBuilder properties = new();
        private StringBuilder target = null!;
        private int skip;
        private int depth;
        private int runDepth = -1;
        private int runPropertiesDepth = -1;
        private int paragraphPropertiesDepth = -1;
        private int controlPropertiesDepth = -1;
        private bool inText;
        private string? runFormat;
        private string? lastFormat;

        public string Result => output.ToString();

        public void Write(string xml, int start, int end)
        {
            target = output;
            var i = start;
            while (i < end)
            {
                var open = xml.IndexOf('<', i, end - i);
                var textEnd = open < 0 ? end : open;
                if (textEnd > i && inText && skip == 0)
                {
                    Content();
                    output.Append(XmlScan.Decode(xml.AsSpan(i, textEnd - i)));
                }

                if (open < 0)
                {
                    break;
                }

                if (xml[open + 1] == '!')
                {
                    var commentEnd = xml.IndexOf("-->", open, StringComparison.Ordinal);
                    i = commentEnd < 0 ? end : commentEnd + 3;
                    continue;
                }

                var tagEnd = XmlScan.TagEnd(xml, open);
                if (xml[open + 1] == '?')
                {
                    i = tagEnd;
                    continue;
                }

                if (xml[open + 1] == '/')
                {
                    End(xml.AsSpan(open + 2, tagEnd - open - 3).Trim().ToString());
                }
                else
                {
                    Start(xml, open, tagEnd);
                }

                i = tagEnd;
            }
        }

        private void Start(string xml, int open, int tagEnd)
        {
            var nameEnd = open + 1;
            while (nameEnd < tagEnd && !char.IsWhiteSpace(xml[nameEnd]) && xml[nameEnd] is not ('/' or '>'))
            {
                nameEnd++;
            }

            var name = xml[(open + 1)..nameEnd];
            var empty = xml[tagEnd - 2] == '/';
            if (skip > 0 || Ignored.Contains(name) || (paragraphPropertiesDepth >= 0 && name == "w:rPr") || (controlPropertiesDepth >= 0 && name != "w:tag"))
            {
                skip += empty ? 0 : 1;
                return;
            }

            depth += empty ? 0 : 1;
            var attributes = XmlScan.Attributes(xml, open, tagEnd);
            switch (name)
            {
                case "w:r":
                    runDepth = depth;
                    runFormat = string.Empty;
                    return;
                case "w:rPr" when runDepth >= 0 && depth == runDepth + 1:
                    runPropertiesDepth = depth;
                    properties.Clear();
                    target = properties;
                    return;
                case "w:t" or "w:instrText" or "w:delText":
                    inText = !empty;
                    return;
                case "w:sdtPr":
                    Boundary();
                    output.Append("<sdt");
                    controlPropertiesDepth = depth;
                    return;
                case "w:tag":
                    output.Append(' ').Append(attributes.GetValueOrDefault("w:val"));
                    return;
                case "w:pPr":
                    paragraphPropertiesDepth = depth;
                    break;
            }

            if (runPropertiesDepth < 0)
            {
                if (runDepth >= 0)
                {
                    Content();
                }
                else
                {
                    Boundary();
                }
            }

            target.Append('<').Append(name);
            foreach (var (attribute, value) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                if (Kept(name, attribute))
                {
                    target.Append(' ').Append(attribute).Append('=').Append(Value(name, attribute, value));
                }
            }

            target.Append(empty ? "/>" : ">");
        }

        private void End(string name)
        {
            if (skip > 0)
            {
                skip--;
                return;
            }

            var closing = depth--;
            if (closing == controlPropertiesDepth)
            {
                controlPropertiesDepth = -1;
                output.Append('>');
                return;
            }

            if (closing == runPropertiesDepth)
            {
                runPropertiesDepth = -1;
                runFormat = properties.ToString();
                target = output;
                return;
            }

            if (closing == runDepth)
            {
                runDepth = -1;
                return;
            }

            if (name is "w:t" or "w:instrText" or "w:delText")
            {
                inText = false;
                return;
            }

            if (closing == paragraphPropertiesDepth)
            {
                paragraphPropertiesDepth = -1;
            }

            if (runPropertiesDepth < 0 && runDepth < 0)
            {
                Boundary();
            }

            target.Append("</>");
        }

        /// <summary>Before run content: the run's formatting, unless the run before it had the same.</summary>
        private void Content()
        {
            if (runFormat != lastFormat)
            {
                output.Append('{').Append(runFormat).Append('}');
                lastFormat = runFormat;
            }
        }

        private void Boundary() => lastFormat = null;

        private static bool Kept(string element, string attribute) =>
            !attribute.StartsWith("xmlns", StringComparison.Ordinal)
            && !attribute.StartsWith("w:rsid", StringComparison.Ordinal)
            && attribute is not ("w14:paraId" or "w14:textId" or "xml:space" or "mc:Ignorable" or "w:history" or "w:abstractNumId")
            && !(element == "w:num" && attribute == "w:numId")
            && !(element is "wp:docPr" or "pic:cNvPr" && attribute is "id" or "name");

        private string Value(string element, string attribute, string value) => (element, attribute) switch
        {
            (_, "r:id" or "r:embed" or "r:link" or "r:pict") => references.Relationship(value),
            ("w:footnoteReference", "w:id") => references.Footnote(value),
            ("w:numId", "w:val") => references.List(value),
            _ => value,
        };
    }
}
