using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Audit;

/// <summary>What happened, by whom; the trail adds the time, the sequence number and the hashes.</summary>
public sealed record AuditRecord(string Stream, Person Actor, string Action, Guid? DraftId, string? VersionSha256, string Detail);

/// <summary>Where a chain first fails to verify, or null when every entry is intact.</summary>
public sealed record AuditVerification(bool Intact, long? FirstBrokenSeq, string? Problem);

/// <summary>
/// The append-only, hash-chained record of every action. Appends join the caller's unit of work, so an action
/// and its audit entry commit together; each entry's hash covers its fields and the previous entry's hash.
/// </summary>
public static class AuditTrail
{
    public const string ProfileStream = "profile";

    /// <summary>Background work (the outbox, the deadline watch) acts as this.</summary>
    public static Person System { get; } = new("system", "ResponseDrafter", string.Empty);

    public static string DraftStream(Guid draftId) => $"draft:{draftId}";

    /// <summary>Adds the entry to <paramref name="db"/>'s unit of work; the caller's SaveChanges commits it.</summary>
    public static async Task<AuditEntry> AppendAsync(DraftingDb db, AuditRecord record, DateTime at, CancellationToken cancellationToken)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.Stream == record.Stream)
            .Select(e => e.Entity)
            .OrderByDescending(e => e.Seq)
            .FirstOrDefault();
        var last = pending ?? await db.AuditEntries.AsNoTracking()
            .Where(e => e.Stream == record.Stream)
            .OrderByDescending(e => e.Seq)
            .FirstOrDefaultAsync(cancellationToken);

        var entry = new AuditEntry
        {
            Stream = record.Stream,
            Seq = (last?.Seq ?? 0) + 1,
            // Milliseconds: what both databases store exactly, so the hash still verifies after a round trip.
            At = DateTime.SpecifyKind(new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond)), DateTimeKind.Utc),
            ActorId = record.Actor.Id,
            ActorName = record.Actor.Name,
            Action = record.Action,
            DraftId = record.DraftId,
            VersionSha256 = record.VersionSha256,
            Detail = record.Detail,
            PreviousHash = last?.Hash ?? string.Empty,
        };
        entry.Hash = HashOf(entry);
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Walks one stream in order: every hash must match its fields and link to the one before.</summary>
    public static AuditVerification Verify(IReadOnlyList<AuditEntry> stream)
    {
        var previous = string.Empty;
        for (var i = 0; i < stream.Count; i++)
        {
            var entry = stream[i];
            if (entry.Seq != i + 1)
            {
                return new(false, entry.Seq, $"Entry {entry.Seq} is out of sequence: entry {i + 1} is missing.");
            }

            if (entry.PreviousHash != previous)
            {
                return new(false, entry.Seq, $"Entry {entry.Seq} does not link to the entry before it.");
            }

            if (entry.Hash != HashOf(entry))
            {
                return new(false, entry.Seq, $"Entry {entry.Seq} was altered after it was written: its hash does not match its contents.");
            }

            previous = entry.Hash;
        }

        return new(true, null, null);
    }

    public static string HashOf(AuditEntry entry)
    {
        // Each field length-prefixed, so no two different entries can produce the same text.
        var text = new StringBuilder();
        foreach (var field in Fields(entry))
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static string ToCsv(IEnumerable<AuditEntry> entries)
    {
        var csv = new StringBuilder("stream,seq,at,actorId,actorName,action,draftId,versionSha256,detail,previousHash,hash\r\n");
        foreach (var e in entries)
        {
            csv.AppendJoin(',', Fields(e).Append(e.Hash).Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Everything the hash covers, in order: all the fields but the hash itself.</summary>
    private static string[] Fields(AuditEntry e) =>
    [
        e.Stream,
        e.Seq.ToString(CultureInfo.InvariantCulture),
        e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        e.ActorId,
        e.ActorName,
        e.Action,
        e.DraftId?.ToString() ?? string.Empty,
        e.VersionSha256 ?? string.Empty,
        e.Detail,
        e.PreviousHash,
    ];

    /// <summary>RFC 4180 quoting, and a leading quote mark before =, +, - and @ so spreadsheets never run a cell as a formula.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
