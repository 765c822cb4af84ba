using System.Text;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>
/// Writes one part of a letter from its compiled skeleton: literal XML as it is, and each control with its value,
/// repeating regions once per entry, and nothing at all for a control (or paragraph) that has no value.
/// The XML goes through a small buffer into the part's entry, held back only while an untagged control
/// might still turn out empty and be dropped.
/// </summary>
internal sealed class SkeletonWriter(Pictures pictures, RichContent rich, LetterForm form)
{
    /// <summary>
    /// The places a drafter writes, or signing fills: in a letter for editing they stay as empty controls rather than
    /// going, so that there is somewhere to write and the document can be read back.
    /// </summary>
    private static readonly HashSet<string> KeptWhenEmpty = new(StringComparer.Ordinal)
    {
        "opening", "context", "accountability", "publication", "response.assurance", "response.commentary", "response.status",
        "signatory.signature", "signatory.date",
    };

    /// <summary>Text whose paragraph stays when it is empty: a reference printed as its label alone ("Your ref:").</summary>
    private static readonly HashSet<string> PrintsEmpty = new(StringComparer.Ordinal) { "reference.value" };

    private const string RunEnd = "</w:r>";
    private const string ParagraphEnd = "</w:p>";
    private const int FlushAt = 16 * 1024;
    private const int BufferSize = FlushAt + 4096;

    private StringBuilder xml = new(BufferSize);
    private int held;
    private Stream output = Stream.Null;
    private string part = string.Empty;

    /// <summary>Writes the part <paramref name="skeleton"/> was compiled from into <paramref name="stream"/>, <paramref name="marking"/> first.</summary>
    public void Write(Stream stream, PartSkeleton skeleton, Fields fields, string? marking)
    {
        output = stream;
        part = skeleton.PartName;
        xml.Append(skeleton.Start).Append(marking);
        WriteAll(skeleton.Children, fields);
        xml.Append(skeleton.End);
        Flush();
    }

    private void WriteAll(IReadOnlyList<Node> nodes, Fields fields)
    {
        foreach (var node in nodes)
        {
            Write(node, fields);
            FlushWhenFull();
        }
    }

    private void FlushWhenFull()
    {
        if (held == 0 && xml.Length >= FlushAt)
        {
            Flush();
        }
    }

    private void Flush()
    {
        LetterPackage.WriteUtf8(output, xml);

        // Clearing a builder that has grown into several chunks would copy them into one new array.
        if (xml.Capacity > BufferSize)
        {
            xml = new StringBuilder(BufferSize);
        }
        else
        {
            xml.Clear();
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
        if (literal.RepeatsDrawings)
        {
            AppendRenumbered(literal.Xml);
        }
        else
        {
            xml.Append(literal.Xml);
        }

        return true;
    }

    private bool WriteContainer(Container container, Fields fields)
    {
        // Only a container that may be dropped holds the buffer back: the mark must stay in it.
        var drop = container.DropWhenContentEmpty;
        var mark = xml.Length;
        held += drop ? 1 : 0;
        xml.Append(container.Start);
        var content = false;
        foreach (var child in container.Children)
        {
            content |= Write(child, fields) && (child is not Literal || !drop);
            FlushWhenFull();
        }

        xml.Append(container.End);
        if (drop)
        {
            held--;
            if (!content)
            {
                xml.Length = mark;
            }
        }

        return content;
    }

    private bool WriteParagraph(ParagraphNode paragraph, Fields fields)
    {
        foreach (var tag in paragraph.TextTags)
        {
            if (IsEmpty(fields.GetValueOrDefault(tag)) && !Kept(tag) && !PrintsEmpty.Contains(tag))
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
        if (!HasValue(control.Spec.Kind, field))
        {
            return Kept(control.Spec.Tag) && WriteEmpty(control);
        }

        AppendStart(control.Start, field is BlocksField { LockedAs: { } provenance } ? provenance : null);
        switch (field)
        {
            case TextField text:
                RichContent.TextRun(xml, text.Text!, control.RunStart);
                break;
            case RunsField runs:
                rich.WriteRuns(xml, runs, control.RunStart, part);
                break;
            case LinesField lines:
                WriteLines(control, lines);
                break;
            case BlocksField blocks:
                rich.WriteBlocks(xml, blocks, control.StyleId, part);
                break;
            case PictureField picture:
                WritePicture(control, picture);
                break;
            case RegionField region:
                WriteRegion(control, region, fields);
                break;
        }

        xml.Append(control.End);
        return true;
    }

    /// <summary>Whether the field gives the control something to show; a control without goes, markup and all.</summary>
    private bool HasValue(TagKind kind, Field? field) => (kind, field) switch
    {
        (TagKind.Text, TextField text) => !string.IsNullOrWhiteSpace(text.Text),
        (TagKind.Text, RunsField) => true,
        (TagKind.Lines, LinesField lines) => lines.Lines.Any(line => !string.IsNullOrWhiteSpace(line)),
        (TagKind.RichText, BlocksField blocks) => rich.HasContent(blocks),
        (TagKind.Picture, PictureField picture) => Pictures.CanPlace(picture.Image),
        (TagKind.Region, RegionField region) => region.Items.Count > 0,
        _ => false,
    };

    private void WriteLines(ControlNode control, LinesField field)
    {
        foreach (var line in field.Lines)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                xml.Append(control.ParagraphStart);
                RichContent.TextRun(xml, line, control.RunStart);
                xml.Append(ParagraphEnd);
            }
        }
    }

