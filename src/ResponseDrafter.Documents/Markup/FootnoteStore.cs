using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Assembly;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Markup;

/// <summary>The document's footnotes: the template's footnotes part, or a new one with the separators Word expects.</summary>
internal sealed class FootnoteStore(FootnoteStore.Source source, LetterPackage package, string mainPart)
{
    private readonly StringBuilder notes = new();
    private long lastId = source.LastId;
    private string? partName;

    /// <summary>
    /// The template's footnotes part cut where footnotes are appended, or a fresh one (then also the settings part
    /// with the footnote properties Word expects, when the template's lacks them), worked out once per template.
    /// </summary>
    internal sealed record Source(string? PartName, string Head, string Tail, long LastId, string? SettingsPart, string? SettingsWithFootnotes)
    {
        public static Source Compile(MainDocumentPart mainPart)
        {
            if (mainPart.FootnotesPart is { Footnotes: { } existing } part)
            {
                var footnotes = (W.Footnotes)existing.CloneNode(true);
                var lastId = footnotes.Elements<W.Footnote>().Select(f => f.Id?.Value ?? 0).DefaultIfEmpty(0).Max();
                var (head, tail) = Pair(PartXml.Split(footnotes, footnotes.LastChild));
                return new Source(part.Uri.OriginalString, head, tail, lastId, null, null);
            }

            var fresh = new W.Footnotes(
                Separator(W.FootnoteEndnoteValues.Separator, -1, new W.SeparatorMark()),
                Separator(W.FootnoteEndnoteValues.ContinuationSeparator, 0, new W.ContinuationSeparatorMark()));
            var (freshHead, freshTail) = Pair(PartXml.Split(fresh, fresh.LastChild));
            var settingsPart = mainPart.DocumentSettingsPart;
            string? settings = null;
            if (settingsPart?.Settings is { } original && original.GetFirstChild<W.FootnoteDocumentWideProperties>() is null)
            {
                var withFootnotes = (W.Settings)original.CloneNode(true);
                withFootnotes.AddChild(new W.FootnoteDocumentWideProperties(
                    new W.FootnoteSpecialReference { Id = -1 },
                    new W.FootnoteSpecialReference { Id = 0 }));
                settings = XmlText.Declaration + withFootnotes.OuterXml;
            }

            return new Source(mainPart.FootnotesPart?.Uri.OriginalString, freshHead, freshTail, 0, settingsPart?.Uri.OriginalString, settings);
        }

        private static (string, string) Pair(string[] pieces) => (pieces[0], pieces[1]);
    }

    /// <summary>The footnotes part's name, which its hyperlinks are related from.</summary>
    public string PartName => partName ??= source.PartName ?? package.NewRelatedPart(mainPart, "footnotes", PartTypes.Footnotes);

    /// <summary>Adds a footnote whose text <paramref name="writeNote"/> appends, and returns its id, one above any id in the template.</summary>
    public long Add(Action<StringBuilder> writeNote)
    {
        var id = ++lastId;
        notes.Append(CultureInfo.InvariantCulture, $"<w:footnote w:id=\"{id}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>")
            .Append("<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>");
        writeNote(notes);
        notes.Append("</w:p></w:footnote>");
        return id;
    }

    /// <summary>Writes the footnotes part (and the settings part, for a new one) when a footnote was added.</summary>
    public void Save()
    {
        if (notes.Length == 0)
        {
            return;
        }

        package.Write(PartName, new StringBuilder(source.Head, source.Head.Length + notes.Length + source.Tail.Length).Append(notes).Append(source.Tail), PartTypes.Footnotes.ContentType);
        if (source.SettingsWithFootnotes is not null)
        {
            package.Write(source.SettingsPart!, source.SettingsWithFootnotes);
        }
    }

    private static W.Footnote Separator(W.FootnoteEndnoteValues type, long id, OpenXmlElement mark) =>
        new(new W.Paragraph(
            new W.ParagraphProperties(new W.SpacingBetweenLines { After = "0", Line = "240", LineRule = W.LineSpacingRuleValues.Auto }),
            new W.Run(mark)))
        {
            Type = type,
            Id = id,
        };
}
