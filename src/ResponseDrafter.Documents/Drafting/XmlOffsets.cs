using System.Xml;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>
/// Turns the reader's line and column into character offsets. The reader counts "\r\n", "\r" and "\n" each as one
/// line break and columns in UTF-16 characters from 1, pointing just past "&lt;" of a start tag and "&lt;/" of an end tag.
/// </summary>
internal sealed class XmlOffsets
{
    private readonly string xml;
    private readonly List<int> lineStarts = [0];

    public XmlOffsets(string xml)
    {
        this.xml = xml;
        for (var i = 0; i < xml.Length; i++)
        {
            if (xml[i] == '\n' || (xml[i] == '\r' && (i + 1 == xml.Length || xml[i + 1] != '\n')))
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public int ElementStart(IXmlLineInfo at) => lineStarts[at.LineNumber - 1] + at.LinePosition - 2;

    public int EndElementStart(IXmlLineInfo at) => lineStarts[at.LineNumber - 1] + at.LinePosition - 3;

    /// <summary>The offset just past the '&gt;' closing the tag that opens at <paramref name="start"/>; a '&gt;' in a quoted value does not count.</summary>
    public int TagEnd(int start)
    {
        var quote = '\0';
        for (var i = start; i < xml.Length; i++)
        {
            var c = xml[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
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

        throw new XmlException("A tag is not closed.");
    }
}
