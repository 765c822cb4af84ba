using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Markup;

/// <summary>The document's footnotes part, created with the separator footnotes Word expects when it is missing.</summary>
internal sealed class FootnoteStore(MainDocumentPart mainPart)
{
    public FootnotesPart Part
    {
        get
        {
            if (mainPart.FootnotesPart is { Footnotes: not null } existing)
            {
                return existing;
            }

            var part = mainPart.FootnotesPart ?? mainPart.AddNewPart<FootnotesPart>();
            part.Footnotes = new W.Footnotes(
                Separator(W.FootnoteEndnoteValues.Separator, -1, new W.SeparatorMark()),
                Separator(W.FootnoteEndnoteValues.ContinuationSeparator, 0, new W.ContinuationSeparatorMark()));
            AddSettings();
            return part;
        }
    }

    /// <summary>Adds a footnote holding <paramref name="content"/> and returns its id, one above any id already in the document.</summary>
    public long Add(IReadOnlyList<OpenXmlElement> content)
    {
        var footnotes = Part.Footnotes!;
        var id = footnotes.Elements<W.Footnote>().Select(f => f.Id?.Value ?? 0).DefaultIfEmpty(0).Max() + 1;
        var paragraph = new W.Paragraph(
            new W.ParagraphProperties(new W.ParagraphStyleId { Val = "FootnoteText" }),
            new W.Run(new W.RunProperties(new W.RunStyle { Val = "FootnoteReference" }), new W.FootnoteReferenceMark()),
            new W.Run(RichTextWriter.Text(" ")));
        paragraph.Append(content);
        footnotes.Append(new W.Footnote(paragraph) { Id = id });
        return id;
    }

    private static W.Footnote Separator(W.FootnoteEndnoteValues type, long id, OpenXmlElement mark) =>
        new(new W.Paragraph(
            new W.ParagraphProperties(new W.SpacingBetweenLines { After = "0", Line = "240", LineRule = W.LineSpacingRuleValues.Auto }),
            new W.Run(mark)))
        {
            Type = type,
            Id = id,
        };

    private void AddSettings()
    {
        if (mainPart.DocumentSettingsPart?.Settings is not { } settings || settings.GetFirstChild<W.FootnoteDocumentWideProperties>() is not null)
        {
            return;
        }

        settings.AddChild(new W.FootnoteDocumentWideProperties(
            new W.FootnoteSpecialReference { Id = -1 },
            new W.FootnoteSpecialReference { Id = 0 }));
    }
}
