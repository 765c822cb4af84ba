using System.IO.Compression;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Api.Profiles;

namespace ResponseDrafter.Api.Tests.Infrastructure;

/// <summary>What a person does to a draft's document in Word, done with the SDK, and what a test reads back out of one.</summary>
public static class WordEdits
{
    /// <summary>A paragraph typed between two regions, right after the control tagged <paramref name="afterTag"/>.</summary>
    public static byte[] TypeParagraphAfter(byte[] docx, string afterTag, string text) => Edit(docx, body =>
    {
        var anchor = body.ChildElements.OfType<SdtBlock>().First(s => TagOf(s) == afterTag);
        anchor.InsertAfterSelf(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Normal" }), new Run(new Text(text))));
    });

    /// <summary>The content of the control at <paramref name="path"/> ("responses/response:2/response.commentary") replaced by one paragraph.</summary>
    public static byte[] RewriteRegion(byte[] docx, string path, string text) => Edit(docx, body =>
    {
        var content = Control(body, path).GetFirstChild<SdtContentBlock>()!;
        content.RemoveAllChildren();
        content.Append(new Paragraph(new Run(new Text(text))));
    });

    /// <summary>The control at <paramref name="path"/> deleted, content and all.</summary>
    public static byte[] DeleteRegion(byte[] docx, string path) => Edit(docx, body => Control(body, path).Remove());

    /// <summary>The exact XML text of the paragraph holding <paramref name="text"/> in document.xml, as stored.</summary>
    public static string RawParagraph(byte[] docx, string text)
    {
        var xml = Part(docx, "word/document.xml");
        var at = xml.IndexOf(text, StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, at, $"\"{text}\" is not in the document");
        var start = Math.Max(xml.LastIndexOf("<w:p>", at, StringComparison.Ordinal), xml.LastIndexOf("<w:p ", at, StringComparison.Ordinal));
        var end = xml.IndexOf("</w:p>", at, StringComparison.Ordinal) + "</w:p>".Length;
        return xml[start..end];
    }

    /// <summary>A part's text as stored in the package.</summary>
    public static string Part(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Every entry of the package, by name, as bytes.</summary>
    public static Dictionary<string, byte[]> Entries(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    /// <summary>The document as Word would send it to the server.</summary>
    public static ByteArrayContent AsBody(byte[] docx)
    {
        var content = new ByteArrayContent(docx);
        content.Headers.ContentType = new MediaTypeHeaderValue(ProfilesApi.DocxContentType);
        return content;
    }

    public static async Task<HttpResponseMessage> SaveAsync(this HttpClient client, string draftUrl, byte[] docx, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{draftUrl}/document") { Content = AsBody(docx) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    private static byte[] Edit(byte[] docx, Action<Body> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            edit(document.MainDocumentPart!.Document!.Body!);
        }

        return stream.ToArray();
    }

    private static SdtElement Control(OpenXmlElement root, string path)
    {
        var found = root;
        foreach (var name in path.Split('/'))
        {
            found = found.Descendants<SdtElement>().First(s => TagOf(s) == name);
        }

        return (SdtElement)found;
    }

    private static string? TagOf(SdtElement sdt) => sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;
}
