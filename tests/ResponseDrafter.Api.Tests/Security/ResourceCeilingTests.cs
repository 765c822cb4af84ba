using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime;
using ResponseDrafter.Api.Tests.Imports;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Api.Tests.Security;

/// <summary>
/// Eight hostile uploads at once, at the default limits, while someone else goes on working: the process stays under
/// 600 MB and every ordinary request is answered promptly. The host is in-process, so the memory figure is the whole test
/// process (runner included); the test runs alone (<see cref="DoNotParallelizeAttribute"/>) so that no other test's
/// memory or CPU is counted.
/// </summary>
[TestClass]
public sealed class ResourceCeilingTests
{
    private const long MemoryCeiling = 600L * 1024 * 1024;

    /// <summary>
    /// What the attack itself may add to the process's resident memory: 600 MB less the 300 MB a freshly started host
    /// with its test runner occupies. Asserted always, because in a full run the same process also holds what earlier
    /// tests' hosts left behind (the runner does not return it), which the 600 MB bound would otherwise count.
    /// </summary>
    private const long AttackCeiling = 300L * 1024 * 1024;

    private const int Rounds = 3;

    /// <summary>
    /// The bound for ordinary requests during an attack holds for the median. The slowest of them is asserted
    /// with a margin: on the shared 2-core CI machine it measured 12–658 ms over ten runs (docs/security.md,
    /// "Resource ceilings"), and a bound at 1 s would fail on a busy machine rather than on a regression.
    /// </summary>
    private static readonly TimeSpan MedianCeiling = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan SlowestCeiling = TimeSpan.FromSeconds(2);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DoNotParallelize]
    public async Task EightConcurrentHostileUploadsKeepTheProcessUnder600MBAndOrdinaryRequestsPrompt()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var attacker = host.ClientFor(Caller.Drafter);
        using var colleague = host.ClientFor(Caller.Approver);
        var plain = new WordFile().Paragraph("A paragraph.").Build();
        var flood = HostileWordFiles.ParagraphFlood(plain, 350_000);

        // Bombs refused from their headers, a bomb whose directory hides its size (refused while streaming), and floods
        // of paragraphs just over the element limit (the costliest: every tag is counted before the refusal).
        byte[][] hostile =
        [
            HostileWordFiles.ZipBomb(plain),
            HostileWordFiles.ZipBomb(plain, megabytes: 9),
            HostileWordFiles.CentralDirectoryLies(HostileWordFiles.ZipBomb(plain), 1000),
            HostileWordFiles.Zip64SizeLie(plain),
            flood,
            flood,
            flood,
            flood,
        ];
        Assert.AreEqual(HttpStatusCode.OK, (await colleague.GetAsync(scenario.DraftUrl)).StatusCode, "warmed up");
        PeakMemory.Reset();

        using var attacking = new CancellationTokenSource();
        var ordinary = OrdinaryRequestsAsync(colleague, scenario.DraftUrl, attacking.Token);
        var clock = Stopwatch.StartNew();
        // Eight attackers at once, each sending its file three times over (within the default rate limits), half to the
        // import preview and half to the document save.
        var attacks = hostile.Select(async (bytes, i) =>
        {
            var answered = new List<HttpResponseMessage>();
            for (var round = 0; round < Rounds; round++)
            {
                answered.Add(i % 2 == 0
                    ? await attacker.SendFormAsync(HttpMethod.Post, "/api/imports/recommendations/preview", HttpCalls.FileForm("report.docx", bytes, ImportFiles.DocxType))
                    : await attacker.SaveAsync(scenario.DraftUrl, bytes, scenario.DraftETag));
            }

            return answered;
        }).ToArray();
        var answers = (await Task.WhenAll(attacks)).SelectMany(a => a).ToList();
        var attackTime = clock.Elapsed;
        await attacking.CancelAsync();
        var latencies = await ordinary;
        var peak = PeakMemory.Read();

        foreach (var answer in answers)
        {
            Assert.AreEqual(HttpStatusCode.UnprocessableEntity, answer.StatusCode, await answer.Content.ReadAsStringAsync());
        }

        var sorted = latencies.Order().ToList();
        var report = string.Create(CultureInfo.InvariantCulture,
            $"peak {peak.Bytes / (1024.0 * 1024):F0} MB ({peak.Source}), {peak.Baseline / (1024.0 * 1024):F0} MB before the attack; attack {attackTime.TotalMilliseconds:F0} ms; {sorted.Count} ordinary requests, " +
            $"median {sorted[sorted.Count / 2].TotalMilliseconds:F0} ms, max {sorted[^1].TotalMilliseconds:F0} ms");
        TestContext.WriteLine(report);
        var figures = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "resource-ceilings.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(figures)!);
        await File.AppendAllTextAsync(figures, $"{DateTime.UtcNow:O} {report}{Environment.NewLine}", CancellationToken.None);

        Assert.IsGreaterThanOrEqualTo(3, sorted.Count, $"ordinary requests were made during the attack: {report}");
        Assert.IsLessThan(AttackCeiling, peak.Bytes - peak.Baseline, report);
        if (peak.Baseline < MemoryCeiling - AttackCeiling)
        {
            // The process holds little besides this test's host (run alone or first): the whole figure is the bound.
            Assert.IsLessThan(MemoryCeiling, peak.Bytes, report);
        }
        Assert.IsLessThan(MedianCeiling, sorted[sorted.Count / 2], report);
        Assert.IsLessThan(SlowestCeiling, sorted[^1], report);
        Assert.AreEqual(scenario.DraftETag, (await colleague.GetAsync(scenario.DraftUrl)).ETag(), "nothing was stored");
    }

    /// <summary>Reads the draft over and over until told to stop (and at least until the attack has run a while), timing each.</summary>
    private static async Task<List<TimeSpan>> OrdinaryRequestsAsync(HttpClient client, string url, CancellationToken stop)
    {
        var latencies = new List<TimeSpan>();
        while (!stop.IsCancellationRequested || latencies.Count < 3)
        {
            var clock = Stopwatch.StartNew();
            var response = await client.GetAsync(url, CancellationToken.None);
            latencies.Add(clock.Elapsed);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, "an ordinary request is answered during the attack");
            await Task.Delay(20, CancellationToken.None);
        }

        return latencies;
    }

    /// <summary>
    /// The process's peak resident memory. On Linux the high-water mark (VmHWM) is reset before the attack by writing 5
    /// to /proc/self/clear_refs, so earlier tests in the same process do not count; elsewhere, or if the reset is not
    /// allowed, the peak since the process started (<see cref="Process.PeakWorkingSet64"/>), which can only overstate.
    /// </summary>
    private static class PeakMemory
    {
        private static bool reset;

        private static long baseline;

        public static void Reset()
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            using (var process = Process.GetCurrentProcess())
            {
                baseline = process.WorkingSet64;
            }

            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
                reset = true;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                reset = false;
            }
        }

        public static (long Bytes, long Baseline, string Source) Read()
        {
            if (reset && File.Exists("/proc/self/status"))
            {
                var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return (kilobytes * 1024, baseline, "VmHWM after reset, whole test process");
                }
            }

            using var process = Process.GetCurrentProcess();
            process.Refresh();
            return (process.PeakWorkingSet64, baseline, "PeakWorkingSet64 since start, whole test process");
        }
    }
}
