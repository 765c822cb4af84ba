using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ResponseDrafter.Documents.Assembly;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>
/// Makes XML taken from the rendered letter valid where it is spliced into the current document: the
/// relationships, pictures, footnotes, lists and styles it refers to are copied across under fresh ids, and its
/// drawings get ids of their own.
/// </summary>
internal sealed partial class ContentImport(DraftPackage current, DraftPackage rendered)
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static readonly string[] SettingsAfterFootnotes =
    [
        "<w:endnotePr", "<w:compat", "<w:docVars", "<w:rsids", "<m:mathPr", "<w:attachedSchema", "<w:themeFontLang", "<w:clrSchemeMapping",
        "<w:doNotIncludeSubdocsInStats", "<w:doNotAutoCompressPictures", "<w:forceUpgrade", "<w:captions", "<w:readModeInkLockDown",
        "<w:smartTagType", "<sl:schemaLibrary", "<w:shapeDefaults", "<w:doNotEmbedSmartTags", "<w:decimalSymbol", "<w:listSeparator", "<w14:", "<w15:", "<w16",
    ];

    private readonly Dictionary<(string Part, string Id), string> relationships = [];
    private readonly Dictionary<string, string> lists = new(StringComparer.Ordinal);
    private uint? lastDrawingId;

    /// <summary><paramref name="xml"/>, from <paramref name="renderedPart"/>, as it can stand in <paramref name="currentPart"/>.</summary>
    public string Import(string xml, string renderedPart, string currentPart)
    {
        xml = RelationshipId().Replace(xml, m => m.Groups[1].Value + "=\"" + Relationship(m.Groups[2].Value, renderedPart, currentPart) + "\"");
        xml = FootnoteReference().Replace(xml, m => m.Groups[1].Value + Footnote(m.Groups[2].Value) + "\"");
        xml = ListNumber().Replace(xml, m => m.Groups[1].Value + List(m.Groups[2].Value) + "\"");
        foreach (Match style in StyleReference().Matches(xml))
        {
            EnsureStyle(style.Groups[1].Value);
        }

        return DrawingId().Replace(xml, m => m.Groups[1].Value + NextDrawingId().ToString(CultureInfo.InvariantCulture) + "\"");
    }

    /// <summary>The highest drawing id in the document's body, headers and footers.</summary>
    public uint NextDrawingId()
    {
        if (lastDrawingId is null)
        {
            lastDrawingId = 0;
            var main = current.MainPart;
            IEnumerable<string> parts = [main, .. current.Relationships(main).Where(r => r.Type.EndsWith("/header", StringComparison.Ordinal) || r.Type.EndsWith("/footer", StringComparison.Ordinal))
                .Select(r => TemplatePackage.Resolve(main, r.Target))];
            foreach (var part in parts)
            {
                foreach (Match id in DrawingId().Matches(current.Text(part) ?? string.Empty))
                {
                    lastDrawingId = Math.Max(lastDrawingId.Value, uint.Parse(id.Groups[2].Value, CultureInfo.InvariantCulture));
                }
            }
        }

        lastDrawingId++;
        return lastDrawingId.Value;
    }

    private string Relationship(string id, string renderedPart, string currentPart)
    {
        if (relationships.TryGetValue((renderedPart + ">" + currentPart, id), out var known))
        {
            return known;
        }

        var source = rendered.Relationships(renderedPart).Find(r => r.Id == id)
            ?? throw new InvalidOperationException($"The rendered letter's part {renderedPart} refers to relationship {id}, which it lacks.");
        string mapped;
        if (source.External)
        {
            mapped = current.Relationships(currentPart).Find(r => r is { External: true } && r.Type == source.Type && r.Target == source.Target)?.Id
                ?? current.Relate(currentPart, source.Type, source.Target, external: true);
        }
        else
        {
            var from = TemplatePackage.Resolve(renderedPart, source.Target);
            var extension = Path.GetExtension(from).TrimStart('.');
            var folder = currentPart[..(currentPart.LastIndexOf('/') + 1)];
            var name = current.NewPartName(folder + "media/image", extension);
            current.Add(name, rendered.Bytes(from)!);
            current.Declare(name, ContentType(rendered, from));
            mapped = current.Relate(currentPart, source.Type, TemplatePackage.Relative(currentPart, name), external: false);
        }

        relationships[(renderedPart + ">" + currentPart, id)] = mapped;
        return mapped;
    }

    private string Footnote(string id)
    {
        var from = RelatedParts.Footnotes(rendered)!;
        var notes = rendered.Text(from)!;
        var (start, end) = XmlScan.Find(notes, "w:footnote", "w:id", id)
            ?? throw new InvalidOperationException($"The rendered letter refers to footnote {id}, which it lacks.");
        var to = FootnotesPart(notes);
        var existing = current.Text(to)!;
        var fresh = XmlScan.Elements(existing, "w:footnote")
            .Select(f => long.TryParse(f.GetValueOrDefault("w:id"), CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max() + 1;
        var freshId = fresh.ToString(CultureInfo.InvariantCulture);
        var tagEnd = XmlScan.TagEnd(notes, start);
        var note = "<w:footnote w:id=\"" + freshId + "\">" + Import(notes[tagEnd..end], from, to);
        current.SetText(to, XmlScan.InsertBeforeEnd(current.Text(to)!, "w:footnotes", note));
        return freshId;
    }

    /// <summary>The current document's footnotes part, created (with Word's separators) when it has none.</summary>
    private string FootnotesPart(string renderedNotes)
    {
        if (RelatedParts.Footnotes(current) is { } existing && current.Has(existing))
        {
            return existing;
        }

        var main = current.MainPart;
        var name = current.NewPartName(main[..(main.LastIndexOf('/') + 1)] + "footnotes", "xml");
        var separators = XmlScan.All(renderedNotes, "w:footnote")
            .Where(f => XmlScan.Attributes(renderedNotes, f.Start, XmlScan.TagEnd(renderedNotes, f.Start)).ContainsKey("w:type"))
            .Select(f => renderedNotes[f.Start..f.End]);
        var rootEnd = XmlScan.RootContentStart(renderedNotes);
        current.SetText(name, renderedNotes[..rootEnd] + string.Concat(separators) + "</w:footnotes>");
        current.Declare(name, PartTypes.Footnotes.ContentType);
        current.Relate(main, PartTypes.Footnotes.RelationshipType, TemplatePackage.Relative(main, name), external: false);
        FootnoteProperties();
        return name;
    }

    /// <summary>Word expects the settings to name the separator footnotes when there are footnotes.</summary>
    private void FootnoteProperties()
    {
        if (RelatedParts.Related(current, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings") is not { } part
            || current.Text(part) is not { } settings
            || settings.Contains("<w:footnotePr", StringComparison.Ordinal))
        {
            return;
        }

        const string properties = "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>";
        var at = SettingsAfterFootnotes.Select(s => settings.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        current.SetText(part, at < 0 ? XmlScan.InsertBeforeEnd(settings, "w:settings", properties) : settings.Insert(at, properties));
    }

    private string List(string numId)
    {
        if (lists.TryGetValue(numId, out var known))
        {
            return known;
        }

        var from = rendered.Text(RelatedParts.Numbering(rendered)!)!;
        var (numStart, numEnd) = XmlScan.Find(from, "w:num", "w:numId", numId)
            ?? throw new InvalidOperationException($"The rendered letter refers to list {numId}, which it lacks.");
        var instance = from[numStart..numEnd];
        var abstractId = XmlScan.Elements(instance, "w:abstractNumId").First()["w:val"];
        var (definitionStart, definitionEnd) = XmlScan.Find(from, "w:abstractNum", "w:abstractNumId", abstractId)!.Value;
        var definition = from[definitionStart..definitionEnd];

        var part = NumberingPart();
        var xml = current.Text(part)!;
        var mine = WithoutId(definition);
        var definitions = XmlScan.All(xml, "w:abstractNum").Select(d => xml[d.Start..d.End]).ToList();
        var same = definitions.FirstOrDefault(d => WithoutId(d) == mine);
        string mappedAbstract;
        if (same is not null)
        {
            mappedAbstract = XmlScan.Elements(same, "w:abstractNum").First()["w:abstractNumId"];
        }
        else
        {
            mappedAbstract = (definitions.Select(d => int.Parse(XmlScan.Elements(d, "w:abstractNum").First()["w:abstractNumId"], CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1)
                .ToString(CultureInfo.InvariantCulture);
            var copy = AbstractId().Replace(definition, "${1}" + mappedAbstract + "\"", 1);
            var firstInstance = FirstElement(xml, "w:num");
            xml = firstInstance >= 0 ? xml.Insert(firstInstance, copy) : XmlScan.InsertBeforeEnd(xml, "w:numbering", copy);
        }

        var mapped = (XmlScan.Elements(xml, "w:num").Select(n => int.Parse(n["w:numId"], CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max() + 1)
            .ToString(CultureInfo.InvariantCulture);
        var numbered = NumId().Replace(instance, "${1}" + mapped + "\"", 1);
        numbered = AbstractReference().Replace(numbered, "${1}" + mappedAbstract + "\"", 1);
        var cleanup = xml.IndexOf("<w:numIdMacAtCleanup", StringComparison.Ordinal);
        xml = cleanup >= 0 ? xml.Insert(cleanup, numbered) : XmlScan.InsertBeforeEnd(xml, "w:numbering", numbered);
        current.SetText(part, xml);
        lists[numId] = mapped;
        return mapped;
    }

    private string NumberingPart()
    {
        if (RelatedParts.Numbering(current) is { } existing && current.Has(existing))
        {
            return existing;
        }

        var main = current.MainPart;
        var name = current.NewPartName(main[..(main.LastIndexOf('/') + 1)] + "numbering", "xml");
        current.SetText(name, XmlText.Declaration + "<w:numbering xmlns:w=\"" + WordNamespace + "\"></w:numbering>");
        current.Declare(name, PartTypes.Numbering.ContentType);
        current.Relate(main, PartTypes.Numbering.RelationshipType, TemplatePackage.Relative(main, name), external: false);
        return name;
    }

    /// <summary>Copies the style <paramref name="id"/> (and the styles it builds on) from the rendered letter when the document lacks it.</summary>
    private void EnsureStyle(string id)
    {
        var part = RelatedParts.Related(current, PartTypes.Styles.RelationshipType);
        var from = RelatedParts.Related(rendered, PartTypes.Styles.RelationshipType);
        if (part is null || from is null || current.Text(part) is not { } styles || styles.Contains($"w:styleId=\"{id}\"", StringComparison.Ordinal))
        {
            return;
        }

        var source = rendered.Text(from)!;
        if (XmlScan.Find(source, "w:style", "w:styleId", id) is not var (start, end))
        {
            return;
        }

        var style = source[start..end];
        current.SetText(part, XmlScan.InsertBeforeEnd(styles, "w:styles", style));
        foreach (Match related in RelatedStyle().Matches(style))
        {
            EnsureStyle(related.Groups[1].Value);
        }
    }

    private static string ContentType(DraftPackage package, string partName)
    {
        var types = package.Text("/" + TemplatePackage.ContentTypesEntry)!;
        var extension = Path.GetExtension(partName).TrimStart('.');
        return XmlScan.Elements(types, "Override").FirstOrDefault(o => string.Equals(o.GetValueOrDefault("PartName"), partName, StringComparison.OrdinalIgnoreCase))?["ContentType"]
            ?? XmlScan.Elements(types, "Default").FirstOrDefault(d => string.Equals(d.GetValueOrDefault("Extension"), extension, StringComparison.OrdinalIgnoreCase))?["ContentType"]
            ?? "application/octet-stream";
    }

    private static int FirstElement(string xml, string name)
    {
        for (var at = xml.IndexOf("<" + name, StringComparison.Ordinal); at >= 0; at = xml.IndexOf("<" + name, at + 1, StringComparison.Ordinal))
        {
            if (xml[at + name.Length + 1] is ' ' or '>' or '/')
            {
                return at;
            }
        }

        return -1;
    }

    private static string WithoutId(string definition) => AbstractId().Replace(definition, "${1}\"", 1);

    [GeneratedRegex("\\b(r:(?:id|embed|link|pict))=\"([^\"]*)\"")]
    private static partial Regex RelationshipId();

    [GeneratedRegex("(<w:footnoteReference\\b[^>]*?\\bw:id=\")(-?\\d+)\"")]
    private static partial Regex FootnoteReference();

    [GeneratedRegex("(<w:numId\\b[^>]*?\\bw:val=\")(\\d+)\"")]
    private static partial Regex ListNumber();

    [GeneratedRegex("<w:(?:pStyle|rStyle|tblStyle)\\b[^>]*?\\bw:val=\"([^\"]*)\"")]
    private static partial Regex StyleReference();

    [GeneratedRegex("<w:(?:basedOn|next|link)\\b[^>]*?\\bw:val=\"([^\"]*)\"")]
    private static partial Regex RelatedStyle();

    [GeneratedRegex("(<wp:docPr\\b[^>]*?\\bid=\")(\\d+)\"")]
    private static partial Regex DrawingId();

    [GeneratedRegex("(<w:abstractNum\\b[^>]*?\\bw:abstractNumId=\")\\d*\"")]
    private static partial Regex AbstractId();

    [GeneratedRegex("(<w:num\\b[^>]*?\\bw:numId=\")\\d+\"")]
    private static partial Regex NumId();

    [GeneratedRegex("(<w:abstractNumId\\b[^>]*?\\bw:val=\")\\d+\"")]
    private static partial Regex AbstractReference();
}
