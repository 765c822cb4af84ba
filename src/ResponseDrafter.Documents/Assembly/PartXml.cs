using System.Xml;
using DocumentFormat.OpenXml;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>
/// A template part's XML cut, once, at the places where assembly inserts content: slots are marked in a copy of
/// the part's tree, the tree is serialised, and the text is split at the marks.
/// </summary>
internal static class PartXml
{
    private const string Mark = "<!--ResponseDrafter slot-->";

    /// <summary>Marks a slot after <paramref name="previous"/>, a child of <paramref name="root"/> (null: before its first child).</summary>
    public static OpenXmlElement Slot(OpenXmlElement root, OpenXmlElement? previous)
    {
        var slot = new OpenXmlMiscNode(XmlNodeType.Comment, Mark);
        return previous is null ? root.PrependChild(slot) : root.InsertAfter(slot, previous);
    }

    /// <summary>The part's XML, declaration first, in the pieces between its slots; a slot at the end goes before the root's end tag.</summary>
    public static string[] Split(OpenXmlElement root, OpenXmlElement? previous)
    {
        Slot(root, previous);
        return Split(root);
    }

    /// <summary>The pieces of <paramref name="root"/>'s XML, which declares the prefixes assembly writes (w, r) whatever the producer chose.</summary>
    public static string[] Split(OpenXmlElement root)
    {
        foreach (var (prefix, uri) in WrittenPrefixes)
        {
            if (root.LookupNamespace(prefix) is null)
            {
                root.AddNamespaceDeclaration(prefix, uri);
            }
        }

        return (XmlText.Declaration + root.OuterXml).Split(Mark);
    }

    /// <summary>The prefixes assembly's own XML uses, and what they stand for.</summary>
    public static readonly (string Prefix, string Uri)[] WrittenPrefixes =
    [
        ("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
        ("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
        ("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
        ("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        ("pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"),
    ];
}
