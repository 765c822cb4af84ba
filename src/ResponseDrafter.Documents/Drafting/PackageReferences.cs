using System.Security.Cryptography;
using ResponseDrafter.Documents.Assembly;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>Resolves the ids in one part of a package for <see cref="RegionCanon"/>, each looked up once.</summary>
internal sealed class PackageReferences(DraftPackage package, string part) : IReferences
{
    private readonly Dictionary<string, string> resolved = new(StringComparer.Ordinal);
    private List<PackageRelationship>? relationships;
    private PackageReferences? notes;

    public string Relationship(string id) => Cached("r" + id, () =>
    {
        relationships ??= package.Relationships(part);
        if (relationships.Find(r => r.Id == id) is not { } relationship)
        {
            return "missing";
        }

        if (relationship.External)
        {
            return relationship.Target;
        }

        var bytes = package.Bytes(TemplatePackage.Resolve(part, relationship.Target));
        return bytes is null ? "missing" : Convert.ToHexString(SHA256.HashData(bytes));
    });

    public string Footnote(string id) => Cached("f" + id, () =>
    {
        var footnotes = RelatedParts.Footnotes(package);
        if (footnotes is null || package.Text(footnotes) is not { } xml || package.Find(footnotes, "w:footnote", "w:id", id) is not var (start, end))
        {
            return "missing";
        }

        notes ??= new PackageReferences(package, footnotes);
        return RegionCanon.Of(xml, XmlScan.TagEnd(xml, start), end, notes);
    });

    /// <summary>
    /// Footnote <paramref name="id"/>'s content as written, when it refers to nothing (no relationship, footnote or list
    /// id): then the same text is the same canonical footnote, and two renderings' footnotes compare without canonicalising.
    /// </summary>
    public bool TryPlainFootnote(string id, out ReadOnlySpan<char> text)
    {
        text = default;
        if (RelatedParts.Footnotes(package) is not { } footnotes || package.Text(footnotes) is not { } xml
            || package.Find(footnotes, "w:footnote", "w:id", id) is not var (start, end))
        {
            return false;
        }

        var content = xml.AsSpan(start, end - start)[(XmlScan.TagEnd(xml, start) - start)..];
        if (content.Contains("r:", StringComparison.Ordinal) || content.Contains("w:footnoteReference", StringComparison.Ordinal)
            || content.Contains("w:numId", StringComparison.Ordinal))
        {
            return false;
        }

        text = content;
        return true;
    }

    public string List(string numId) => Cached("n" + numId, () =>
    {
        var numbering = RelatedParts.Numbering(package);
        if (numbering is null || package.Text(numbering) is not { } xml || package.Find(numbering, "w:num", "w:numId", numId) is not var (start, end))
        {
            return "missing";
        }

        var abstractId = XmlScan.Elements(xml[start..end], "w:abstractNumId").FirstOrDefault()?.GetValueOrDefault("w:val") ?? string.Empty;
        var definition = package.Find(numbering, "w:abstractNum", "w:abstractNumId", abstractId);
        var none = new PackageReferences(package, numbering);
        return RegionCanon.Of(xml, start, end, none) + (definition is var (from, to) ? RegionCanon.Of(xml, from, to, none) : "missing");
    });

    private string Cached(string key, Func<string> resolve)
    {
        if (!resolved.TryGetValue(key, out var value))
        {
            value = resolve();
            resolved[key] = value;
        }

        return value;
    }
}

/// <summary>The parts the main document part relates: footnotes, numbering, styles, settings.</summary>
internal static class RelatedParts
{
    public static string? Footnotes(DraftPackage package) => Related(package, PartTypes.Footnotes.RelationshipType);

    public static string? Numbering(DraftPackage package) => Related(package, PartTypes.Numbering.RelationshipType);

    public static string? Related(DraftPackage package, string type)
    {
        var main = package.MainPart;
        return package.Relationships(main).Find(r => r.Type == type) is { External: false } relationship
            ? TemplatePackage.Resolve(main, relationship.Target)
            : null;
    }
}
