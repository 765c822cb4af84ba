using System.Buffers;
using System.IO.Compression;
using System.IO.Hashing;
using System.Xml;

namespace ResponseDrafter.Documents.Import;

/// <summary>
/// Checks an uploaded file before anything reads its parts: size, signature, the zip's parts and their real
/// decompressed sizes, content types and relationships. Nothing in the file is executed or fetched, and nothing is
/// extracted to disk; every part is decompressed into a counting sink with a byte budget, so a zip whose headers lie
/// about sizes is caught too. The rules are listed in docs/import.md.
/// </summary>
public static class WordUpload
{
    private const string WordDocument = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string WordTemplate = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const long LargePart = 1024 * 1024;

    /// <summary>Parts read as XML here are small; anything bigger than this is not a real content types or relationships part.</summary>
    private const int MaxXmlPart = 4 * 1024 * 1024;

    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Null when the file may be opened; otherwise why it is refused.</summary>
    public static UploadRefusal? Inspect(byte[]? bytes, string? fileName, UploadLimits? limits = null)
    {
        var refusal = Inspect(bytes, fileName, limits, retain: null, out var parts);
        parts?.Dispose();
        return refusal;
    }

    /// <summary>
    /// Inspects the file as <see cref="Inspect(byte[], string, UploadLimits)"/> does, and hands back the decompressed
    /// content of the parts whose zip entry names <paramref name="retain"/> chooses, so that a reader after it need not
    /// decompress them again. The parts are handed back only when the file passes; the caller disposes of them.
    /// </summary>
    internal static UploadRefusal? Inspect(byte[]? bytes, string? fileName, UploadLimits? limits, Func<string, bool>? retain, out InspectedParts? retained)
    {
        retained = null;
        limits ??= UploadLimits.Default;
        var name = Name(fileName);
        if (bytes is null || bytes.Length == 0)
        {
            return new(UploadRefusalCode.Empty, $"{name} is empty. Choose the Word document again and upload it.");
        }

        if (bytes.Length > limits.MaxBytes)
        {
            return new(UploadRefusalCode.TooLarge, $"{name} is {Size(bytes.Length)}; the largest file that can be uploaded is {Size(limits.MaxBytes)}. " +
                "Remove large pictures from it, or paste its text instead.");
        }

        if (bytes.AsSpan().StartsWith(CompoundFile))
        {
            return new(UploadRefusalCode.EncryptedOrLegacyWord, $"{name} is password-protected, or is an old-style Word 97–2003 (.doc) file. " +
                "Remove the password, or save it as a Word document (.docx), and upload it again.");
        }

        if (!bytes.AsSpan().StartsWith("PK\x03\x04"u8))
        {
            return new(UploadRefusalCode.NotWord, $"{name} is not a Word document (.docx){Kind(bytes)}. Upload the Word document, or paste its text.");
        }

        var parts = new InspectedParts();
        try
        {
            var refusal = InspectPackage(bytes, name, limits, retain, parts);
            retained = refusal is null ? parts : null;
            return refusal;
        }
        catch (XmlException)
        {
            return UnreadableXmlNamed(name);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or NotSupportedException)
        {
            return Malformed(name, "its contents cannot be read");
        }
        finally
        {
            if (retained is null)
            {
                parts.Dispose();
            }
        }
    }

    private static UploadRefusal? InspectPackage(byte[] bytes, string name, UploadLimits limits, Func<string, bool>? retain, InspectedParts kept)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        var entries = zip.Entries;
        if (entries.Count > limits.MaxParts)
        {
            return new(UploadRefusalCode.TooManyParts, $"{name} has {entries.Count} parts; a Word document accepted here has at most {limits.MaxParts}. " +
                "Copy its text into a new document, or paste the text instead.");
        }

