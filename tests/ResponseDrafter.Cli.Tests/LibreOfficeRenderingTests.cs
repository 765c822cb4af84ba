using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Cli.Tests;

/// <summary>
/// The proof that rendered letters open and lay out in a real word processor: each example request is rendered,
/// converted to PDF by LibreOffice, and the PDF is read back with poppler-utils (pdfinfo, pdftotext).
/// The PDFs and the .docx files they came from are attached to the test result (with --report-trx they are
/// copied into the results folder, TestResults/ for scripts/test.sh) for a reviewer to look at.
/// </summary>
[TestClass]
public sealed partial class LibreOfficeRenderingTests
{
    private static readonly TimeSpan ConversionTimeout = TimeSpan.FromSeconds(120);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void ExampleLettersConvertToPdfInLibreOfficeWithTheirSubjectAndSignatory()
    {
        var soffice = Tool("soffice", "LibreOffice is not installed: run 'sudo apt-get install libreoffice-writer' (scripts/test.sh installs it), then run the tests again.");
        var pdfinfo = Tool("pdfinfo", "poppler-utils is not installed: run 'sudo apt-get install poppler-utils' (scripts/test.sh installs it), then run the tests again.");
        var pdftotext = Tool("pdftotext", "poppler-utils is not installed: run 'sudo apt-get install poppler-utils' (scripts/test.sh installs it), then run the tests again.");
        var output = Directory.CreateDirectory(Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "libreoffice-rendering"));
        var examples = new (string Request, int MinimumPages)[]
        {
            ("essex-hidden-victims-2021.json", 2),
            ("suffolk-hidden-victims-2021.json", 1),
            ("minimal.json", 1),
        };

        var documents = examples.Select(e => Render(e.Request, output)).ToList();
        Convert(soffice, documents, output);

        foreach (var (request, minimumPages) in examples)
        {
            var pdf = Path.Combine(output.FullName, Path.ChangeExtension(request, ".pdf"));
            Assert.IsTrue(File.Exists(pdf), $"LibreOffice produced no PDF for {request}");
            TestContext.AddResultFile(pdf);
            TestContext.AddResultFile(Path.ChangeExtension(pdf, ".docx"));

            var pages = int.Parse(PagesLine().Match(RunTool(pdfinfo, [pdf]).Output).Groups["pages"].Value, CultureInfo.InvariantCulture);
            Assert.IsGreaterThanOrEqualTo(minimumPages, pages, $"{request}: {pages} page(s)");

            var letter = LetterJson.Parse(File.ReadAllText(Path.Combine(CliRun.Examples, request))).Letter!;
            var text = Flatten(RunTool(pdftotext, ["-enc", "UTF-8", pdf, "-"]).Output);
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

    private static void Convert(string soffice, List<string> documents, DirectoryInfo output)
    {
        // A profile of its own, so that parallel or concurrent runs never share LibreOffice's lock.
        var profile = Directory.CreateTempSubdirectory("responsedrafter-lo-");
        try
        {
            var (exitCode, log) = RunTool(
                soffice,
                [$"-env:UserInstallation={new Uri(profile.FullName).AbsoluteUri}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", output.FullName, .. documents]);
            Assert.AreEqual(0, exitCode, log);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Output) RunTool(string path, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ConversionTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(path)} did not finish within {ConversionTimeout.TotalSeconds} s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Tool(string name, string howToInstall)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Fail(howToInstall);
        }

        return found;
    }

    private static string Flatten(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^Pages:\s+(?<pages>\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
