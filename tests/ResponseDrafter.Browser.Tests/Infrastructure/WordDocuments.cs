using System.Text.Json;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Assembly;

namespace ResponseDrafter.Browser.Tests.Infrastructure;

/// <summary>Real .docx files as the Office.js stand-in holds them when Word has them open.</summary>
public static class WordDocuments
{
    /// <summary>
    /// Script run after the stand-in: the document's draft identity part becomes a custom XML part Word reports, and its
    /// exact bytes are what getFileAsync hands over.
    /// </summary>
    public static string OpeningScript(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var parts = document.MainDocumentPart!.CustomXmlParts
            .Select(part =>
            {
                using var reader = new StreamReader(part.GetStream(FileMode.Open, FileAccess.Read));
                var xml = reader.ReadToEnd();
                return new { @namespace = XDocument.Parse(xml).Root!.Name.NamespaceName, xml };
            })
            .Where(part => part.@namespace == DraftIdentityPart.Namespace)
            .ToList();
        return $"window.__wordDocument.customXml.push(...{JsonSerializer.Serialize(parts)});\n" +
            $"window.__wordDocument.file = {JsonSerializer.Serialize(Convert.ToBase64String(docx))};\n" +
            "window.__wordDocument.text = 'The letter';";
    }

    /// <summary>The same document with a paragraph typed at the end, as an approver editing in Word would leave it.</summary>
    public static byte[] WithParagraphTyped(byte[] docx, string text)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var body = document.MainDocumentPart!.Document!.Body!;
            var typed = new Paragraph(new Run(new Text(text)));
            if (body.GetFirstChild<SectionProperties>() is { } section)
            {
                body.InsertBefore(typed, section);
            }
            else
            {
                body.Append(typed);
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The same document with <paramref name="text"/> written in an item's region (its <paramref name="field"/> control, e.g.
    /// "response.commentary" inside "response:2"), as a drafter writing in Word would leave it.
    /// </summary>
    public static byte[] WithRegionWritten(byte[] docx, string itemTag, string field, string text)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            static string? TagOf(SdtElement sdt) => sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;
            var item = document.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>().Single(s => TagOf(s) == itemTag);
            var control = item.Descendants<SdtBlock>().First(s => TagOf(s) == field);
            var content = control.SdtContentBlock!;
            var style = content.Descendants<ParagraphProperties>().FirstOrDefault()?.CloneNode(true);
            content.RemoveAllChildren();
            content.Append(new Paragraph(style is null ? [new Run(new Text(text))] : [style, new Run(new Text(text))]));
        }

        return stream.ToArray();
    }

    /// <summary>The same document with the paragraph that reads <paramref name="before"/> retyped as <paramref name="after"/>.</summary>
    public static byte[] WithParagraphRetyped(byte[] docx, string before, string after)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var paragraph = document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().First(p => p.InnerText == before);
            var properties = paragraph.ParagraphProperties?.CloneNode(true);
            paragraph.RemoveAllChildren();
            if (properties is not null)
            {
                paragraph.Append(properties);
            }

            paragraph.Append(new Run(new Text(after)));
        }

        return stream.ToArray();
    }

    /// <summary>Script that puts <paramref name="docx"/> in the stand-in's place, as if the person had typed it in Word.</summary>
    public static string TypingScript(byte[] docx, string bodyText) =>
        $"() => {{ window.__wordDocument.file = {JsonSerializer.Serialize(Convert.ToBase64String(docx))}; window.__wordDocument.text = {JsonSerializer.Serialize(bodyText)}; }}";
}
