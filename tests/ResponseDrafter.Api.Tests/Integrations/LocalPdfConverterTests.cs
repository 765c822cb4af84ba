using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Integrations.Local;

namespace ResponseDrafter.Api.Tests.Integrations;

[TestClass]
public sealed class LocalPdfConverterTests
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task StoredLetterBecomesAPdfThroughLibreOffice()
    {
        await using var rig = LocalRig.Start();
        var stored = await rig.Documents.SaveAsync(LocalRig.Tenant, new DocumentToStore("Signed", "response.docx", Docx("Response to the HMICFRS inspection of hidden victims")), CancellationToken.None);

        var pdf = await rig.Pdf.ConvertToPdfAsync(LocalRig.Tenant, stored.Id, CancellationToken.None);

        StringAssert.StartsWith(System.Text.Encoding.ASCII.GetString(pdf, 0, 5), "%PDF-");
        StringAssert.Contains(await PdfTextAsync(pdf), "Response to the HMICFRS inspection of hidden victims");
    }

    [TestMethod]
    public async Task MissingLibreOfficeFailsWithAnInstallHint()
    {
        await using var rig = LocalRig.Start(new Dictionary<string, string?> { ["Integrations:Local:SofficePath"] = "/nonexistent/libreoffice/soffice" });
        var stored = await rig.Documents.SaveAsync(LocalRig.Tenant, new DocumentToStore("Signed", "response.docx", Docx("x")), CancellationToken.None);

        var e = await Assert.ThrowsExactlyAsync<IntegrationException>(() => rig.Pdf.ConvertToPdfAsync(LocalRig.Tenant, stored.Id, CancellationToken.None));

        Assert.IsFalse(e.IsTransient);
        StringAssert.Contains(e.Message, "apt-get install libreoffice-writer");
    }

    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }

        return stream.ToArray();
    }

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("pdftotext did not start");
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("pdftotext is needed to read the PDF back: apt-get install poppler-utils (scripts/test.sh installs it).");
            throw;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
