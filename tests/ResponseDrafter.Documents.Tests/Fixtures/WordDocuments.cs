using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Tests.Fixtures;

/// <summary>Opening, validating and reading .docx bytes in tests.</summary>
public static class WordDocuments
{
    /// <summary>The first assertion on every document: the SDK's validator finds nothing wrong.</summary>
    public static void AssertValid(byte[] docx, string what = "document")
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Take(10)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.IsEmpty(errors, $"{what} is not valid Open XML:\n{string.Join("\n", errors)}");
    }

    /// <summary>Runs <paramref name="read"/> over the document opened read-only.</summary>
    public static T Read<T>(byte[] docx, Func<WordprocessingDocument, T> read)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return read(document);
    }

    /// <summary>The body's paragraphs as text, in order.</summary>
    public static IReadOnlyList<string> BodyText(byte[] docx) =>
        Read(docx, d => d.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList());

    /// <summary>Paragraphs of the body whose style is <paramref name="styleId"/>, as text.</summary>
    public static IReadOnlyList<string> ParagraphsInStyle(byte[] docx, string styleId) =>
        Read(docx, d => d.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == styleId)
            .Select(p => p.InnerText)
            .ToList());

    /// <summary>Tags of the content controls in the body, in document order.</summary>
    public static IReadOnlyList<string> Tags(byte[] docx) =>
        Read(docx, d => d.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>()
            .Select(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value ?? string.Empty)
            .ToList());

    /// <summary>Changes a copy of <paramref name="docx"/> and returns the changed bytes.</summary>
    public static byte[] Edit(byte[] docx, Action<WordprocessingDocument> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            edit(document);
        }

        return stream.ToArray();
    }

    /// <summary>The first control tagged <paramref name="tag"/> in the body.</summary>
    public static SdtElement Control(WordprocessingDocument document, string tag) =>
        document.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>()
            .First(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value == tag);
}
