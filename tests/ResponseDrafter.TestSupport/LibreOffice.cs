using System.Diagnostics;

namespace ResponseDrafter.TestSupport;

/// <summary>Debian's LibreOffice, for tests that need a real PDF: Word files converted in one run, with a profile of their own.</summary>
public static class LibreOffice
{
    /// <summary>Each named .docx as PDF, converted together. <paramref name="filter"/> is the export filter ("pdf" or "pdf:writer_pdf_Export:{…}").</summary>
    public static IReadOnlyDictionary<string, byte[]> ToPdf(IReadOnlyDictionary<string, byte[]> documents, string filter = "pdf")
    {
        var work = Directory.CreateTempSubdirectory("responsedrafter-lo-");
        try
        {
            var inputs = documents.Select(d =>
            {
                var path = Path.Combine(work.FullName, d.Key + ".docx");
                File.WriteAllBytes(path, d.Value);
                return path;
            }).ToList();
            var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
            string[] arguments =
            [
                $"-env:UserInstallation={new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri}",
                "--headless", "--norestore", "--convert-to", filter, "--outdir", work.FullName, .. inputs,
            ];
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("LibreOffice (soffice) could not be started: scripts/test.sh installs it.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"LibreOffice failed ({process.ExitCode}): {output.Result}\n{errors}");
            }

            return documents.Keys.ToDictionary(name => name, name => File.ReadAllBytes(Path.Combine(work.FullName, name + ".pdf")));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