        if (entries.GroupBy(e => e.FullName, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            return Malformed(name, "two of its parts have the same name");
        }

        if (entries.FirstOrDefault(e => !IsInsidePackage(e.FullName)) is { } outside)
        {
            return Malformed(name, $"its part {Part(outside)} is named with a path that leads outside the package, which Word never writes");
        }

        if (entries.Any(e => e.IsEncrypted))
        {
            return Malformed(name, "some of its parts are zip-encrypted, which Word never does");
        }

        if (Expansion(entries, name, limits) is { } tooBig)
        {
            return tooBig;
        }

        long budget = limits.MaxExpandedBytes;
        var buffer = new byte[81920];
        foreach (var entry in entries)
        {
            var isPackageXml = IsPackageXml(entry.FullName);
            if (isPackageXml && entry.Length > MaxXmlPart)
            {
                return Malformed(name, $"its part {Part(entry)} is far larger than such a part can be");
            }

            if (entry.Length > limits.MaxPartBytes)
            {
                return new(UploadRefusalCode.PartTooLarge, $"{name} has been refused as unsafe: its part {Part(entry)} would expand to {Size(entry.Length)}, " +
                    $"more than any part of a letter or report needs (the limit is {Size(limits.MaxPartBytes)}). If it is a genuine document, split it, or paste the text you need instead.");
            }

            var keep = isPackageXml || retain?.Invoke(entry.FullName) == true;
            var (content, length, crc, stop) = Drain(entry, ref budget, keep, isPackageXml, limits, buffer);
            if (content is not null)
            {
                kept.Add(entry.FullName, content, length);
            }

            switch (stop)
            {
                case DrainStop.Overrun:
                    return ExpandsTooMuch(name, limits, "its parts hold more data than their headers declare");
                case DrainStop.Doctype:
                    return new(UploadRefusalCode.Dtd, $"{name} has been refused as unsafe: its part {Part(entry)} declares a DTD (document type definition), " +
                        "which Word never writes and which is how entity-expansion attacks begin. Open it in Word, save a copy, and upload that.");
                case DrainStop.TooManyElements:
                    return TooManyElements(name, $"its part {Part(entry)} has more than {limits.MaxTagsPerPart:N0} tags, far more elements than a letter or report has");
            }

            // The runtime stops reading a part at the size its header declares, so a header that understates the size
            // shows up here, as a part that does not match its checksum.
            if (crc != entry.Crc32)
            {
                return Malformed(name, $"its part {Part(entry)} does not match its checksum, so its headers do not describe its contents");
            }

        }

        if (!kept.TryGet("[Content_Types].xml", out var contentTypes))
        {
            return Malformed(name, "it has no [Content_Types].xml part");
        }

        return CheckContent(ContentTypes(contentTypes), entries, kept.All.Where(x => x.Key.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)), name)
            ?? CheckMainPart(kept, entries, name);
    }

    /// <summary>The package must name its main part in _rels/.rels, and hold it.</summary>
    private static UploadRefusal? CheckMainPart(InspectedParts kept, IReadOnlyCollection<ZipArchiveEntry> entries, string name)
    {
        var main = kept.TryGet("_rels/.rels", out var rels)
            ? Relationships(rels).FirstOrDefault(r => !r.External && r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target
            : null;
        if (main is null)
        {
            return MissingMainPart(name, "it does not say which part is the document (no main part in _rels/.rels)");
        }

        string entry;
        try
        {
            entry = Assembly.TemplatePackage.Resolve("/", main).TrimStart('/');
        }
        catch (UriFormatException)
        {
            return MissingMainPart(name, "the name it gives its document part is not a part name");
        }

        return entries.Any(e => e.FullName.Equals(entry, StringComparison.OrdinalIgnoreCase)) ? null
            : MissingMainPart(name, "the document part it names is not in the file");
    }

    private static UploadRefusal? Expansion(IReadOnlyCollection<ZipArchiveEntry> entries, string name, UploadLimits limits)
    {
        var declared = entries.Sum(e => e.Length);
        if (declared > limits.MaxExpandedBytes)
        {
            return ExpandsTooMuch(name, limits, $"it would expand to {Size(declared)}");
        }

        var bomb = entries.FirstOrDefault(e => e.Length > LargePart && e.Length / Math.Max(1, e.CompressedLength) > limits.MaxExpansionRatio);
        return bomb is null ? null
            : ExpandsTooMuch(name, limits, $"its part {Part(bomb)} expands {bomb.Length / Math.Max(1, bomb.CompressedLength)} times");
    }

    private enum DrainStop
    {
        None,
        Overrun,
        Doctype,
        TooManyElements,
    }

    /// <summary>
    /// Decompresses an entry into nothing but its checksum, or also into a buffer from the shared pool when
    /// <paramref name="keep"/>. In the same pass (the bytes are in cache) it counts the entry's '&lt;' with a vectorised
    /// count and, in an XML part, looks for a DTD in its first block, so no part is read twice. (An embedded HTML chunk may
    /// well start with a DOCTYPE; it is refused as an embedded object instead.) It stops at an overrun of the declared
    /// size, of the total budget or (for a package XML part) of the size such a part may have; at a DTD; or at more tags
    /// than <see cref="UploadLimits.MaxTagsPerPart"/>. The buffer is rented at the declared size, which the budget has
    /// already bounded, and is handed back even when the entry stops early, for the caller to return.
    /// </summary>
    private static (byte[]? Content, int Length, uint Crc, DrainStop Stop) Drain(
        ZipArchiveEntry entry, ref long budget, bool keep, bool isPackageXml, UploadLimits limits, byte[] buffer)
    {
        using var stream = entry.Open();
        var kept = keep ? ArrayPool<byte>.Shared.Rent((int)entry.Length) : null;
        var isXml = DocxParts.Wanted(entry.FullName);
        long total = 0;
        long tags = 0;
        var crc = new Crc32();
        while (true)
        {
            // Whatever comes beyond the declared size goes to the scratch buffer, to be refused below.
            var into = kept is not null && total < entry.Length ? kept.AsSpan((int)total, (int)(entry.Length - total)) : buffer.AsSpan();
            var read = stream.Read(into);
            if (read == 0)
            {
                break;
            }

            if (total == 0 && isXml && XmlSafety.DeclaresDoctype(into[..read]))
            {
                return (kept, -1, 0, DrainStop.Doctype);
            }

            total += read;
            budget -= read;
            if (total > entry.Length || budget < 0 || (isPackageXml && total > MaxXmlPart))
            {
                return (kept, -1, 0, DrainStop.Overrun);
            }

            tags += into[..read].Count((byte)'<');
            if (tags > limits.MaxTagsPerPart)
            {
                return (kept, -1, 0, DrainStop.TooManyElements);
            }

            crc.Append(into[..read]);
        }

        return (kept, (int)total, crc.GetCurrentHashAsUInt32(), DrainStop.None);
    }

    /// <summary>A zip entry name that stays inside the package: relative, forward slashes only, no "." or ".." segment.</summary>
    private static bool IsInsidePackage(string path) =>
        path.Length > 0 && path[0] != '/' && !path.Contains('\\') && !path.Contains(':')
        && !path.Split('/').Any(segment => segment is "." or "..");

    private static bool IsPackageXml(string path) =>
        path.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Macros, ActiveX, external links and embedded objects: every one found is named in the refusal's
    /// <see cref="UploadRefusal.Items"/>, and the first gives its code and message.
    /// </summary>
    private static UploadRefusal? CheckContent(List<string> types, IReadOnlyCollection<ZipArchiveEntry> entries, IEnumerable<KeyValuePair<string, ArraySegment<byte>>> rels, string name)
    {
        var found = new List<(UploadRefusal Refusal, string Item)>();
        var macros = entries.Where(e => e.Name.Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase) || e.Name.Equals("vbaData.xml", StringComparison.OrdinalIgnoreCase))
            .Select(Part).ToList();
        if (macros.Count > 0 || types.Any(t => t.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || t.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)))
        {
            found.Add((new(UploadRefusalCode.MacroEnabled, $"{name} contains macros. Save it in Word as a Word Document (.docx), which removes them, and upload that copy."),
                macros.Count > 0 ? $"macros ({string.Join(", ", macros)})" : "macros (a macro-enabled .docm or .dotm content type)"));
        }

        if (types.Any(t => t.Contains("activeX", StringComparison.OrdinalIgnoreCase)) || entries.Any(e => e.FullName.StartsWith("word/activeX/", StringComparison.OrdinalIgnoreCase)))
        {
            found.Add((ActiveX(name), "ActiveX controls"));
        }

        if (found.Count == 0 && !types.Any(t => t.Equals(WordDocument, StringComparison.OrdinalIgnoreCase) || t.Equals(WordTemplate, StringComparison.OrdinalIgnoreCase)))
        {
            var what = types.Any(t => t.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase)) ? " (it is an Excel workbook)"
                : types.Any(t => t.Contains("presentationml", StringComparison.OrdinalIgnoreCase)) ? " (it is a PowerPoint presentation)"
                : string.Empty;
            return new(UploadRefusalCode.NotWord, $"{name} is not a Word document{what}. Upload the force's Word document (.docx).");
        }

        found.AddRange(RelationshipFindings(rels, name));
        if (found.Count == 0)
        {
            return null;
        }

        var items = found.Select(f => f.Item).Distinct(StringComparer.Ordinal).ToList();
        var first = found[0].Refusal;
        return first with
        {
            Message = items.Count > 1 ? $"{first.Message} Everything refused in it: {string.Join("; ", items)}." : first.Message,
            Items = items,
        };
    }

    private static IEnumerable<(UploadRefusal Refusal, string Item)> RelationshipFindings(IEnumerable<KeyValuePair<string, ArraySegment<byte>>> parts, string name)
    {
        foreach (var (path, content) in parts)
        {
            foreach (var (type, external, target) in Relationships(content))
            {
                var kind = type[(type.LastIndexOf('/') + 1)..];
                if (external && kind != "hyperlink")
                {
                    yield return (new(UploadRefusalCode.ExternalRelationship, $"{name} links to outside content ({Describe(kind)}) that Word would fetch when opening it. " +
                        "Remove the link, or copy the text into a new document, and upload it again."), $"{Describe(kind)} at {Shown(target)}");
                }
                else if (kind is "aFChunk" or "oleObject" || (kind == "package" && !path.StartsWith("word/charts/", StringComparison.OrdinalIgnoreCase)))
                {
                    yield return (new(UploadRefusalCode.EmbeddedObject, $"{name} contains {Describe(kind)}, whose text cannot be imported. " +
                        "Paste its text into the document in place of the object, or open the file in Word and save a copy, and upload it again."), $"{Describe(kind)} ({Shown(target)})");
                }
                else if (kind == "control")
                {
                    yield return (ActiveX(name), "ActiveX controls");
                }
            }
        }
    }

    private static UploadRefusal ActiveX(string name) =>
        new(UploadRefusalCode.ActiveContent, $"{name} contains ActiveX controls, which could run code. Remove them (or copy the text into a new document) and upload it again.");

    /// <summary>A relationship's target as the file gives it, shortened and without control characters, for a message.</summary>
    private static string Shown(string target)
    {
        var shown = new string([.. target.Take(80).Select(c => char.IsControl(c) ? '?' : c)]);
        return target.Length > 80 ? shown + "…" : shown;
    }

    private static string Describe(string kind) => kind switch
    {
        "attachedTemplate" => "an attached template",
        "image" => "a picture linked from elsewhere",
        "oleObject" => "an embedded or linked object",
        "package" => "an embedded document or workbook",
        "aFChunk" => "an embedded document (altChunk)",
        "subDocument" => "a subdocument",
        "frame" => "a web frame",
        _ => $"a '{new string([.. kind.Take(40).Where(char.IsAsciiLetterOrDigit)])}' link",
    };

    private static List<string> ContentTypes(ArraySegment<byte> content)
    {
        var types = new List<string>();
        using var reader = SafeXml(content);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == ContentTypesNamespace && reader.GetAttribute("ContentType") is { } type)
            {
                types.Add(type);
            }
        }

        return types;
    }

    private static List<(string Type, bool External, string Target)> Relationships(ArraySegment<byte> content)
    {
        var found = new List<(string, bool, string)>();
        using var reader = SafeXml(content);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.NamespaceURI == RelationshipsNamespace)
            {
                var external = string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
                found.Add((reader.GetAttribute("Type") ?? string.Empty, external, reader.GetAttribute("Target") ?? string.Empty));
            }
        }

        return found;
    }

    private static XmlReader SafeXml(ArraySegment<byte> content) => XmlReader.Create(new MemoryStream(content.Array!, content.Offset, content.Count, writable: false), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxXmlPart,
        IgnoreComments = true,
    });

    /// <summary>
    /// For a file that passed <see cref="Inspect(byte[], string, UploadLimits)"/> and is about to be opened with a reader
    /// that builds a DOM (the Open XML SDK, for templates): reads every XML part once through a bounded, DTD-prohibiting
    /// XmlReader, so that malformed XML is refused here with its own code rather than met inside the DOM. The readers of
    /// letters and imports stream their parts with the same settings and need no such pass.
    /// </summary>
    public static UploadRefusal? InspectXml(byte[] bytes, string? fileName, UploadLimits? limits = null)
    {
        limits ??= UploadLimits.Default;
        var settings = XmlSafety.Settings();
        settings.MaxCharactersInDocument = limits.MaxPartBytes;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries.Where(e => DocxParts.Wanted(e.FullName)))
            {
                using var reader = XmlReader.Create(entry.Open(), settings);
                while (reader.Read())
                {
                }
            }

            return null;
        }
        catch (XmlException)
        {
            return UnreadableXml(fileName);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            return Malformed(Name(fileName), "its contents cannot be read");
        }
    }

    /// <summary>The refusal for a file that passed inspection but whose parts could not be read.</summary>
    internal static UploadRefusal Damaged(string? fileName, string why) => Malformed(Name(fileName), why);

    /// <summary>The refusal for a file that passed inspection but one of whose parts is not well-formed XML (or hides a DTD past the first block).</summary>
    internal static UploadRefusal UnreadableXml(string? fileName) => UnreadableXmlNamed(Name(fileName));

    /// <summary>The refusal for a file whose package names a main part that cannot be found.</summary>
    internal static UploadRefusal NoMainPart(string? fileName) => MissingMainPart(Name(fileName), "the document part it names is not in the file");

    private static UploadRefusal UnreadableXmlNamed(string name) =>
        new(UploadRefusalCode.MalformedXml, $"{name} is damaged: some of the XML inside it is not well-formed (or declares a DTD, which is never accepted). " +
            "Open it in Word, save a copy, and upload that.");

    private static UploadRefusal MissingMainPart(string name, string why) =>
        new(UploadRefusalCode.MissingMainPart, $"{name} is not a complete Word document: {why}. Open it in Word, save a copy, and upload that.");

    private static UploadRefusal TooManyElements(string name, string why) =>
        new(UploadRefusalCode.TooManyElements, $"{name} has been refused as unsafe: {why}. " +
            "If it is a genuine document, split it, or paste the text of the part you need instead.");

    private static UploadRefusal Malformed(string name, string why) =>
        new(UploadRefusalCode.Malformed, $"{name} is damaged or is not a complete Word document: {why}. Open it in Word, save a copy, and upload that.");

    private static UploadRefusal ExpandsTooMuch(string name, UploadLimits limits, string why) =>
        new(UploadRefusalCode.ExpandsTooMuch, $"{name} has been refused as unsafe: {why}, more than a Word document needs (the limit is {Size(limits.MaxExpandedBytes)} in all). " +
            "If it is a genuine document, remove large pictures or paste its text instead.");

    private static string Kind(byte[] bytes) =>
        bytes.AsSpan().StartsWith("%PDF"u8) ? " (it is a PDF)"
        : bytes.AsSpan().StartsWith("{\\rtf"u8) ? " (it is a Rich Text file)"
        : string.Empty;

    private static string Name(string? fileName)
    {
        var name = new string([.. Path.GetFileName(fileName ?? string.Empty).Trim().Where(c => !char.IsControl(c))]);
        return name.Length == 0 ? "The file" : $"\"{(name.Length > 80 ? name[..80] + "…" : name)}\"";
    }

    /// <summary>A part's name as the file gives it, shortened and without control characters, for a message.</summary>
    private static string Part(ZipArchiveEntry entry)
    {
        var name = new string([.. entry.FullName.Take(80).Select(c => char.IsControl(c) ? '?' : c)]);
        return entry.FullName.Length > 80 ? name + "…" : name;
    }

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}

/// <summary>
/// The parts inspection decompressed, by zip entry name (as the zip spells it, looked up without regard to case).
/// Their buffers belong to the shared array pool, so that reading a letter does not allocate its largest parts
/// afresh each time; disposing hands them back, after which no content may be used.
/// </summary>
internal sealed class InspectedParts : IDisposable
{
    private readonly Dictionary<string, ArraySegment<byte>> parts = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<KeyValuePair<string, ArraySegment<byte>>> All => parts;

    public bool TryGet(string entry, out ArraySegment<byte> content) => parts.TryGetValue(entry, out content);

    public void Add(string entry, byte[] rented, int length)
    {
        if (!parts.TryAdd(entry, new ArraySegment<byte>(rented, 0, Math.Max(length, 0))))
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public void Dispose()
    {
        foreach (var part in parts.Values)
        {
            ArrayPool<byte>.Shared.Return(part.Array!);
        }

        parts.Clear();
    }
}
