using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace ResponseDrafter.Documents.Publication;

/// <summary>
/// One pass over the signed document's body. The letterhead (the leading blocks tagged or styled as letterhead) goes in
/// the page's header; the rest, in order, in main. The force assurance annex leaves the flow and becomes the force's
/// comments section after the letter; an assurance quoted in full stays where the letter quotes it (as a blockquote
/// followed by its provenance line) and the section points to it, so that no text is on the page twice.
/// </summary>
internal sealed class WebVersionPage
{
    private static readonly HashSet<string> LetterheadTags = new(StringComparer.Ordinal)
    {
        "opcc.name", "letterhead.lines", "letterhead.strapline", "letterhead.logo",
    };

    private static readonly HashSet<string> LetterheadStyles = new(StringComparer.OrdinalIgnoreCase)
    {
        "LetterheadName", "Letterhead", "Strapline",
    };

    private readonly WordprocessingDocument document;
    private readonly MainDocumentPart main;
    private readonly WebVersionStyles styles;
    private readonly WebHtml html = new();
    private readonly List<int> noteIds = [];
    private readonly Dictionary<int, int> noteNumbers = [];
    private readonly List<CommentEntry> comments = [];
    private readonly Dictionary<string, SdtBlock> annexed = new(StringComparer.Ordinal);
    private SdtBlock? annex;
    private string? responseHeading;
    private string? responseKey;
    private bool headingOne;
    private int lastHeading;

    public WebVersionPage(WordprocessingDocument document)
    {
        this.document = document;
        main = document.MainDocumentPart ?? throw new InvalidDataException("The signed letter has no main document part.");
        styles = new WebVersionStyles(main);
    }

    public string Write()
    {
        var body = main.Document?.Body ?? throw new InvalidDataException("The signed letter has no body.");
        var blocks = body.ChildElements.Where(e => e is not SectionProperties).ToList();
        annex = body.Descendants<SdtBlock>().FirstOrDefault(s => Tag(s) == "annex");
        foreach (var item in annex?.Descendants<SdtBlock>().Where(s => Item(s, "assurance")) ?? [])
        {
            annexed.TryAdd(Key(item, "assurance.heading"), item);
        }

        var letterhead = blocks.TakeWhile(IsLetterhead).ToList();
        var title = document.PackageProperties.Title is { Length: > 0 } t ? t : TaggedText(body, "subject");

        html.Raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\" />\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>").Text(title).Raw("</title>\n")
            .Raw("<style>").Raw(WebVersionStyles.Css).Raw("</style>\n</head>\n<body>\n");
        if (letterhead.Count > 0)
        {
            html.Raw("<header>\n");
            Blocks(letterhead, main);
            html.CloseLists().Raw("</header>\n");
        }

