using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Drawing.Wordprocessing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Markup;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>
/// What every assembly from one template starts from, worked out once: the template's package (with a header on
/// every kind of page, for the DRAFT marking) read into entries, its body, headers and tagged footers compiled to
/// skeletons, and the parts rich text and the letter's properties add to, cut where they add.
/// </summary>
internal sealed record AssemblySource(
    TemplatePackage Package,
    int Size,
    string MainPart,
    IReadOnlyList<PartSkeleton> Parts,
    uint MaxDrawingId,
    RichTextWriter.Source Markup,
    CoreProperties Properties,
    IReadOnlyList<DraftIdentityPart.Earlier> EarlierIdentities)
{
    public static AssemblySource From(byte[] template)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        List<PartSkeleton> parts = [];
        uint maxDrawingId;
        RichTextWriter.Source markup;
        string mainPartName;
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var mainPart = document.MainDocumentPart!;
            var sections = Sections(mainPart.Document!.Body!);
            EnsureHeaders(mainPart, sections[0]);
            var pageHeaders = sections.SelectMany(s => s.Elements<HeaderReference>())
                .Select(r => mainPart.GetPartById(r.Id!).Uri)
                .ToHashSet();

            parts.Add(SkeletonCompiler.Compile(mainPart.Uri, mainPart.Document, isHeader: false));
            parts.AddRange(mainPart.HeaderParts.Select(h => SkeletonCompiler.Compile(h.Uri, h.Header!, pageHeaders.Contains(h.Uri))));
            parts.AddRange(mainPart.FooterParts.Select(f => SkeletonCompiler.Compile(f.Uri, f.Footer!, isHeader: false)).Where(s => s.Tagged));
            maxDrawingId = new OpenXmlElement[] { mainPart.Document }
                .Concat(mainPart.HeaderParts.Select(h => h.Header!))
                .Concat(mainPart.FooterParts.Select(f => f.Footer!))
                .SelectMany(root => root.Descendants<DocProperties>())
                .Select(d => d.Id?.Value ?? 0u)
                .DefaultIfEmpty(0u)
                .Max();
            markup = RichTextWriter.Source.Compile(mainPart);
            mainPartName = mainPart.Uri.OriginalString;
        }

        var package = TemplatePackage.Read(stream.ToArray());
        return new AssemblySource(
            package,
            (int)stream.Length,
            mainPartName,
            parts,
            maxDrawingId,
            markup,
            CoreProperties.Compile(package),
            DraftIdentityPart.Find(package, mainPartName));
    }

    /// <summary>Section properties in document order; a body without any gets one.</summary>
    private static List<SectionProperties> Sections(Body body)
    {
        var sections = body.Elements<Paragraph>()
            .Select(p => p.ParagraphProperties?.SectionProperties)
            .OfType<SectionProperties>()
            .ToList();
        if (body.LastChild is not SectionProperties last)
        {
            last = body.AppendChild(new SectionProperties());
        }

        sections.Add(last);
        return sections;
    }

    /// <summary>Later sections inherit the first one's headers, so only the first needs every kind of page covered.</summary>
    private static void EnsureHeaders(MainDocumentPart mainPart, SectionProperties first)
    {
        var needed = new List<HeaderFooterValues> { HeaderFooterValues.Default };
        if (first.GetFirstChild<TitlePage>() is { } titlePage && (titlePage.Val?.Value ?? true))
        {
            needed.Add(HeaderFooterValues.First);
        }

        if (mainPart.DocumentSettingsPart?.Settings?.GetFirstChild<EvenAndOddHeaders>() is { } evenAndOdd && (evenAndOdd.Val?.Value ?? true))
        {
            needed.Add(HeaderFooterValues.Even);
        }

        foreach (var type in needed.Where(t => !first.Elements<HeaderReference>().Any(r => r.Type?.Value == t)))
        {
            var header = mainPart.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph());
            first.PrependChild(new HeaderReference { Type = type, Id = mainPart.GetIdOfPart(header) });
        }
    }
}
