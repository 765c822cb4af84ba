using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Tests.Outbox;

[TestClass]
public sealed partial class TwoProcessDispatchTests
{
    private const int Drafts = 4;

    /// <summary>
    /// Two API processes share one PostgreSQL database (and one data folder for the local documents and .eml files).
    /// Drafts are approved and dispatched in a burst, each request going to either process; both workers claim from
    /// the same outbox table.
    /// </summary>
    [TestMethod]
    [Timeout(420_000, CooperativeCancellation = true)]
    public async Task TwoApiProcessesOnOnePostgreSqlDispatchEachLetterExactlyOnce()
    {
        DispatchCrashTests.AssertLibreOffice();
        var data = Directory.CreateTempSubdirectory("rd-two-").FullName;
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Drafting"] = connectionString,
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:BatchSize"] = "2",
            ["Outbox:RetryBaseDelay"] = "00:00:01",
        };
        try
        {
            // One after the other: the first applies the migrations and loads the sample, the second finds them done.
            await using var a = await ApiProcess.StartAsync("API A", data, settings);
            await using var b = await ApiProcess.StartAsync("API B", data, settings);
            var servers = new[] { a, b };
            var clock = Stopwatch.StartNew();

            var draftIds = await Task.WhenAll(Enumerable.Range(0, Drafts).Select(async i =>
            {
                using var drafter = await LocalSignOffFlow.SignedInAsync(servers[i % 2].NewClient(), "drafter");
                using var approver = await LocalSignOffFlow.SignedInAsync(servers[(i + 1) % 2].NewClient(), "approver");
                using var commissioner = await LocalSignOffFlow.SignedInAsync(servers[i % 2].NewClient(), "commissioner");
                var id = await LocalSignOffFlow.ApprovedDraftAsync(drafter, approver, commissioner);
                using var dispatcher = await LocalSignOffFlow.SignedInAsync(servers[(i + 1) % 2].NewClient(), "drafter");
                await LocalSignOffFlow.RequestDispatchAsync(dispatcher, id);
                return id;
            }));
            using var reader = await LocalSignOffFlow.SignedInAsync(a.NewClient(), "drafter");
            try
            {
                foreach (var id in draftIds)
                {
                    await LocalSignOffFlow.WaitForStateAsync(reader, id, DraftState.Dispatched, TimeSpan.FromSeconds(240));
                }
            }
            catch (AssertFailedException e)
            {
                throw new AssertFailedException($"{e.Message}\nOutbox:\n{await OutboxReportAsync(connectionString)}", e);
            }

            var elapsed = clock.Elapsed;
            var emls = Directory.GetFiles(LocalSignOffFlow.OutboxFolder(data), "*.eml").Select(Path.GetFileNameWithoutExtension).Order().ToList();
            CollectionAssert.AreEqual(draftIds.Select(DispatchHandler.MessageKey).Order().ToList(), emls, "one .eml per letter, and no other");
            foreach (var id in draftIds)
            {
                var trail = JsonSerializer.Deserialize<AuditDto>(await reader.GetStringAsync($"/api/drafts/{id}/audit"), HttpCalls.Json)!;
                Assert.IsTrue(trail.Verification.Intact);
                Assert.AreEqual(1, trail.Entries.Count(e => e.Action == "dispatched"), $"draft {id} dispatched once");
            }

            var entries = await EntriesAsync(connectionString);
            Assert.IsTrue(entries.All(e => e.Completed), "every outbox entry completed");
            var completions = servers.SelectMany(s => s.Output.Select(l => Completed().Match(l)).Where(m => m.Success).Select(m => (Server: s.Name, Id: m.Groups["id"].Value))).ToList();
            Assert.HasCount(entries.Count, completions, "one completion per entry across both processes");
            Assert.AreEqual(entries.Count, completions.Select(c => c.Id).Distinct().Count(), "no entry was completed by both");
            var byServer = completions.GroupBy(c => c.Server).ToDictionary(g => g.Key, g => g.Count());
            Assert.HasCount(2, byServer, $"both processes worked the outbox: {string.Join(", ", byServer)}");
            var dispatchesBy = entries.Where(e => e.Kind == OutboxKinds.Dispatch).GroupBy(e => e.ClaimedBy).Select(g => g.Count());
            Console.WriteLine($"two processes: {Drafts} letters, {entries.Count} entries, completed {string.Join(", ", byServer.Select(s => $"{s.Value} by {s.Key}"))}; " +
                $"dispatches per worker {string.Join("/", dispatchesBy)}; {emls.Count} .eml; {elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Every outbox entry's state, for a failure message: what was still waiting, and why.</summary>
    private static async Task<string> OutboxReportAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT "Kind", "DraftId", "Attempts", "ClaimedBy", "CompletedAt", "FailedAt", "DueAt", "LastError" FROM "Outbox" ORDER BY "CreatedAt" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "-" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return string.Join("\n", lines);
    }

    private static async Task<List<(string Kind, bool Completed, string? ClaimedBy)>> EntriesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Kind", "CompletedAt" IS NOT NULL, "ClaimedBy" FROM "Outbox" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<(string, bool, string?)>();
        while (await reader.ReadAsync())
        {
            entries.Add((reader.GetString(0), reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return entries;
    }

    [GeneratedRegex(@"Outbox entry (?<id>[0-9a-f-]{36}) \(\S+\) completed after")]
    private static partial Regex Completed();
}