    private void WritePicture(ControlNode control, PictureField field)
    {
        var block = control.Spec.Level == TagLevel.Block;
        if (block)
        {
            xml.Append(control.ParagraphStart);
        }

        xml.Append(control.RunStart);
        pictures.Write(xml, part, field.Image!, field.MaxWidth, field.MaxHeight);
        xml.Append(RunEnd);
        if (block)
        {
            xml.Append(ParagraphEnd);
        }
    }

    /// <summary>Each entry in a copy of the item template; the region's own text around it (the "cc.label") is filled from <paramref name="outer"/>.</summary>
    private void WriteRegion(ControlNode region, RegionField field, Fields outer)
    {
        foreach (var child in region.Children)
        {
            if (child is ControlNode { Spec.Kind: TagKind.Item } item)
            {
                foreach (var entry in field.Items)
                {
                    AppendItemStart(item, entry.Key);
                    WriteAll(item.Children, entry);
                    xml.Append(item.End);
                }
            }
            else
            {
                Write(child, outer);
            }
        }
    }

    private bool Kept(string tag) => form == LetterForm.Editing && KeptWhenEmpty.Contains(tag);

    /// <summary>An empty control: an empty paragraph in the placeholder's style for a block, nothing for an inline one.</summary>
    private bool WriteEmpty(ControlNode control)
    {
        xml.Append(control.Start);
        if (control.Spec.Level == TagLevel.Block)
        {
            xml.Append(control.ParagraphStart).Append(ParagraphEnd);
        }

        xml.Append(control.End);
        return true;
    }

    /// <summary>A keyed item's tag names what it answers ("response:6c"), so it can be found again in the document.</summary>
    private void AppendItemStart(ControlNode item, string? key)
    {
        var tag = TagAttribute(item.Spec.Tag);
        var at = key is null ? -1 : item.Start.IndexOf(tag, StringComparison.Ordinal);
        if (at < 0)
        {
            xml.Append(item.Start);
            return;
        }

        var end = at + tag.Length - 1;
        xml.Append(item.Start, 0, end).Append(':').AppendEscaped(key).Append(item.Start, end, item.Start.Length - end);
    }

    /// <summary>The control's start; a locked one gets w:lock after its tag (where the schema wants it) and its provenance as title.</summary>
    private void AppendStart(string start, string? lockedAs)
    {
        var tag = start.IndexOf("<w:tag ", StringComparison.Ordinal);
        if (lockedAs is null || tag < 0)
        {
            xml.Append(start);
            return;
        }

        var afterTag = start.IndexOf("/>", tag, StringComparison.Ordinal) + 2;
        var alias = start.IndexOf("<w:alias ", StringComparison.Ordinal);
        var keepFrom = alias >= 0 && alias < tag ? start.IndexOf("/>", alias, StringComparison.Ordinal) + 2 : tag;
        xml.Append(start, 0, alias >= 0 && alias < tag ? alias : tag)
            .Append("<w:alias w:val=\"").AppendEscaped(lockedAs).Append("\"/>")
            .Append(start, keepFrom, afterTag - keepFrom)
            .Append("<w:lock w:val=\"sdtContentLocked\"/>")
            .Append(start, afterTag, start.Length - afterTag);
    }

    private static string TagAttribute(string tag) => $"<w:tag w:val=\"{tag}\"";

    private static bool IsEmpty(Field? field) => field switch
    {
        TextField text => string.IsNullOrWhiteSpace(text.Text),
        RunsField => false,
        _ => true,
    };

    /// <summary>A drawing repeated with its item needs an id of its own each time.</summary>
    private void AppendRenumbered(string literal)
    {
        const string marker = "<wp:docPr id=\"";
        var position = 0;
        for (var found = literal.IndexOf(marker, StringComparison.Ordinal); found >= 0; found = literal.IndexOf(marker, position, StringComparison.Ordinal))
        {
            var digits = found + marker.Length;
            xml.Append(literal, position, digits - position).Append(pictures.NextId());
            position = literal.IndexOf('"', digits);
        }

        xml.Append(literal, position, literal.Length - position);
    }
}