        html.Raw("<main>\n");
        Blocks(blocks.Skip(letterhead.Count), main);
        html.CloseLists();
        ForceComments();
        Notes();
        html.Raw("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private void Blocks(IEnumerable<OpenXmlElement> blocks, OpenXmlPart part)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph paragraph:
                    Paragraph(paragraph, part);
                    break;
                case SdtBlock sdt when ReferenceEquals(sdt, annex) || Placeholder(sdt.SdtProperties):
                    break;
                case SdtBlock sdt when Item(sdt, "response"):
                    responseHeading = TaggedText(sdt, "response.heading");
                    responseKey = Key(sdt, "response.heading");
                    Blocks(Content(sdt), part);
                    break;
                case SdtBlock sdt when Item(sdt, "recipient"):
                    // One address block per recipient, apart from the next as on paper.
                    html.CloseLists().Raw("<div class=\"recipient\">\n");
                    Blocks(Content(sdt), part);
                    html.CloseLists().Raw("</div>\n");
                    break;
                case SdtBlock sdt when Tag(sdt) == "response.assurance":
                    Assurance(sdt, part);
                    break;
                case SdtBlock sdt:
                    html.CloseLists();
                    Blocks(Content(sdt), part);
                    html.CloseLists();
                    break;
                case Table table:
                    Table(table, part);
                    break;
                case CustomXmlBlock custom:
                    Blocks(custom.ChildElements, part);
                    break;
            }
        }
    }

    /// <summary>
    /// A response's assurance region. When the annex holds this response's assurance, the region is the letter's
    /// summary or pointer and reads as the letter has it; otherwise it is the force's text quoted in full.
    /// </summary>
    private void Assurance(SdtBlock sdt, OpenXmlPart part)
    {
        html.CloseLists();
        var heading = responseHeading ?? string.Empty;
        var paragraphs = Content(sdt);
        if (Words(sdt).Length == 0 && !sdt.Descendants<Drawing>().Any())
        {
            return;
        }

        if (annexed.TryGetValue(responseKey ?? string.Empty, out var item))
        {
            Blocks(paragraphs, part);
            comments.Add(new CommentEntry(heading, item, null, null));
            html.CloseLists();
            return;
        }

        var provenance = paragraphs.OfType<Paragraph>().LastOrDefault(p => Words(p).Length > 0);
        var id = string.Create(CultureInfo.InvariantCulture, $"assurance-{comments.Count + 1}");
        html.Raw("<blockquote id=\"").Attribute(id).Raw("\">\n");
        Blocks(paragraphs.Where(p => !ReferenceEquals(p, provenance)), part);
        html.CloseLists().Raw("</blockquote>\n");
        if (provenance is not null)
        {
            html.Raw("<p class=\"provenance\">").Raw(Inline(provenance.ChildElements, part)).Raw("</p>\n");
        }

        comments.Add(new CommentEntry(heading, null, id, provenance is null ? null : Words(provenance)));
    }

    /// <summary>The force's comments, in letter order: an annexed assurance in full, a quoted one as a link to where the letter quotes it.</summary>
    private void ForceComments()
    {
        var unmatched = annexed.Values.Where(item => comments.All(c => !ReferenceEquals(c.Annexed, item)))
            .Select(item => new CommentEntry(TaggedText(item, "assurance.heading"), item, null, null));
        var entries = comments.Concat(unmatched).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var heading = annex is null
            ? null
            : Content(annex).OfType<Paragraph>().Select(Words).FirstOrDefault(w => w.Length > 0);
        html.Raw("<section class=\"force-comments\" aria-labelledby=\"").Attribute(WebVersion.ForceCommentsId).Raw("\">\n<h2 id=\"")
            .Attribute(WebVersion.ForceCommentsId).Raw("\">").Text(heading ?? WebVersion.ForceCommentsHeading).Raw("</h2>\n");
        foreach (var entry in entries)
        {
            html.Raw("<h3>").Text(entry.Heading).Raw("</h3>\n");
            if (entry.Annexed is { } item)
            {
                foreach (var text in item.Descendants<SdtBlock>().Where(s => Tag(s) == "assurance.text" && !Placeholder(s.SdtProperties)))
                {
                    Blocks(Content(text), main);
                    html.CloseLists();
                }

                var attribution = TaggedText(item, "assurance.attribution");
                if (attribution.Length > 0)
                {
                    html.Raw("<p class=\"provenance\">").Text(attribution).Raw("</p>\n");
                }
            }
            else
            {
                if (entry.Provenance is { Length: > 0 } provenance)
                {
                    html.Raw("<p class=\"provenance\">").Text(provenance).Raw("</p>\n");
                }

                html.Raw("<p><a href=\"#").Attribute(entry.QuotedAt!).Raw("\">").Text($"Quoted in full in the letter, under {entry.Heading}").Raw("</a></p>\n");
            }
        }

        html.Raw("</section>\n");
    }

    private void Notes()
    {
        if (noteIds.Count == 0)
        {
            return;
        }

        var footnotes = main.FootnotesPart;
        html.Raw("<section class=\"notes\" aria-labelledby=\"notes\">\n<h2 id=\"notes\">Notes</h2>\n<ol>\n");

        // A note may call another; the list grows while it is written.
        for (var i = 0; i < noteIds.Count; i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var footnote = footnotes?.Footnotes?.Elements<Footnote>().FirstOrDefault(f => f.Id?.Value == noteIds[i]);
            html.Raw("<li id=\"note-").Raw(number).Raw("\">");
            var first = true;
            foreach (var paragraph in footnote?.Elements<Paragraph>() ?? [])
            {
                var text = Inline(paragraph.ChildElements, footnotes!).Trim();
                if (text.Length > 0)
                {
                    html.Raw(first ? string.Empty : "<br />").Raw(text);
                    first = false;
                }
            }

            html.Raw(" <a class=\"back\" href=\"#ref-").Raw(number).Raw("\">").Text($"Back to reference {number}").Raw("</a></li>\n");
        }

        html.Raw("</ol>\n</section>\n");
    }

    private void Paragraph(Paragraph paragraph, OpenXmlPart part)
    {
        var inline = Inline(paragraph.ChildElements, part);
        if (inline.Length == 0)
        {
            return;
        }

        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        if (styles.HeadingLevel(paragraph) is { } level)
        {
            html.CloseLists();
            var h = HeadingLevel(level).ToString(CultureInfo.InvariantCulture);
            html.Raw("<h").Raw(h).Raw(">").Raw(inline).Raw("</h").Raw(h).Raw(">\n");
            return;
        }

        if (styles.List(paragraph) is { } list)
        {
            html.ListItem(list.Id, list.Level, list.Ordered, inline);
            return;
        }

        html.CloseLists();
        var css = style is not null && styles.ClassOf(style) is { } name ? $" class=\"{name}\"" : string.Empty;
        html.Raw("<p").Raw(css).Raw(">").Raw(inline).Raw("</p>\n");
    }

    /// <summary>One h1 (the first heading, normally the subject); after it no heading is h1 and none skips a level.</summary>
    private int HeadingLevel(int styleLevel)
    {
        var level = headingOne ? Math.Max(2, styleLevel) : 1;
        headingOne = true;
        level = Math.Min(level, lastHeading + 1);
        lastHeading = level;
        return level;
    }

    private void Table(Table table, OpenXmlPart part)
    {
        html.CloseLists().Raw("<table>\n");
        foreach (var row in table.Elements<TableRow>())
        {
            html.Raw("<tr>");
            foreach (var cell in row.Elements<TableCell>())
            {
                html.Raw("<td>");
                Blocks(cell.ChildElements, part);
                html.CloseLists().Raw("</td>");
            }

            html.Raw("</tr>\n");
        }

        html.Raw("</table>\n");
    }

    private string Inline(IEnumerable<OpenXmlElement> elements, OpenXmlPart part)
    {
        var text = new WebHtml();
        Inline(elements, part, text);
        return text.ToString();
    }

    private void Inline(IEnumerable<OpenXmlElement> elements, OpenXmlPart part, WebHtml text)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case Run run:
                    Run(run, part, text);
                    break;
                case Hyperlink link:
                    var inner = Inline(link.ChildElements, part);
                    if (inner.Length > 0 && Href(link, part) is { } href)
                    {
                        text.Raw("<a href=\"").Attribute(href).Raw("\">").Raw(inner).Raw("</a>");
                    }
                    else
                    {
                        text.Raw(inner);
                    }

                    break;
                case SdtRun sdt when !Placeholder(sdt.SdtProperties):
                    Inline(sdt.SdtContentRun?.ChildElements ?? [], part, text);
                    break;
                case InsertedRun or SimpleField or CustomXmlRun:
                    Inline(element.ChildElements, part, text);
                    break;
            }
        }
    }

    private void Run(Run run, OpenXmlPart part, WebHtml text)
    {
        var properties = run.RunProperties;
        if (properties?.RunStyle?.Val?.Value is "PlaceholderText")
        {
            return;
        }

        var content = new WebHtml();
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case Text t:
                    content.Text(t.Text);
                    break;
                case TabChar or PositionalTab:
                    content.Text(" ");
                    break;
                case Break or CarriageReturn:
                    content.Raw("<br />");
                    break;
                case NoBreakHyphen:
                    content.Text("\u2011");
                    break;
                case FootnoteReference reference when reference.Id?.Value is { } id:
                    content.Raw(NoteReference((int)id));
                    break;
                case Drawing drawing:
                    content.Raw(Picture(drawing, part));
                    break;
            }
        }

        var inner = content.ToString();
        if (inner.Length == 0)
        {
            return;
        }

        var bold = On(properties?.Bold);
        var italic = On(properties?.Italic);
        text.Raw(bold ? "<strong>" : string.Empty).Raw(italic ? "<em>" : string.Empty).Raw(inner)
            .Raw(italic ? "</em>" : string.Empty).Raw(bold ? "</strong>" : string.Empty);
    }

    private string NoteReference(int footnoteId)
    {
        if (!noteNumbers.TryGetValue(footnoteId, out var number))
        {
            noteIds.Add(footnoteId);
            number = noteIds.Count;
            noteNumbers[footnoteId] = number;
            var n = number.ToString(CultureInfo.InvariantCulture);
            return $"<sup><a href=\"#note-{n}\" id=\"ref-{n}\">{n}</a></sup>";
        }

        var again = number.ToString(CultureInfo.InvariantCulture);
        return $"<sup><a href=\"#note-{again}\">{again}</a></sup>";
    }

    /// <summary>An embedded picture as a data: URI with the alternative text Word holds for it (empty when decorative).</summary>
    private static string Picture(Drawing drawing, OpenXmlPart part)
    {
        var embed = drawing.Descendants<A.Blip>().FirstOrDefault()?.Embed?.Value;
        if (embed is null || !part.TryGetPartById(embed, out var found) || found is not ImagePart image
            || image.ContentType is not ("image/png" or "image/jpeg" or "image/gif"))
        {
            return string.Empty;
        }

        using var stream = image.GetStream(FileMode.Open, FileAccess.Read);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        var properties = drawing.Descendants<Wp.DocProperties>().FirstOrDefault();
        var alt = properties?.Description?.Value ?? string.Empty;
        return new WebHtml().Raw("<img src=\"data:").Raw(image.ContentType).Raw(";base64,").Raw(Convert.ToBase64String(bytes.ToArray()))
            .Raw("\" alt=\"").Attribute(alt).Raw("\" />").ToString();
    }

    /// <summary>The link's address when it is an http, https or mailto address; anything else prints as its words.</summary>
    private static string? Href(Hyperlink link, OpenXmlPart part)
    {
        if (link.Id?.Value is not { } id)
        {
            return null;
        }

        var target = part.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri;
        return target is { IsAbsoluteUri: true } && target.Scheme is "http" or "https" or "mailto" ? target.OriginalString : null;
    }

    private bool IsLetterhead(OpenXmlElement block)
    {
        var tags = block.Descendants<SdtProperties>().Prepend((block as SdtBlock)?.SdtProperties)
            .Select(p => p?.GetFirstChild<Tag>()?.Val?.Value).OfType<string>().ToList();
        if (tags.Count > 0)
        {
            return tags.All(LetterheadTags.Contains);
        }

        return block is Paragraph paragraph
            && (Words(paragraph).Length == 0 && !paragraph.Descendants<Drawing>().Any()
                || paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } style && LetterheadStyles.Contains(style));
    }

    private static List<OpenXmlElement> Content(SdtBlock sdt) => sdt.SdtContentBlock?.ChildElements.ToList() ?? [];

    private static string? Tag(SdtElement sdt) => sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;

    private static bool Placeholder(SdtProperties? properties) => properties?.GetFirstChild<ShowingPlaceholder>() is { } shown && On(shown.Val);

    private static bool On(OnOffType? value) => value is not null && (value.Val is null || value.Val.Value);

    private static bool On(OnOffValue? value) => value is null || value.Value;

    /// <summary>The words of the first control tagged <paramref name="tag"/> within <paramref name="scope"/>, or "".</summary>
    private static string TaggedText(OpenXmlElement scope, string tag) =>
        scope.Descendants<SdtElement>().FirstOrDefault(s => Tag(s) == tag && !Placeholder(s.SdtProperties)) is { } sdt ? Words(sdt) : string.Empty;

    private static string Words(OpenXmlElement element) =>
        string.Join(string.Empty, element.Descendants<Text>().Where(t => t.Ancestors<Run>().FirstOrDefault()?.RunProperties?.RunStyle?.Val?.Value != "PlaceholderText")
            .Select(t => t.Text)).Trim();

    /// <summary>A repeated item of a region: tagged "response:2" (the ref after the colon) in an assembled letter, or "response" alone.</summary>
    private static bool Item(SdtBlock sdt, string item) =>
        Tag(sdt) is { } tag && (tag == item || tag.StartsWith(item + ":", StringComparison.Ordinal));

    /// <summary>What ties a response to its annexed assurance: the ref in the item's tag, else its heading's words.</summary>
    private static string Key(SdtBlock item, string headingTag) =>
        Tag(item) is { } tag && tag.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            ? tag[(colon + 1)..]
            : "heading " + string.Join(' ', TaggedText(item, headingTag).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <param name="Annexed">The annex's item, when the annex holds the text.</param>
    /// <param name="QuotedAt">The id of the blockquote, when the letter quotes the text in full.</param>
    private sealed record CommentEntry(string Heading, SdtBlock? Annexed, string? QuotedAt, string? Provenance);
}
