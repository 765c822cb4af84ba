using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Markup;
using ResponseDrafter.Documents.Rules;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>
/// What the document is for. <see cref="Final"/>: a finished letter, where a field with nothing to say goes with its
/// paragraph. <see cref="Editing"/>: a draft's document, which keeps the places people write (opening, context,
/// commentary, status, accountability, publication) and the signature block as empty controls.
/// </summary>
public enum LetterForm
{
    Final,
    Editing,
}

/// <summary>The assembled .docx and the completeness gaps it was marked DRAFT for (none when complete).</summary>
public sealed record AssembledLetter(byte[] Docx, IReadOnlyList<CompletenessGap> Gaps);

/// <summary>Either a letter, or the problems in the request that stopped assembly.</summary>
public sealed record AssemblyResult(AssembledLetter? Letter, IReadOnlyList<LetterProblem> Problems);

public static class LetterAssembler
{
    /// <summary>
    /// Validates the letter, then fills a copy of the template. An incomplete letter (see <see cref="Completeness"/>)
    /// is still assembled, marked DRAFT on every page, with its gaps returned.
    /// </summary>
    public static AssemblyResult Assemble(Letter letter, LetterTemplate template, LetterForm form = LetterForm.Final)
    {
        var markup = new ParsedMarkup();
        var problems = LetterValidator.Validate(letter, markup);
        if (problems.Count > 0)
        {
            return new AssemblyResult(null, problems);
        }

        var gaps = Completeness.Check(letter);
        return new AssemblyResult(new AssembledLetter(Render(letter, template, gaps.Count, markup, form), gaps), []);
    }

    /// <summary>The document for a letter already validated, marked DRAFT when <paramref name="gaps"/> is not zero.</summary>
    internal static byte[] Render(Letter letter, LetterTemplate template, int gaps, ParsedMarkup markup, LetterForm form = LetterForm.Final)
    {
        var source = template.Source;
        using var package = new LetterPackage(source.Package, source.Size * 2);
        var writer = new RichTextWriter(source.Markup, package);
        var rich = new RichContent(writer, markup);
        var pictures = new Pictures(source.MaxDrawingId, package);
        var fields = LetterFields.For(letter);
        var marking = gaps > 0 ? DraftMarking.Paragraph(gaps) : null;
        var skeletons = new SkeletonWriter(pictures, rich, form);
        foreach (var skeleton in source.Parts)
        {
            var marked = marking is not null && skeleton.IsHeader;
            if (skeleton.Tagged || marked)
            {
                using var output = package.Create(skeleton.PartName);
                skeletons.Write(output, skeleton, fields, marked ? marking : null);
            }
        }

        writer.Save();
        source.Properties.Write(package, letter);
        DraftIdentityPart.Replace(package, source.Package, source.EarlierIdentities, source.MainPart, letter);
        return package.Save();
    }
}
