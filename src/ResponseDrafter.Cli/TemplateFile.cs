using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Cli;

/// <summary>Reads a template as Word saves it: a .docx, or the single-file Flat OPC XML form (Word XML Document).</summary>
internal static class TemplateFile
{
    public static TemplateLoadResult Load(byte[] bytes)
    {
        if (!LooksLikeXml(bytes))
        {
            return LetterTemplate.Load(bytes);
        }

        try
        {
            using var stream = new MemoryStream();
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            using (WordprocessingDocument.FromFlatOpcString(reader.ReadToEnd(), stream, isEditable: true))
            {
            }

            return LetterTemplate.Load(stream.ToArray());
        }
        catch (Exception e) when (e is XmlException or OpenXmlPackageException or FileFormatException or InvalidDataException or InvalidOperationException or ArgumentException)
        {
            return new(null, [new TemplateProblem(string.Empty, "file", "The XML file is not a Word XML Document (Flat OPC); save it from Word as 'Word XML Document' or as a .docx.")]);
        }
    }

    private static bool LooksLikeXml(byte[] bytes)
    {
        ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
        var text = bytes.AsSpan();
        if (text.StartsWith(byteOrderMark))
        {
            text = text[byteOrderMark.Length..];
        }

        var start = text.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && text[start] == (byte)'<';
    }
}
