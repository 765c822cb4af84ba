using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ResponseDrafter.Api.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts. Unset: on in Development (the embedded default), off
    /// elsewhere, where migrations ship as an idempotent SQL script applied before the new version starts
    /// (docs/deployment.md); a database that is behind is then refused at start, naming what is missing.</summary>
    public bool? MigrateAtStart { get; set; }

    public bool MigratesAtStart(IHostEnvironment environment) => MigrateAtStart ?? environment.IsDevelopment();
}

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Where the embedded SQLite database lives; relative paths are under the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "App_Data";
}

public static class DataSetup
{
    public const string ConnectionStringName = "Drafting";

    public static IServiceCollection AddDraftingDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        if (provider == DatabaseProvider.PostgreSql)
        {
            var connectionString = configuration.GetConnectionString(ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"Database:Provider is PostgreSql but ConnectionStrings:{ConnectionStringName} is not configured.");
            }

            services.AddDbContext<DraftingDb, PostgreSqlDraftingDb>(o => o.UseNpgsql(connectionString));
        }
        else
        {
            services.AddDbContext<DraftingDb, SqliteDraftingDb>((sp, o) => o
                .UseSqlite(SqliteConnectionString(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<IHostEnvironment>()))
                .AddInterceptors(new SqliteConnectionSetup()));
        }

        // First of the hosted services, whatever the order of registration: Data Protection's key ring and the outbox
        // read tables that must exist by the time they start.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseStartup>());
        return services;
    }

    public static string SqliteConnectionString(StorageOptions storage, IHostEnvironment environment)
    {
        var folder = Path.GetFullPath(storage.DataPath, environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "drafting.db") }.ToString();
    }
}
