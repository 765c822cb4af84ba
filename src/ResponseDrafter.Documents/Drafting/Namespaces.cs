using ResponseDrafter.Documents.Assembly;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>Declares on a part's root the prefixes spliced XML uses, for a part its producer wrote without them.</summary>
internal static class Namespaces
{
    public static string Declared(string xml, IEnumerable<LetterPatch.Edit> edits)
    {
        var rootEnd = XmlScan.RootContentStart(xml) - 1;
        var root = xml[..rootEnd];
        var missing = string.Concat(PartXml.WrittenPrefixes
            .Where(p => !root.Contains($"xmlns:{p.Prefix}=", StringComparison.Ordinal)
                && edits.Any(e => e.Text.Contains($"<{p.Prefix}:", StringComparison.Ordinal) || e.Text.Contains($" {p.Prefix}:", StringComparison.Ordinal)))
            .Select(p => $" xmlns:{p.Prefix}=\"{p.Uri}\""));
        return missing.Length == 0 ? xml : xml.Insert(rootEnd, missing);
    }
}
