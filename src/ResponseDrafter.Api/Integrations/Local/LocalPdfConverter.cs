using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Publication;

namespace ResponseDrafter.Api.Integrations.Local;

/// <summary>
/// LibreOffice headless converts the stored .docx, and cannot reach the network while it does: it is handed the
/// document with every external link but hyperlinks taken out (<see cref="ExternalReferences"/>), it runs with a
/// throwaway profile in the conversion's own temporary folder (deleted afterwards; two soffice processes sharing a profile
/// also block each other), and, where the platform allows it, in a network namespace of its own (unshare --net).
/// The PDF is exported tagged and PDF/UA-1 compliant, with its title shown in the title bar (<see cref="PdfExport"/>).
/// </summary>
public sealed class LocalPdfConverter(IDocumentStore documents, IOptions<LocalOptions> options, ILogger<LocalPdfConverter> logger) : IPdfConverter
{
    public const string InstallHint = "Install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer) or set Integrations:Local:SofficePath.";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Isolation = new(StringComparer.Ordinal);

    public async Task<byte[]> ConvertToPdfAsync(string tenantId, string documentId, CancellationToken cancellationToken)
    {
        var (docx, removed) = Stripped(await documents.ReadAsync(tenantId, documentId, cancellationToken), documentId);
        if (removed > 0)
        {
            logger.LogWarning("Document {DocumentId} carried {Count} external link(s) other than hyperlinks; they were removed before PDF conversion.", documentId, removed);
        }

        var work = Directory.CreateTempSubdirectory("responsedrafter-pdf-");
        try
        {
            var input = Path.Combine(work.FullName, "letter.docx");
            await File.WriteAllBytesAsync(input, docx, cancellationToken);
            await RunSofficeAsync(work.FullName, input, cancellationToken);
            var output = Path.Combine(work.FullName, "letter.pdf");
            return File.Exists(output)
                ? await File.ReadAllBytesAsync(output, cancellationToken)
                : throw new IntegrationException($"LibreOffice produced no PDF for '{documentId}'.", isTransient: false);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task RunSofficeAsync(string workFolder, string input, CancellationToken cancellationToken)
    {
        var command = Command(workFolder, input);
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Start(start);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PdfTimeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new IntegrationException($"LibreOffice did not finish within {options.Value.PdfTimeout}.", isTransient: true);
        }

        await Task.WhenAll(stdout, stderr);
        if (process.ExitCode == 127 && command[0] != options.Value.SofficePath)
        {
            // unshare answers 127 when it cannot execute the program it was given.
            throw new IntegrationException($"LibreOffice was not found ('{options.Value.SofficePath}'). {InstallHint}", isTransient: false);
        }

        if (process.ExitCode != 0)
        {
            throw new IntegrationException($"LibreOffice failed with exit code {process.ExitCode}: {(await stderr).Trim()}", isTransient: false);
        }
    }

    private static (byte[] Docx, int Removed) Stripped(byte[] docx, string documentId)
    {
        try
        {
            return ExternalReferences.Strip(docx);
        }
        catch (Exception e) when (e is System.Xml.XmlException or InvalidDataException or IOException)
        {
            throw new IntegrationException($"'{documentId}' is not a Word document that can be converted: its parts cannot be read.", isTransient: false, innerException: e);
        }
    }

    /// <summary>
    /// The command line of one conversion: soffice with a profile inside the conversion's folder (deleted with it),
    /// inside a network namespace of its own where the platform allows one.
    /// </summary>
    internal string[] Command(string workFolder, string input)
    {
        string[] soffice =
        [
            options.Value.SofficePath,
            $"-env:UserInstallation={new Uri(Path.Combine(workFolder, "profile")).AbsoluteUri}",
            "--headless", "--norestore", "--nolockcheck",
            "--convert-to", PdfExport.LibreOfficeConvertTo, "--outdir", workFolder, input,
        ];
        return NetworkIsolated() ? [options.Value.UnsharePath, "--net", "--map-root-user", "--", .. soffice] : soffice;
    }

    /// <summary>
    /// Whether LibreOffice can be run without a network: unshare must exist and be allowed to make a network namespace
    /// (as root, or through an unprivileged user namespace). Asked once per unshare path; where it is refused (some
    /// containers forbid new namespaces) conversions still run, on stripped documents, and a warning says so.
    /// </summary>
    private bool NetworkIsolated()
    {
        var unshare = options.Value.UnsharePath;
        if (string.IsNullOrWhiteSpace(unshare))
        {
            return false;
        }

        var allowed = Isolation.GetOrAdd(unshare, Probe);
        if (!allowed)
        {
            logger.LogWarning("LibreOffice runs with the network available: '{Unshare} --net --map-root-user' is not permitted here. Documents are still stripped of external links first.", unshare);
        }

        return allowed;
    }

    private static bool Probe(string unshare)
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(unshare, ["--net", "--map-root-user", "--", "true"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (probe is null || !probe.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                probe?.Kill();
                return false;
            }

            return probe.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    private Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new IntegrationException("LibreOffice could not be started.", isTransient: false);
        }
        catch (Win32Exception e)
        {
            throw new IntegrationException($"LibreOffice was not found ('{options.Value.SofficePath}'). {InstallHint}", isTransient: false, innerException: e);
        }
    }
}
