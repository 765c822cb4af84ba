using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>
/// Writes one part of a letter from its compiled skeleton: literal XML as it is, and each control with its value,
/// repeating regions once per entry, and nothing at all for a control (or paragraph) that has no value.
/// </summary>
internal sealed class SkeletonWriter : IDisposable
{
    private const string RunEnd = "</w:r>";
    private const string ParagraphEnd = "</w:p>";

    private readonly StringBuilder xml;
    private readonly PartSkeleton skeleton;
    private readonly OpenXmlPart part;
    private readonly Pictures pictures;
    private readonly ElementWriter elements;

    public SkeletonWriter(StringBuilder xml, PartSkeleton skeleton, OpenXmlPart part, Pictures pictures)
    {
        this.xml = xml;
        this.skeleton = skeleton;
        this.part = part;
        this.pictures = pictures;
        elements = new ElementWriter(xml, skeleton.Namespaces);
    }

    public void Write(Fields fields, OpenXmlElement? marking)
    {
        xml.Append(skeleton.Start);
        if (marking is not null)
        {
            elements.Write(marking);
        }

        WriteAll(skeleton.Children, fields);
        xml.Append(skeleton.End);
    }

    public void Dispose() => elements.Dispose();

    private void WriteAll(IReadOnlyList<Node> nodes, Fields fields)
    {
        foreach (var node in nodes)
        {
            Write(node, fields);
        }
    }

    /// <summary>Writes the node; false when it wrote nothing (or only markup around nothing).</summary>
    private bool Write(Node node, Fields fields) => node switch
    {
        Literal literal => WriteLiteral(literal),
        ParagraphNode paragraph => WriteParagraph(paragraph, fields),
        ControlNode control => WriteControl(control, fields),
        Container container => WriteContainer(container, fields),
        _ => false,
    };

    private bool WriteLiteral(Literal literal)
    {
        xml.Append(literal.RepeatsDrawings ? Renumbered(literal.Xml) : literal.Xml);
        return true;
    }

    private bool WriteContainer(Container container, Fields fields)
    {
        var mark = xml.Length;
        xml.Append(container.Start);
        var content = false;
        foreach (var child in container.Children)
        {
            var wrote = Write(child, fields);
            content |= wrote && (child is not Literal || !container.DropWhenContentEmpty);
        }

        xml.Append(container.End);
        if (container.DropWhenContentEmpty && !content)
        {
            xml.Length = mark;
        }

        return content;
    }

    private bool WriteParagraph(ParagraphNode paragraph, Fields fields)
    {
        foreach (var tag in paragraph.TextTags)
        {
            if (IsEmpty(fields.GetValueOrDefault(tag)))
            {
                xml.Append(paragraph.EmptyForm);
                return paragraph.EmptyForm is not null;
            }
        }

        xml.Append(paragraph.Start);
        WriteAll(paragraph.Children, fields);
        xml.Append(paragraph.End);
        return true;
    }

    private bool WriteControl(ControlNode control, Fields fields)
    {
        var field = fields.GetValueOrDefault(control.Spec.Tag);
        var mark = xml.Length;
        xml.Append(control.Start);
        var wrote = control.Spec.Kind switch
        {
            TagKind.Text => WriteText(control, field),
            TagKind.Lines => WriteLines(control, field as LinesField),
            TagKind.RichText => WriteElements(field is BlocksField blocks ? blocks.Render(control.StyleId) : []),
            TagKind.Picture => WritePicture(control, field as PictureField),
            TagKind.Region => WriteRegion(control, field as RegionField),
            _ => false,
        };

        if (!wrote)
        {
            xml.Length = mark;
            return false;
        }

        xml.Append(control.End);
        return true;
    }

    private bool WriteText(ControlNode control, Field? field)
    {
        switch (field)
        {
            case TextField { Text: { } text } when !string.IsNullOrWhiteSpace(text):
                xml.Append(control.RunStart);
                AppendText(text);
                xml.Append(RunEnd);
                return true;
            case RunsField runs:
                var properties = control.RunProperties.Length == 0 ? null : new RunProperties(control.RunProperties);
                return WriteElements(runs.Runs(properties));
            default:
                return false;
        }
    }

    private bool WriteLines(ControlNode control, LinesField? field)
    {
        var wrote = false;
        foreach (var line in field?.Lines ?? [])
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                xml.Append(control.ParagraphStart).Append(control.RunStart);
                AppendText(line);
                xml.Append(RunEnd).Append(ParagraphEnd);
                wrote = true;
            }
        }

        return wrote;
    }

    private bool WriteElements(IReadOnlyList<OpenXmlElement> written)
    {
        foreach (var element in written)
        {
            elements.Write(element);
        }

        return written.Count > 0;
    }

    private bool WritePicture(ControlNode control, PictureField? field)
    {
        if (field?.Image is not { } image || pictures.Drawing(part, image, field.MaxWidth, field.MaxHeight) is not { } drawing)
        {
            return false;
        }

        var block = control.Spec.Level == TagLevel.Block;
        if (block)
        {
            xml.Append(control.ParagraphStart);
        }

        xml.Append(control.RunStart);
        elements.Write(drawing);
        xml.Append(RunEnd);
        if (block)
        {
            xml.Append(ParagraphEnd);
        }

        return true;
    }

    private bool WriteRegion(ControlNode region, RegionField? field)
    {
        if (field is not { Items.Count: > 0 })
        {
            return false;
        }

        foreach (var child in region.Children)
        {
            if (child is ControlNode { Spec.Kind: TagKind.Item } item)
            {
                foreach (var entry in field.Items)
                {
                    xml.Append(item.Start);
                    WriteAll(item.Children, entry);
                    xml.Append(item.End);
                }
            }
            else
            {
                Write(child, new Fields());
            }
        }

        return true;
    }

    private static bool IsEmpty(Field? field) => field switch
    {
        TextField text => string.IsNullOrWhiteSpace(text.Text),
        RunsField => false,
        _ => true,
    };

    /// <summary>Plain text as w:t runs, its tabs and line breaks as Word's own; characters XML cannot hold are dropped.</summary>
    private void AppendText(string text)
    {
        var open = false;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\t' or '\n':
                    if (open)
                    {
                        xml.Append("</w:t>");
                        open = false;
                    }

                    xml.Append(c == '\t' ? "<w:tab/>" : "<w:br/>");
                    continue;
                case < ' ' or '\uFFFE' or '\uFFFF':
                    continue;
            }

            if (!open)
            {
                xml.Append("<w:t xml:space=\"preserve\">");
                open = true;
            }

            _ = c switch
            {
                '&' => xml.Append("&amp;"),
                '<' => xml.Append("&lt;"),
                '>' => xml.Append("&gt;"),
                _ => xml.Append(c),
            };
        }

        if (open)
        {
            xml.Append("</w:t>");
        }
    }

    /// <summary>A drawing repeated with its item needs an id of its own each time.</summary>
    private string Renumbered(string literal)
    {
        const string marker = "<wp:docPr id=\"";
        var result = new StringBuilder(literal.Length);
        var position = 0;
        for (var found = literal.IndexOf(marker, StringComparison.Ordinal); found >= 0; found = literal.IndexOf(marker, position, StringComparison.Ordinal))
        {
            var digits = found + marker.Length;
            result.Append(literal, position, digits - position).Append(pictures.NextId());
            position = literal.IndexOf('"', digits);
        }

        return result.Append(literal, position, literal.Length - position).ToString();
    }
}
