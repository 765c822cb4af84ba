using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ResponseDrafter.Documents.Publication;

namespace ResponseDrafter.TestSupport;

/// <summary>
/// LibreOffice, poppler-utils and qpdf as the tests use them: Word files converted to PDF with the server's export
/// options (<see cref="PdfExport"/>), a PDF's page count (pdfinfo), text (pdftotext), pages as images (pdftoppm) and
/// structure (qpdf --json). scripts/test.sh
/// installs all three (Debian packages libreoffice-writer, poppler-utils, qpdf).
/// </summary>
public static partial class PdfTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>
    /// Converts every .docx to a PDF of the same name in <paramref name="outputFolder"/>, in one LibreOffice run with a
    /// profile of its own (so that concurrent runs never share LibreOffice's lock), with the server's export options
    /// unless <paramref name="convertTo"/> gives others ("pdf:writer_pdf_Export:{…}"). Returns the PDFs' paths.
    /// </summary>
    public static IReadOnlyList<string> ConvertToPdf(IReadOnlyList<string> documents, string outputFolder, string convertTo = PdfExport.LibreOfficeConvertTo)
    {
        var profile = Directory.CreateTempSubdirectory("responsedrafter-lo-");
        try
        {
            var (exitCode, output) = Run(
                Tool("soffice", "LibreOffice is not installed: run 'sudo apt-get install libreoffice-writer' (scripts/test.sh installs it)."),
                [$"-env:UserInstallation={new Uri(profile.FullName).AbsoluteUri}", "--headless", "--norestore", "--nolockcheck",
                    "--convert-to", convertTo, "--outdir", outputFolder, .. documents]);
            var pdfs = documents.Select(d => Path.Combine(outputFolder, Path.ChangeExtension(Path.GetFileName(d), ".pdf"))).ToList();
            return exitCode == 0 && pdfs.All(File.Exists)
                ? pdfs
                : throw new InvalidOperationException($"LibreOffice failed (exit code {exitCode}) or left out a PDF: {output}");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    /// <summary>Each named .docx as PDF bytes, converted together as <see cref="ConvertToPdf"/> does, in a folder deleted afterwards.</summary>
    public static IReadOnlyDictionary<string, byte[]> ToPdf(IReadOnlyDictionary<string, byte[]> documents, string convertTo = PdfExport.LibreOfficeConvertTo)
    {
        var work = Directory.CreateTempSubdirectory("responsedrafter-pdf-");
        try
        {
            var inputs = documents.Select(d =>
            {
                var path = Path.Combine(work.FullName, d.Key + ".docx");
                File.WriteAllBytes(path, d.Value);
                return path;
            }).ToList();
            var pdfs = ConvertToPdf(inputs, work.FullName, convertTo);
            return documents.Keys.Zip(pdfs).ToDictionary(p => p.First, p => File.ReadAllBytes(p.Second));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>How many pages the PDF has, as pdfinfo reads it.</summary>
    public static int PageCount(string pdf)
    {
        var (exitCode, output) = Run(Tool("pdfinfo", PopplerHint), [pdf]);
        var pages = PagesLine().Match(output);
        return exitCode == 0 && pages.Success
            ? int.Parse(pages.Groups["pages"].ValueSpan, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pdfinfo failed on {pdf} (exit code {exitCode}) or gave no page count: {output}");
    }

    /// <summary>The PDF's text in reading order, as pdftotext gives it (UTF-8, every page, footnotes included).</summary>
    public static string Text(string pdf)
    {
        var (exitCode, output) = Run(Tool("pdftotext", PopplerHint), ["-enc", "UTF-8", pdf, "-"]);
        return exitCode == 0 ? output : throw new InvalidOperationException($"pdftotext failed on {pdf}: {output}");
    }

    /// <summary>Renders the PDF's pages as PNG files (pdftoppm) at <paramref name="dpi"/>; returns their paths in page order.</summary>
    public static IReadOnlyList<string> Pages(string pdf, string prefix, int dpi = 60)
    {
        var (exitCode, output) = Run(Tool("pdftoppm", PopplerHint), ["-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), pdf, prefix]);
        return exitCode == 0
            ? [.. Directory.GetFiles(Path.GetDirectoryName(prefix)!, Path.GetFileName(prefix) + "-*.png").Order(StringComparer.Ordinal)]
            : throw new InvalidOperationException($"pdftoppm failed on {pdf}: {output}");
    }

    /// <summary>The PDF's catalog and structure tree, read from qpdf's JSON (--json=2).</summary>
    public static PdfStructure Structure(string pdf)
    {
        var (exitCode, output) = Run(
            Tool("qpdf", "qpdf is not installed: run 'sudo apt-get install qpdf' (scripts/test.sh installs it)."),
            ["--json=2", "--json-key=qpdf", pdf]);
        return exitCode == 0 ? PdfStructure.Parse(output) : throw new InvalidOperationException($"qpdf failed on {pdf}: {output}");
    }

    private const string PopplerHint = "poppler-utils is not installed: run 'sudo apt-get install poppler-utils' (scripts/test.sh installs it).";

    private static string Tool(string name, string howToInstall) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(howToInstall);

    private static (int ExitCode, string Output) Run(string path, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(path)} did not finish within {Timeout}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [GeneratedRegex(@"^Pages:\s+(?<pages>\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}

/// <summary>What a PDF says about its accessibility: the catalog's entries and the structure tree's elements.</summary>
public sealed record PdfStructure(
    bool Marked,
    string? Language,
    string? Title,
    bool DisplayDocTitle,
    IReadOnlyList<PdfStructureElement> Elements)
{
    /// <summary>The elements of standard type <paramref name="type"/> (after the role map), e.g. "P", "H1", "L", "Link", "Figure".</summary>
    public IEnumerable<PdfStructureElement> OfType(string type) => Elements.Where(e => e.StandardType == type);

    /// <summary>Every heading (H, H1 … H6), in reading order.</summary>
    public IEnumerable<PdfStructureElement> Headings => Elements.Where(e => e.StandardType == "H" || (e.StandardType.Length == 2 && e.StandardType[0] == 'H' && char.IsAsciiDigit(e.StandardType[1])));

    internal static PdfStructure Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var objects = document.RootElement.GetProperty("qpdf")[1];
        var reader = new Reader(objects);
        var trailer = objects.GetProperty("trailer").GetProperty("value");
        var catalog = reader.Dictionary(trailer.GetProperty("/Root"));
        var info = trailer.TryGetProperty("/Info", out var infoRef) ? reader.Dictionary(infoRef) : (JsonElement?)null;
        var marked = catalog.TryGetProperty("/MarkInfo", out var markInfo) && reader.Dictionary(markInfo).TryGetProperty("/Marked", out var m) && m.ValueKind == JsonValueKind.True;
        var display = catalog.TryGetProperty("/ViewerPreferences", out var preferences)
            && reader.Dictionary(preferences).TryGetProperty("/DisplayDocTitle", out var d) && d.ValueKind == JsonValueKind.True;
        var elements = new List<PdfStructureElement>();
        if (catalog.TryGetProperty("/StructTreeRoot", out var rootRef))
        {
            var root = reader.Dictionary(rootRef);
            var roles = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("/RoleMap", out var roleMap))
            {
                foreach (var role in reader.Dictionary(roleMap).EnumerateObject())
                {
                    roles[role.Name.TrimStart('/')] = role.Value.GetString()!.TrimStart('/');
                }
            }

            if (root.TryGetProperty("/K", out var kids))
            {
                reader.Walk(kids, roles, elements, new HashSet<string>(StringComparer.Ordinal));
            }
        }

        return new PdfStructure(
            marked,
            catalog.TryGetProperty("/Lang", out var lang) ? Reader.Text(lang) : null,
            info is { } i && i.TryGetProperty("/Title", out var title) ? Reader.Text(title) : null,
            display,
            elements);
    }

    private sealed class Reader(JsonElement objects)
    {
        /// <summary>The dictionary a value is, or refers to (a stream's dictionary for a stream).</summary>
        public JsonElement Dictionary(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && text.EndsWith(" R", StringComparison.Ordinal))
            {
                var entry = objects.GetProperty("obj:" + text);
                return entry.TryGetProperty("value", out var v) ? v : entry.GetProperty("stream").GetProperty("dict");
            }

            return value;
        }

        public void Walk(JsonElement kids, Dictionary<string, string> roles, List<PdfStructureElement> into, HashSet<string> seen)
        {
            if (kids.ValueKind == JsonValueKind.Array)
            {
                foreach (var kid in kids.EnumerateArray())
                {
                    Walk(kid, roles, into, seen);
                }

                return;
            }

            if (kids.ValueKind == JsonValueKind.String && kids.GetString()!.EndsWith(" R", StringComparison.Ordinal) && !seen.Add(kids.GetString()!))
            {
                return;
            }

            var node = Dictionary(kids);
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("/S", out var type))
            {
                return;
            }

            var name = type.GetString()!.TrimStart('/');
            var standard = name;
            for (var hops = 0; hops < 10 && roles.TryGetValue(standard, out var mapped); hops++)
            {
                standard = mapped;
            }

            into.Add(new PdfStructureElement(name, standard, node.TryGetProperty("/Alt", out var alt) ? Text(alt) : null));
            if (node.TryGetProperty("/K", out var children))
            {
                Walk(children, roles, into, seen);
            }
        }

        /// <summary>A PDF string as qpdf writes it in JSON v2: "u:" for text, "b:" for hex bytes.</summary>
        public static string? Text(JsonElement value) => value.GetString() is { } s
            ? s.StartsWith("u:", StringComparison.Ordinal) ? s[2..] : s.StartsWith('/') ? s[1..] : s
            : null;
    }
}

/// <summary>One element of a PDF's structure tree: its type as written, its standard type, and its alternative text.</summary>
public sealed record PdfStructureElement(string Type, string StandardType, string? Alt);
