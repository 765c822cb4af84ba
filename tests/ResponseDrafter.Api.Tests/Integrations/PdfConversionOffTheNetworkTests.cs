using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Integrations.Local;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Api.Tests.Integrations;

/// <summary>
/// LibreOffice fetches a picture a document links to while it converts it (the issue's tester saw it call a listener of
/// their choosing). A listener on loopback shows that a conversion makes no request: the document is stripped of such
/// links first, and LibreOffice runs in a network namespace of its own, each of which is enough alone.
/// </summary>
[TestClass]
public sealed class PdfConversionOffTheNetworkTests
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task ALetterLinkingAPictureOnTheNetworkBecomesAPdfWithoutARequestBeingMade()
    {
        using var listener = new LoopbackListener();
        await using var rig = LocalRig.Start();
        var docx = new WordFile().Paragraph("Response to the HMICFRS inspection of hidden victims").LinkedPicture(listener.Url("crest.png")).Build();
        var stored = await rig.Documents.SaveAsync(LocalRig.Tenant, new DocumentToStore("Signed", "response.docx", docx), CancellationToken.None);

        var pdf = await rig.Pdf.ConvertToPdfAsync(LocalRig.Tenant, stored.Id, CancellationToken.None);

        StringAssert.StartsWith(System.Text.Encoding.ASCII.GetString(pdf, 0, 5), "%PDF-");
        Assert.IsEmpty(await listener.RequestsAsync(), "LibreOffice made no request");
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task LibreOfficeRunsWithoutANetworkAndOnStrippedDocumentsEachOfWhichAloneStopsTheRequest()
    {
        await using var rig = LocalRig.Start();
        var converter = (LocalPdfConverter)rig.Pdf;
        var work = Directory.CreateTempSubdirectory("responsedrafter-pdf-test-");
        try
        {
            using var listener = new LoopbackListener();
            var input = Path.Combine(work.FullName, "linked.docx");
            await File.WriteAllBytesAsync(input, new WordFile().Paragraph("Linked.").LinkedPicture(listener.Url("crest.png")).Build());
            var command = converter.Command(work.FullName, input);
            if (command[0] != "/usr/bin/unshare")
            {
                Assert.Inconclusive("This machine does not permit a network namespace (unshare --net --map-root-user); conversions rely on stripping alone here.");
            }

            CollectionAssert.Contains(command, $"-env:UserInstallation={new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri}",
                "the profile is inside the conversion's folder, which is deleted afterwards");

            await RunAsync(command[4..]);
            Assert.IsNotEmpty(await listener.RequestsAsync(), "without the namespace LibreOffice fetches the picture: the listener works");

            using var isolated = new LoopbackListener();
            await File.WriteAllBytesAsync(input, new WordFile().Paragraph("Linked.").LinkedPicture(isolated.Url("crest.png")).Build());
            File.Delete(Path.Combine(work.FullName, "linked.pdf"));
            await RunAsync(converter.Command(work.FullName, input));

            Assert.IsTrue(File.Exists(Path.Combine(work.FullName, "linked.pdf")), "the conversion still worked");
            Assert.IsEmpty(await isolated.RequestsAsync(), "inside the namespace no request reached the listener");

            using var stripped = new LoopbackListener();
            await File.WriteAllBytesAsync(input, ExternalReferences.Strip(new WordFile().Paragraph("Linked.").LinkedPicture(stripped.Url("crest.png")).Build()).Docx);
            await RunAsync(command[4..]);
            Assert.IsEmpty(await stripped.RequestsAsync(), "with the network available, a stripped document makes no request either");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Fields that name something outside the document (a picture, a file's text, a linked object) are not relationships,
    /// so stripping leaves them. LibreOffice shows each field's last result and does not fetch what it names: this runs it
    /// with the network available (outside the namespace) to show that, so a LibreOffice that starts fetching fails here.
    /// </summary>
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task LibreOfficeShowsAFieldsLastResultAndDoesNotFetchWhatTheFieldNamesEvenWithTheNetworkAvailable()
    {
        await using var rig = LocalRig.Start();
        var converter = (LocalPdfConverter)rig.Pdf;
        var work = Directory.CreateTempSubdirectory("responsedrafter-pdf-test-");
        try
        {
            using var listener = new LoopbackListener();
            var input = Path.Combine(work.FullName, "fields.docx");
            await File.WriteAllBytesAsync(input, new WordFile()
                .Paragraph("Fields naming a listener on loopback.")
                .Raw(new Paragraph(new SimpleField(new Run(new Text("Simple picture."))) { Instruction = $" INCLUDEPICTURE \"{listener.Url("simple.png")}\" \\d " }))
                .Raw(Complex($" INCLUDEPICTURE \"{listener.Url("complex.png")}\" ", "Complex picture."))
                .Raw(Complex($" INCLUDETEXT \"{listener.Url("text.docx")}\" ", "Included text."))
                .Raw(Complex($" LINK Excel.Sheet.12 \"{listener.Url("book.xlsx")}\" \"Sheet1!R1C1\" \\a ", "Linked cell."))
                .Build());
            var command = converter.Command(work.FullName, input);

            await RunAsync(command[0] == "/usr/bin/unshare" ? command[4..] : command);

            Assert.IsTrue(File.Exists(Path.Combine(work.FullName, "fields.pdf")), "the conversion worked");
            Assert.IsEmpty(await listener.RequestsAsync(), "LibreOffice fetched nothing a field names");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static Paragraph Complex(string instruction, string result) => new(
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(instruction) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new Text(result)),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }));

    private static async Task RunAsync(string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.AreEqual(0, process.ExitCode, $"{await output}\n{await errors}");
    }

    /// <summary>Accepts connections on 127.0.0.1 and records the first line of each request, answering 404.</summary>
    private sealed class LoopbackListener : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly List<string> requests = [];
        private readonly CancellationTokenSource stop = new();
        private readonly Task accepting;

        public LoopbackListener()
        {
            listener.Start();
            accepting = AcceptAsync();
        }

        public Uri Url(string path) => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/{path}");

        /// <summary>The requests made so far, after a moment for any still arriving.</summary>
        public async Task<IReadOnlyList<string>> RequestsAsync()
        {
            await Task.Delay(500);
            lock (requests)
            {
                return [.. requests];
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            try
            {
                accepting.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }

            stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, leaveOpen: true);
                var line = await reader.ReadLineAsync(stop.Token) ?? string.Empty;
                lock (requests)
                {
                    requests.Add(line);
                }

                await stream.WriteAsync("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), stop.Token);
            }
        }
    }
}
