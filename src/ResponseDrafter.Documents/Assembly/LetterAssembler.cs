using System.Text;
using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>The assembled .docx and the completeness gaps it was marked DRAFT for (none when complete).</summary>
public sealed record AssembledLetter(byte[] Docx, IReadOnlyList<CompletenessGap> Gaps);

/// <summary>Either a letter, or the problems in the request that stopped assembly.</summary>
public sealed record AssemblyResult(AssembledLetter? Letter, IReadOnlyList<LetterProblem> Problems);

public static class LetterAssembler
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Validates the letter, then fills a copy of the template. An incomplete letter (see <see cref="Completeness"/>)
    /// is still assembled, marked DRAFT on every page, with its gaps returned.
    /// </summary>
    public static AssemblyResult Assemble(Letter letter, LetterTemplate template)
    {
        var problems = LetterValidator.Validate(letter);
        if (problems.Count > 0)
        {
            return new AssemblyResult(null, problems);
        }

        var gaps = Completeness.Check(letter);
        return new AssemblyResult(new AssembledLetter(Render(letter, template, gaps.Count), gaps), []);
    }

    /// <summary>The document for a letter already validated, marked DRAFT when <paramref name="gaps"/> is not zero.</summary>
    internal static byte[] Render(Letter letter, LetterTemplate template, int gaps)
    {
        var source = template.Source;
        var stream = new MemoryStream(source.Docx.Length * 2);
        stream.Write(source.Docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var mainPart = document.MainDocumentPart!;
            WriteParts(mainPart, source, LetterFields.For(letter, new RichContent(mainPart)), gaps);
            SetProperties(document, letter);
            DraftIdentityPart.Replace(mainPart, letter);
        }

        return stream.ToArray();
    }

    /// <summary>Writes the body, and each header or footer that has controls or must carry the DRAFT marking.</summary>
    private static void WriteParts(MainDocumentPart mainPart, AssemblySource source, Fields fields, int gaps)
    {
        var pictures = new Pictures(source.MaxDrawingId);
        var marking = gaps > 0 ? DraftMarking.Paragraph(gaps) : null;
        var parts = mainPart.HeaderParts.Cast<OpenXmlPart>().Concat(mainPart.FooterParts).Prepend(mainPart).ToDictionary(p => p.Uri);
        foreach (var skeleton in source.Parts)
        {
            var marked = marking is not null && skeleton.IsHeader;
            if (!skeleton.Tagged && !marked)
            {
                continue;
            }

            var part = parts[skeleton.PartUri];
            // A fresh builder per part: clearing a large one would copy its chunks into one new array.
            var xml = new StringBuilder(part is MainDocumentPart ? source.Docx.Length * 4 : 4096);
            using (var skeletonWriter = new SkeletonWriter(xml, skeleton, part, pictures))
            {
                skeletonWriter.Write(fields, marked ? marking : null);
            }

            using var writer = new StreamWriter(part.GetStream(FileMode.Create), Utf8);
            writer.Write(xml);
        }
    }

    private static void SetProperties(WordprocessingDocument document, Letter letter)
    {
        var properties = document.PackageProperties;
        properties.Title = letter.Subject;
        properties.Subject = letter.Report.Title;
        properties.Creator = letter.Opcc.Name;
        properties.LastModifiedBy = letter.Opcc.Name;
    }
}
