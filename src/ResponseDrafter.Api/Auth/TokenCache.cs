using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Web.TokenCacheProviders.Distributed;
using ResponseDrafter.Api.Data;

namespace ResponseDrafter.Api.Auth;

/// <summary>
/// Where Microsoft.Identity.Web keeps the tokens it acquires (the app's own and each user's on-behalf-of session):
/// a distributed cache, so a restart or another instance still finds them. Redis when
/// <c>ConnectionStrings:TokenCacheRedis</c> is set; otherwise the app's own database (<see cref="DatabaseCache"/>).
/// Entries are encrypted with ASP.NET Core Data Protection, whose keys are kept in the same database so every
/// instance can read what another wrote.
/// </summary>
public static class TokenCache
{
    public const string RedisConnectionStringName = "TokenCacheRedis";

    /// <summary>Data Protection's application name: instances with the same name and key ring read each other's entries.</summary>
    public const string ApplicationName = "ResponseDrafter";

    public static IServiceCollection AddSharedTokenCacheStore(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString(RedisConnectionStringName);
        services.RemoveAll<IDistributedCache>();
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IDistributedCache, DatabaseCache>();
        }
        else
        {
            services.AddStackExchangeRedisCache(o =>
            {
                o.Configuration = redis;
                o.InstanceName = ApplicationName + ":";
            });
        }

        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<DraftingDb>();
        services.Configure<MsalDistributedTokenCacheAdapterOptions>(o => o.Encrypt = true);
        return services;
    }
}
