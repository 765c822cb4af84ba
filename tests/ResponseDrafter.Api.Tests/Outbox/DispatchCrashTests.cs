using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Tests.Outbox;

[TestClass]
public sealed class DispatchCrashTests
{
    /// <summary>
    /// The API is killed with SIGKILL after the letter was written to the outbox and before the draft was recorded as
    /// dispatched: the one window where a naive sender would send twice. Development's
    /// <c>Outbox:Diagnostics:PauseAfterExternalCall</c> holds the dispatch in that window, and the test checks the
    /// database there before it restarts the API on the same data folder.
    /// </summary>
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task AnApiKilledBetweenSendingAndRecordingSendsTheLetterOnceAfterItsRestart()
    {
        AssertLibreOffice();
        var data = Directory.CreateTempSubdirectory("rd-crash-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:RetryBaseDelay"] = "00:00:01",
            ["Outbox:Lease"] = "00:00:30",
            ["Integrations:Resilience:TotalTimeout"] = "00:00:28",
            ["Integrations:Resilience:AttemptTimeout"] = "00:00:28",
        };
        try
        {
            var clock = Stopwatch.StartNew();
            Guid draftId;
            await using (var first = await ApiProcess.StartAsync("API (first run)", data, new Dictionary<string, string?>(settings)
            {
                ["Outbox:Diagnostics:PauseAfterExternalCall"] = OutboxKinds.Dispatch,
            }))
            {
                using var drafter = await LocalSignOffFlow.SignedInAsync(first.NewClient(), "drafter");
                using var approver = await LocalSignOffFlow.SignedInAsync(first.NewClient(), "approver");
                using var commissioner = await LocalSignOffFlow.SignedInAsync(first.NewClient(), "commissioner");
                draftId = await LocalSignOffFlow.ApprovedDraftAsync(drafter, approver, commissioner);
                await LocalSignOffFlow.RequestDispatchAsync(drafter, draftId);

                await first.WaitForLineAsync("(dispatch) pausing", TimeSpan.FromSeconds(120));
                await first.KillAsync();
                Assert.AreEqual(137, first.ExitCode, "killed by SIGKILL (128 + 9)");
            }

            var eml = Path.Combine(LocalSignOffFlow.OutboxFolder(data), $"{DispatchHandler.MessageKey(draftId)}.eml");
            Assert.IsTrue(File.Exists(eml), "the letter was written before the kill");
            var atKill = await ReadAsync(data, draftId);
            Assert.AreEqual(nameof(DraftState.Approved), atKill.State, "and the dispatch was not recorded: the window was hit");
            Assert.IsNull(atKill.CompletedAt);
            Assert.IsNotNull(atKill.LastAttemptAt, "the attempt's start was committed before the letter was written");
            Assert.IsNotNull(atKill.ClaimedBy);

            await using var second = await ApiProcess.StartAsync("API (restarted)", data, settings);
            using var reader = await LocalSignOffFlow.SignedInAsync(second.NewClient(), "drafter");
            var workflow = await LocalSignOffFlow.WaitForStateAsync(reader, draftId, DraftState.Dispatched, TimeSpan.FromSeconds(120));
            var elapsed = clock.Elapsed;

            Assert.HasCount(1, Directory.GetFiles(LocalSignOffFlow.OutboxFolder(data), "*.eml"), "exactly one letter");
            Assert.AreEqual($"<{DispatchHandler.MessageKey(draftId)}@localhost>", workflow.Dispatch!.MessageId);
            var audit = await (await reader.GetAsync($"/api/drafts/{draftId}/audit")).Content.ReadAsStringAsync();
            var trail = System.Text.Json.JsonSerializer.Deserialize<AuditDto>(audit, Infrastructure.HttpCalls.Json)!;
            Assert.IsTrue(trail.Verification.Intact, audit);
            Assert.AreEqual(1, trail.Entries.Count(e => e.Action == "dispatched"), "dispatched once");
            var afterRestart = await ReadAsync(data, draftId);
            Assert.AreEqual(0, afterRestart.Attempts, "a crash is not a failed attempt");
            Assert.AreNotEqual(atKill.ClaimedBy, afterRestart.ClaimedBy, "the restarted process finished it");
            Assert.IsFalse(second.Output.Any(l => l.Contains("pausing", StringComparison.Ordinal)), "no pause after the restart");
            Console.WriteLine($"crash test: killed {atKill.ClaimedBy} after the .eml was written; {afterRestart.ClaimedBy} recorded it; 1 .eml; {elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    internal static void AssertLibreOffice()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(p => File.Exists(Path.Combine(p, "soffice")));
        if (!onPath)
        {
            Assert.Inconclusive("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer (scripts/test.sh does this).");
        }
    }

    private static async Task<DispatchRow> ReadAsync(string data, Guid draftId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "drafting.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d."State", o."CompletedAt", o."LastAttemptAt", o."ClaimedBy", o."Attempts"
            FROM "Drafts" AS d JOIN "Outbox" AS o ON o."DraftId" = d."Id" AND o."Kind" = 'dispatch'
            WHERE d."Id" = $id
            """;
        command.Parameters.AddWithValue("$id", draftId.ToString().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync();
        Assert.IsTrue(await reader.ReadAsync(), "the draft and its dispatch entry are in the database");
        return new DispatchRow(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetInt32(4));
    }

    private sealed record DispatchRow(string State, string? CompletedAt, string? LastAttemptAt, string? ClaimedBy, int Attempts);
}
