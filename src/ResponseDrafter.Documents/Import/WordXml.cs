using System.Xml;

namespace ResponseDrafter.Documents.Import;

/// <summary>Reading a part of an inspected Word document as XML: no DTDs, nothing resolved, comments and processing instructions skipped.</summary>
internal static class WordXml
{
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = XmlSafety.Settings();

    public static XmlReader Reader(Stream stream) => XmlReader.Create(stream, Settings);

    /// <summary>The w:val of the element the reader is on.</summary>
    public static string? Val(XmlReader reader) => reader.GetAttribute("val", W);

    /// <summary>An on/off property as Word reads it: present without a value, or with any value but off, false or 0, is on.</summary>
    public static bool OnOff(XmlReader reader) => Val(reader) is not ("false" or "0" or "off");

    public static int? Int(string? value) => int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
