using System.Text;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>
/// Signs an approved letter: the signed letter is the approved bytes with the signature block completed and
/// nothing else changed, so that what was approved is visibly what was sent.
/// </summary>
public static class LetterSigning
{
    private const string SignatureTag = "signatory.signature";
    private const string DateTag = "signatory.date";

    /// <summary>
    /// The approved version with only its signature block completed: the signature picture placed in the
    /// signatory.signature control (scaled to fit 5 × 2 cm, with alt text, as assembly places it) and the signing
    /// date written into signatory.date (placeholder flag removed). Nothing else changes. When the document has no
    /// such control, that part is skipped. Returns the new bytes.
    /// </summary>
    public static byte[] Sign(byte[] approved, ImageAsset? signature, string signedOn)
    {
        ArgumentNullException.ThrowIfNull(approved);
        using var package = new DraftPackage(approved);
        var drawings = new ContentImport(package, package);
        var main = package.MainPart;
        IEnumerable<string> parts = [main, .. package.Relationships(main)
            .Where(r => !r.External && (r.Type.EndsWith("/header", StringComparison.Ordinal) || r.Type.EndsWith("/footer", StringComparison.Ordinal)))
            .Select(r => TemplatePackage.Resolve(main, r.Target))];
        foreach (var part in parts)
        {
            if (package.Text(part) is not { } xml || (!xml.Contains(SignatureTag, StringComparison.Ordinal) && !xml.Contains(DateTag, StringComparison.Ordinal)))
            {
                continue;
            }

            var edits = new List<LetterPatch.Edit>();
            foreach (var region in Flatten(PartRegions.Locate(xml)))
            {
                var content = region.Tag switch
                {
                    SignatureTag when Pictures.CanPlace(signature) => Picture(package, part, signature!, drawings.NextDrawingId()),
                    DateTag when !string.IsNullOrWhiteSpace(signedOn) => Date(xml, region, signedOn),
                    _ => null,
                };
                if (content is not null)
                {
                    edits.AddRange(Filled(xml, region, content, edits.Count));
                }
            }

            if (edits.Count > 0)
            {
                package.SetText(part, Splice(xml, edits));
            }
        }

        return package.Save();
    }

    private static string Picture(DraftPackage package, string part, ImageAsset image, uint id)
    {
        var (extension, contentType) = Pictures.Format(image)!.Value;
        var folder = part[..(part.LastIndexOf('/') + 1)];
        var name = package.NewPartName(folder + "media/image", extension);
        package.Add(name, image.Data);
        package.Declare(name, contentType);
        var relationship = package.Relate(part, PartTypes.Image, TemplatePackage.Relative(part, name), external: false);
        var xml = new StringBuilder("<w:r>");
        Pictures.Inline(xml, image, relationship, id, LetterFields.SignatureWidth, LetterFields.SignatureHeight);
        return xml.Append("</w:r>").ToString();
    }

    /// <summary>The date in a run formatted as the control says (its w:rPr), else plainly.</summary>
    private static string Date(string xml, RegionSpan region, string signedOn)
    {
        var properties = xml.AsSpan(region.Start, region.ContentStart - region.Start);
        var format = string.Empty;
        var start = properties.IndexOf("<w:rPr>");
        if (start >= 0)
        {
            var end = properties.IndexOf("</w:rPr>") + "</w:rPr>".Length;
            format = properties[start..end].ToString().Replace("<w:rStyle w:val=\"PlaceholderText\"/>", string.Empty, StringComparison.Ordinal);
        }

        var run = new StringBuilder("<w:r>").Append(format);
        RichContent.AppendText(run, signedOn);
        return run.Append("</w:r>").ToString();
    }

    /// <summary>The control's content replaced, and its placeholder flag (which would show the content as a prompt) removed.</summary>
    private static IEnumerable<LetterPatch.Edit> Filled(string xml, RegionSpan region, string content, int order)
    {
        foreach (var flag in new[] { "<w:showingPlcHdr/>", "<w:showingPlcHdr />" })
        {
            var at = xml.IndexOf(flag, region.Start, region.ContentStart - region.Start, StringComparison.Ordinal);
            if (at >= 0)
            {
                yield return new LetterPatch.Edit(at, at + flag.Length, string.Empty, order++);
            }
        }

        yield return LetterPatch.ContentEdit(xml, region, content, order);
    }

    private static string Splice(string xml, List<LetterPatch.Edit> edits)
    {
        edits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var text = new StringBuilder(xml.Length + edits.Sum(e => e.Text.Length));
        var position = 0;
        foreach (var edit in edits)
        {
            text.Append(xml, position, edit.Start - position).Append(edit.Text);
            position = edit.End;
        }

        text.Append(xml, position, xml.Length - position);
        return Namespaces.Declared(text.ToString(), edits);
    }

    private static IEnumerable<RegionSpan> Flatten(IEnumerable<RegionSpan> regions) =>
        regions.SelectMany(r => Flatten(r.Children).Prepend(r));
}
