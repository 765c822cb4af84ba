using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace ResponseDrafter.Documents.Publication;

/// <summary>
/// The signed letter as one self-contained, semantic web page for the OPCC's website, made from the signed .docx
/// itself, so that it says what the PDF says: the letterhead in <c>&lt;header&gt;</c>, the letter in
/// <c>&lt;main&gt;</c> with its headings, paragraphs, lists, links and pictures (as data: URIs with their alternative
/// text), the force's comments as their own section, each with its provenance line, and the footnotes as linked
/// notes. The page has no script and asks for nothing from anywhere: its own Content-Security-Policy forbids both.
/// </summary>
public static class WebVersion
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>The id of the force's comments section, for links into it.</summary>
    public const string ForceCommentsId = "force-comments";

    /// <summary>The heading of the force's comments section when the document's annex has no heading of its own.</summary>
    public const string ForceCommentsHeading = "The force's comments";

    /// <summary>The page as UTF-8 bytes (no byte order mark).</summary>
    public static byte[] Make(byte[] signedDocx) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Html(signedDocx));

    /// <summary>The page's HTML.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a Word document.</exception>
    public static string Html(byte[] signedDocx)
    {
        ArgumentNullException.ThrowIfNull(signedDocx);
        using var stream = new MemoryStream(signedDocx, writable: false);
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(stream, isEditable: false);
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FileFormatException)
        {
            throw new InvalidDataException("The signed letter is not a Word document.", e);
        }

        using (document)
        {
            return new WebVersionPage(document).Write();
        }
    }
}
