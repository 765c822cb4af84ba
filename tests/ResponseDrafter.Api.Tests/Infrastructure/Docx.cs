using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Api.Tests.Infrastructure;

public static class Docx
{
    /// <summary>A real Word document with none of the template's tagged content controls.</summary>
    public static byte[] WithoutTags()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text("Dear Home Secretary,")))));
        }

        return stream.ToArray();
    }

    /// <summary>The document with one more paragraph at the end of its body, as if typed in Word.</summary>
    public static byte[] AppendParagraph(byte[] docx, string text)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var body = document.MainDocumentPart!.Document!.Body!;
            body.InsertBefore(new Paragraph(new Run(new Text(text))), body.GetFirstChild<SectionProperties>() ?? body.LastChild);
        }

        return stream.ToArray();
    }

    public static string Text(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return string.Join('\n', document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    public static IReadOnlyList<ValidationErrorInfoLine> Validate(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return new DocumentFormat.OpenXml.Validation.OpenXmlValidator(FileFormatVersions.Office2019)
            .Validate(document)
            .Select(e => new ValidationErrorInfoLine(e.Path?.XPath, e.Description))
            .ToList();
    }

    /// <summary>The custom XML parts' texts (the draft identity lives in one of them).</summary>
    public static IReadOnlyList<string> CustomXml(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return document.MainDocumentPart!.CustomXmlParts.Select(part =>
        {
            using var reader = new StreamReader(part.GetStream());
            return reader.ReadToEnd();
        }).ToList();
    }
}

public sealed record ValidationErrorInfoLine(string? Path, string Description);
