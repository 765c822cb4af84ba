using System.Text.RegularExpressions;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Cli.Tests;

/// <summary>
/// The proof that rendered letters open and lay out in a real word processor: each example request is rendered,
/// converted to PDF by LibreOffice, and the PDF is read back with poppler-utils (pdfinfo, pdftotext), all through
/// the shared <see cref="PdfTools"/>.
/// The PDFs and the .docx files they came from are attached to the test result (with --report-trx they are
/// copied into the results folder, TestResults/ for scripts/test.sh) for a reviewer to look at.
/// </summary>
[TestClass]
public sealed partial class LibreOfficeRenderingTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void ExampleLettersConvertToPdfInLibreOfficeWithTheirSubjectAndSignatory()
    {
        var output = Directory.CreateDirectory(Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "libreoffice-rendering"));
        var examples = new (string Request, int MinimumPages)[]
        {
            ("essex-hidden-victims-2021.json", 2),
            ("suffolk-hidden-victims-2021.json", 1),
            ("minimal.json", 1),
        };

        var documents = examples.Select(e => Render(e.Request, output)).ToList();

        // LibreOffice's own PDF export ("pdf"), not the server's options: the proof is that the letters open and lay out.
        PdfTools.ConvertToPdf(documents, output.FullName, convertTo: "pdf");

        foreach (var (request, minimumPages) in examples)
        {
            var pdf = Path.Combine(output.FullName, Path.ChangeExtension(request, ".pdf"));
            Assert.IsTrue(File.Exists(pdf), $"LibreOffice produced no PDF for {request}");
            TestContext.AddResultFile(pdf);
            TestContext.AddResultFile(Path.ChangeExtension(pdf, ".docx"));

            var pages = PdfTools.PageCount(pdf);
            Assert.IsGreaterThanOrEqualTo(minimumPages, pages, $"{request}: {pages} page(s)");

            var letter = LetterJson.Parse(File.ReadAllText(Path.Combine(CliRun.Examples, request))).Letter!;
            var text = Flatten(PdfTools.Text(pdf));
            StringAssert.Contains(text, Flatten(letter.Subject), StringComparison.OrdinalIgnoreCase, $"{request}: the PDF lacks the subject");
            StringAssert.Contains(text, Flatten(letter.Signatory.Name), StringComparison.OrdinalIgnoreCase, $"{request}: the PDF lacks the signatory's name");
        }
    }

    private static string Render(string request, DirectoryInfo output)
    {
        var docx = Path.Combine(output.FullName, Path.ChangeExtension(request, ".docx"));
        var result = CliRun.Run("render", Path.Combine(CliRun.Examples, request), "-o", docx);
        Assert.AreEqual(ExitCodes.Success, result.ExitCode, $"{request}: {result.Stderr}");
        return docx;
    }

    private static string Flatten(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
