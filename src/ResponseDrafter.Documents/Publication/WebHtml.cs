using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ResponseDrafter.Documents.Publication;

/// <summary>
/// The web version's output: markup the page writes itself, and text and attribute values that always go through the
/// framework's HTML encoder. Also keeps the lists open at the moment, so that consecutive numbered paragraphs become one
/// list, nested by their level.
/// </summary>
internal sealed class WebHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder html = new();
    private readonly Stack<OpenList> lists = new();

    public WebHtml Raw(string markup)
    {
        html.Append(markup);
        return this;
    }

    public WebHtml Text(string text)
    {
        Encoder.Encode(new StringWriter(html, CultureInfo.InvariantCulture), text);
        return this;
    }

    public WebHtml Attribute(string value) => Text(value);

    /// <summary>An item of the list <paramref name="id"/> at <paramref name="level"/>: opens and closes lists to reach it.</summary>
    public void ListItem(int id, int level, bool ordered, string inline)
    {
        while (lists.Count > 0 && (lists.Peek().Level > level || lists.Peek().Level == level && (lists.Peek().Id != id || lists.Peek().Ordered != ordered)))
        {
            CloseOne();
        }

        if (lists.Count == 0 || lists.Peek().Level < level)
        {
            html.Append(ordered ? "<ol>\n" : "<ul>\n");
            lists.Push(new OpenList(id, level, ordered));
        }
        else
        {
            html.Append("</li>\n");
        }

        html.Append("<li>").Append(inline);
    }

    public WebHtml CloseLists()
    {
        while (lists.Count > 0)
        {
            CloseOne();
        }

        return this;
    }

    public override string ToString() => html.ToString();

    private void CloseOne()
    {
        html.Append(lists.Pop().Ordered ? "</li>\n</ol>\n" : "</li>\n</ul>\n");
        if (lists.Count > 0)
        {
            html.Append('\n');
        }
    }

    private sealed record OpenList(int Id, int Level, bool Ordered);
}
