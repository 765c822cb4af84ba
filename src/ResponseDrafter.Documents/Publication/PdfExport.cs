namespace ResponseDrafter.Documents.Publication;

/// <summary>
/// How a letter is exported to PDF by LibreOffice, in one place for the server's converter and the tests that check
/// its output. The options (LibreOffice 7.4's JSON form of the PDF export filter's data) ask for a tagged PDF
/// (structure tree with headings, paragraphs, lists, links, figures with their alternative text, reading order),
/// PDF/UA-1 compliance (which also writes the document's language and title into the PDF), the title shown in the
/// viewer's title bar rather than the file name, and bookmarks from the headings.
/// </summary>
public static class PdfExport
{
    /// <summary>The value of soffice's --convert-to for an accessible PDF.</summary>
    public const string LibreOfficeConvertTo =
        "pdf:writer_pdf_Export:{"
        + "\"UseTaggedPDF\":{\"type\":\"boolean\",\"value\":\"true\"},"
        + "\"PDFUACompliance\":{\"type\":\"boolean\",\"value\":\"true\"},"
        + "\"DisplayPDFDocumentTitle\":{\"type\":\"boolean\",\"value\":\"true\"},"
        + "\"ExportBookmarks\":{\"type\":\"boolean\",\"value\":\"true\"}"
        + "}";
}
