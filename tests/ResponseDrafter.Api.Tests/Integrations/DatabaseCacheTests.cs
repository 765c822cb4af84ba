using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests.Integrations;

/// <summary>The token cache's store on the app's database, on both providers, with the clock moved by hand.</summary>
[TestClass]
public sealed class DatabaseCacheTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(Database.Sqlite)]
    [DataRow(Database.PostgreSql)]
    public async Task AnEntryIsServedUntilItExpiresSlidingOrAbsoluteAndThenNeverAgain(Database database)
    {
        using var host = await ApiHost.StartAsync(database);
        var clock = new MovableClock(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var cache = new DatabaseCache(host.Services.GetRequiredService<IServiceScopeFactory>(), clock);
        var ct = TestContext.CancellationToken;

        await cache.SetAsync("sliding", [1, 2, 3], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) }, ct);
        await cache.SetAsync("absolute", [4], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(15) }, ct);
        await cache.SetAsync("both", [5], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10), AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(12) }, ct);

        clock.Advance(TimeSpan.FromMinutes(8));
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, await cache.GetAsync("sliding", ct));
        CollectionAssert.AreEqual(new byte[] { 5 }, await cache.GetAsync("both", ct), "read at 8 minutes: slides to 18, capped at 12");

        clock.Advance(TimeSpan.FromMinutes(5));
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, await cache.GetAsync("sliding", ct), "13 minutes after it was set, 5 after it was read");
        CollectionAssert.AreEqual(new byte[] { 4 }, await cache.GetAsync("absolute", ct));
        Assert.IsNull(await cache.GetAsync("both", ct), "past its absolute expiry although read within the sliding window");

        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.IsNull(await cache.GetAsync("absolute", ct));

        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.IsNull(await cache.GetAsync("sliding", ct), "not read for 11 minutes");
    }

    [TestMethod]
    [DataRow(Database.Sqlite)]
    [DataRow(Database.PostgreSql)]
    public async Task SetOverwritesRemoveDeletesAndExpiredRowsAreDeletedAsWritesGoBy(Database database)
    {
        using var host = await ApiHost.StartAsync(database);
        var clock = new MovableClock(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var cache = new DatabaseCache(host.Services.GetRequiredService<IServiceScopeFactory>(), clock);
        var ct = TestContext.CancellationToken;
        var minute = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) };

        // Instances racing to write one key: each write wins or is overwritten, none fails.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => cache.SetAsync("raced", [(byte)i], minute, ct)));
        Assert.HasCount(1, (await cache.GetAsync("raced", ct))!);

        await cache.SetAsync("key", [1], minute, ct);
        await cache.SetAsync("key", [2], minute, ct);
        CollectionAssert.AreEqual(new byte[] { 2 }, await cache.GetAsync("key", ct));
        await cache.RemoveAsync("key", ct);
        Assert.IsNull(await cache.GetAsync("key", ct));

        clock.Advance(TimeSpan.FromMinutes(10));
        await cache.SetAsync("fresh", [3], minute, ct);
        await using var scope = host.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<DraftingDb>().CacheEntries.Select(e => e.Key).ToListAsync(ct);
        CollectionAssert.AreEqual(new[] { "fresh" }, keys, "the expired entry went with the next write");
    }

    [TestMethod]
    public async Task AKeyLongerThanTheColumnOrAnExpiryInThePastIsRefusedByName()
    {
        using var host = await ApiHost.StartAsync();
        var cache = new DatabaseCache(host.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);

        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => cache.SetAsync(new string('k', 450), [1], new DistributedCacheEntryOptions(), TestContext.CancellationToken));
        Assert.AreEqual("key", tooLong.ParamName);
        var past = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cache.SetAsync("k", [1],
            new DistributedCacheEntryOptions { AbsoluteExpiration = DateTimeOffset.UtcNow.AddMinutes(-1) }, TestContext.CancellationToken));
        Assert.AreEqual("options", past.ParamName);
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
