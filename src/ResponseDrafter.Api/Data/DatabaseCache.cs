using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Caching.Distributed;

namespace ResponseDrafter.Api.Data;

/// <summary>One entry of <see cref="DatabaseCache"/>. Not tenant-owned: the key says whose it is (Microsoft.Identity.Web's
/// token cache keys name the app, tenant and user or session).</summary>
public sealed class CacheEntry
{
    public const int MaxKeyLength = 449;

    public string Key { get; set; } = "";

    public byte[] Value { get; set; } = [];

    /// <summary>When the entry stops being served (UTC): the sliding window's end, capped by the absolute expiry.</summary>
    public DateTime ExpiresAt { get; set; }

    public TimeSpan? SlidingExpiration { get; set; }

    public DateTime? AbsoluteExpiration { get; set; }

    internal static void Configure(EntityTypeBuilder<CacheEntry> entity)
    {
        entity.ToTable("CacheEntries");
        entity.HasKey(e => e.Key);
        entity.Property(e => e.Key).HasMaxLength(MaxKeyLength);
        entity.HasIndex(e => e.ExpiresAt);
    }
}

/// <summary>
/// An <see cref="IDistributedCache"/> on the app's own database (SQLite or PostgreSQL, through <see cref="DraftingDb"/>),
/// so what is cached survives a restart and is seen by every instance that shares the database. It holds the
/// on-behalf-of token cache in Microsoft 365 mode. Expired entries are never served and are deleted as writes go by.
/// </summary>
public sealed class DatabaseCache(IServiceScopeFactory scopes, TimeProvider time) : IDistributedCache
{
    /// <summary>Used when an entry is set with no expiry at all, so that nothing stays for ever.</summary>
    public static readonly TimeSpan DefaultSlidingExpiration = TimeSpan.FromDays(14);

    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(5);

    private long nextPurgeTicks;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DraftingDb>();
        var now = Now();
        var entry = await db.CacheEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Key == key && e.ExpiresAt > now, token);
        if (entry is null)
        {
            return null;
        }

        await SlideAsync(db, entry, now, token);
        return entry.Value;
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DraftingDb>();
        var now = Now();
        var entry = await db.CacheEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Key == key && e.ExpiresAt > now, token);
        if (entry is not null)
        {
            await SlideAsync(db, entry, now, token);
        }
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DraftingDb>();
        await db.CacheEntries.Where(e => e.Key == key).ExecuteDeleteAsync(token);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        if (key.Length > CacheEntry.MaxKeyLength)
        {
            throw new ArgumentException($"A cache key is at most {CacheEntry.MaxKeyLength} characters.", nameof(key));
        }

        var now = Now();
        DateTime? absolute = options.AbsoluteExpiration is { } at ? at.UtcDateTime
            : options.AbsoluteExpirationRelativeToNow is { } relative ? now + relative
            : null;
        if (absolute <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The absolute expiration is in the past.");
        }

        var sliding = options.SlidingExpiration ?? (absolute is null ? DefaultSlidingExpiration : null);
        var expiresAt = ExpiryFrom(now, sliding, absolute);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DraftingDb>();
        await PurgeExpiredAsync(db, now, token);

        // Two instances may write one key at once: update first, insert when there was nothing, and if another
        // instance inserted in between, update the row it made (last writer wins, as with any distributed cache).
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.CacheEntries.Where(e => e.Key == key).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Value, value)
                .SetProperty(e => e.ExpiresAt, expiresAt)
                .SetProperty(e => e.SlidingExpiration, sliding)
                .SetProperty(e => e.AbsoluteExpiration, absolute), token);
            if (updated > 0)
            {
                return;
            }

            var entry = new CacheEntry { Key = key, Value = value, ExpiresAt = expiresAt, SlidingExpiration = sliding, AbsoluteExpiration = absolute };
            db.CacheEntries.Add(entry);
            try
            {
                await db.SaveChangesAsync(token);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.Entry(entry).State = EntityState.Detached;
            }
        }
    }

    private static DateTime ExpiryFrom(DateTime now, TimeSpan? sliding, DateTime? absolute)
    {
        var end = sliding is { } window ? now + window : absolute!.Value;
        return absolute is { } cap && cap < end ? cap : end;
    }

    private static async Task SlideAsync(DraftingDb db, CacheEntry entry, DateTime now, CancellationToken token)
    {
        if (entry.SlidingExpiration is not { } window)
        {
            return;
        }

        var expiresAt = ExpiryFrom(now, window, entry.AbsoluteExpiration);
        if (expiresAt > entry.ExpiresAt)
        {
            await db.CacheEntries.Where(e => e.Key == entry.Key).ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiresAt, expiresAt), token);
        }
    }

    private async Task PurgeExpiredAsync(DraftingDb db, DateTime now, CancellationToken token)
    {
        var due = Interlocked.Read(ref nextPurgeTicks);
        if (now.Ticks < due || Interlocked.CompareExchange(ref nextPurgeTicks, (now + PurgeInterval).Ticks, due) != due)
        {
            return;
        }

        await db.CacheEntries.Where(e => e.ExpiresAt <= now).ExecuteDeleteAsync(token);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
