using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>
/// Serialises elements built during assembly (rich text, pictures, the DRAFT marking) straight into a part's
/// XML, through one writer that already has the part root's namespaces in scope, so none is declared again.
/// </summary>
internal sealed class ElementWriter : IDisposable
{
    private readonly Target target;
    private readonly XmlWriter writer;

    public ElementWriter(StringBuilder xml, IEnumerable<KeyValuePair<string, string>> rootNamespaces)
    {
        target = new Target(xml) { Muted = true };
        writer = XmlWriter.Create(target, new XmlWriterSettings { ConformanceLevel = ConformanceLevel.Fragment, CloseOutput = false });
        writer.WriteStartElement("w", "root", SkeletonCompiler.MainNamespace);
        foreach (var (prefix, uri) in rootNamespaces)
        {
            writer.WriteAttributeString("xmlns", prefix, null, uri);
        }

        writer.WriteString(string.Empty);
        writer.Flush();
        target.Muted = false;
    }

    public void Write(OpenXmlElement element)
    {
        element.WriteTo(writer);
        writer.Flush();
    }

    /// <summary>Closes the stand-in root without letting its end tag into the part.</summary>
    public void Dispose()
    {
        target.Muted = true;
        writer.Dispose();
        target.Dispose();
    }

    /// <summary>Passes text on to the part's XML, except the stand-in root that only sets up the namespaces.</summary>
    private sealed class Target(StringBuilder xml) : TextWriter
    {
        public bool Muted { get; set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            if (!Muted)
            {
                xml.Append(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            if (!Muted)
            {
                xml.Append(buffer, index, count);
            }
        }

        public override void Write(string? value)
        {
            if (!Muted)
            {
                xml.Append(value);
            }
        }
    }
}
