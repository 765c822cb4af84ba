using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Import;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Benchmarks;

/// <summary>
/// Reads a 150-page report PDF into the recommendations preview, as the import endpoint and the CLI do: PdfPig's text
/// of every page, page furniture, line-end hyphens and the recommendations. The PDF is made once by LibreOffice from a
/// Word file laid out as HMICFRS lays out a report (running header, page numbers, chapters of findings, then 40
/// recommendations).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PdfImportBenchmarks
{
    private byte[] pdf = null!;

    [GlobalSetup]
    public void Setup()
    {
        var file = new WordFile().Heading(1, "A long inspection report").Paragraph("Published 26 May 2021");
        for (var chapter = 1; chapter <= 100; chapter++)
        {
            file.Heading(1, $"Chapter {chapter}: what the inspection found");
            for (var paragraph = 1; paragraph <= 14; paragraph++)
            {
                file.Paragraph($"Finding {chapter}.{paragraph}: in this force the inspection saw that officers recognised the signs of exploitation in " +
                    $"{paragraph * 3} of the cases it reviewed, that supervisors checked the investigation plans in most of them, and that the " +
                    "force's partners were told of the victims' needs promptly, although support sometimes ended when the criminal case closed.");
            }
        }

        file.Heading(1, "Recommendations");
        for (var number = 1; number <= 40; number++)
        {
            file.Paragraph($"Recommendation {number}: To chief constables")
                .Paragraph($"By 31 March 2026, chief constables should make sure that the {number}th finding of this report is acted on, " +
                    "that victims are told what support is available, and that the results are published.");
        }

        var docx = file.Build(document =>
        {
            var main = document.MainDocumentPart!;
            var header = main.AddNewPart<DocumentFormat.OpenXml.Packaging.HeaderPart>();
            header.Header = new Header(new Paragraph(new Run(new Text("A long inspection report: HMICFRS"))));
            main.Document.Body!.Append(new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) }));
        });
        pdf = PdfTools.ToPdf(new Dictionary<string, byte[]> { ["report"] = docx })["report"];
        var read = PdfReport.Read(pdf, "report.pdf");
        if (read.Preview is not { Recommendations.Count: 40 })
        {
            throw new InvalidOperationException($"The benchmark report must give its 40 recommendations: {read.Refusal?.Message ?? read.Preview?.Recommendations.Count.ToString()}");
        }

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Console.WriteLine($"// The benchmark report has {document.NumberOfPages} pages, {pdf.Length / 1024} KB.");
    }

    [Benchmark]
    public int Read() => PdfReport.Read(pdf, "report.pdf").Preview!.Recommendations.Count;
}
