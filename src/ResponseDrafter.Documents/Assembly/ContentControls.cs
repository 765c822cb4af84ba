using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>Content controls in a finished letter.</summary>
public static class ContentControls
{
    /// <summary>
    /// A copy of the letter with every content control replaced by what it holds, for the final PDF: nothing is
    /// edited any more, and LibreOffice (7.4) prints hyperlinks inside block-level controls as field codes.
    /// </summary>
    public static byte[] Unwrapped(byte[] docx)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var mainPart = document.MainDocumentPart!;
            IEnumerable<OpenXmlPartRootElement?> roots =
                [mainPart.Document, .. mainPart.HeaderParts.Select(h => h.Header), .. mainPart.FooterParts.Select(f => f.Footer)];
            foreach (var root in roots.OfType<OpenXmlPartRootElement>())
            {
                Unwrap(root);
            }
        }

        return stream.ToArray();
    }

    private static void Unwrap(OpenXmlElement root)
    {
        // Innermost first, so that each control's content is already plain when it replaces the control.
        foreach (var control in root.Descendants<SdtElement>().Reverse().ToList())
        {
            var content = control.ChildElements.FirstOrDefault(c => c is SdtContentBlock or SdtContentRun or SdtContentCell or SdtContentRow);
            foreach (var child in content?.ChildElements.ToList() ?? [])
            {
                child.Remove();
                control.InsertBeforeSelf(child);
            }

            control.Remove();
        }
    }
}
