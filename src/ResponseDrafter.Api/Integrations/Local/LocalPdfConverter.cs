using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace ResponseDrafter.Api.Integrations.Local;

/// <summary>
/// LibreOffice headless converts the stored .docx. Each call gets its own LibreOffice profile folder, because
/// two soffice processes sharing a profile block each other (or the second silently does nothing).
/// </summary>
public sealed class LocalPdfConverter(IDocumentStore documents, IOptions<LocalOptions> options) : IPdfConverter
{
    public const string InstallHint = "Install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer) or set Integrations:Local:SofficePath.";

    public async Task<byte[]> ConvertToPdfAsync(string tenantId, string documentId, CancellationToken cancellationToken)
    {
        var docx = await documents.ReadAsync(tenantId, documentId, cancellationToken);
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
        var start = new ProcessStartInfo(options.Value.SofficePath)
        {
            ArgumentList =
            {
                $"-env:UserInstallation={new Uri(Path.Combine(workFolder, "profile")).AbsoluteUri}",
                "--headless", "--norestore", "--nolockcheck",
                "--convert-to", "pdf", "--outdir", workFolder, input,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

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
        if (process.ExitCode != 0)
        {
            throw new IntegrationException($"LibreOffice failed with exit code {process.ExitCode}: {(await stderr).Trim()}", isTransient: false);
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
