using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web.TokenCacheProviders.Distributed;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;

namespace ResponseDrafter.Api.Tests.Integrations;

/// <summary>Which store the token cache gets from configuration (Redis is only configured here: no server runs on this machine).</summary>
[TestClass]
public sealed class TokenCacheSetupTests
{
    [TestMethod]
    public void WithoutARedisConnectionStringTheTokenCacheIsOnTheAppsDatabaseAndEncrypted()
    {
        using var services = Build(new Dictionary<string, string?>());

        Assert.IsInstanceOfType<DatabaseCache>(services.GetRequiredService<IDistributedCache>());
        Assert.IsTrue(services.GetRequiredService<IOptions<MsalDistributedTokenCacheAdapterOptions>>().Value.Encrypt);
    }

    [TestMethod]
    public void WithARedisConnectionStringTheTokenCacheIsInRedis()
    {
        using var services = Build(new Dictionary<string, string?> { ["ConnectionStrings:TokenCacheRedis"] = "redis.opcc.example:6380,ssl=true" });

        Assert.IsInstanceOfType<RedisCache>(services.GetRequiredService<IDistributedCache>());
        var options = services.GetRequiredService<IOptions<RedisCacheOptions>>().Value;
        Assert.AreEqual("redis.opcc.example:6380,ssl=true", options.Configuration);
        Assert.AreEqual("ResponseDrafter:", options.InstanceName);
        Assert.IsTrue(services.GetRequiredService<IOptions<MsalDistributedTokenCacheAdapterOptions>>().Value.Encrypt);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSingleton(TimeProvider.System);
        services.AddSharedTokenCacheStore(configuration);
        return services.BuildServiceProvider();
    }
}
