using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests;

/// <summary>
/// Migrations ship as an idempotent SQL script applied before a release starts (docs/deployment.md): outside
/// Development the app does not migrate at start unless Database:MigrateAtStart says so, and refuses a database that
/// is behind instead of running on it.
/// </summary>
[TestClass]
public sealed class MigrationDeploymentTests
{
    private static Dictionary<string, string?> EntraSettings(string dataPath) => new()
    {
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = "organizations",
        ["AzureAd:ClientId"] = TestTokens.ClientId,
        ["PublicOrigin"] = ApiHost.PublicOrigin,
        ["Storage:DataPath"] = dataPath,
        ["Outbox:Enabled"] = "false",
    };

    [TestMethod]
    public void ProductionDoesNotMigrateAnEmptyDatabaseAtStartAndRefusesNamingWhatIsMissing()
    {
        var data = Directory.CreateTempSubdirectory("rd-migrate-").FullName;
        try
        {
            using (var host = ApiHost.Unstarted(EntraSettings(data), "Production"))
            {
                var error = Assert.ThrowsExactly<InvalidOperationException>(() => host.Server);

                StringAssert.Contains(error.Message, "The database is missing");
                StringAssert.Contains(error.Message, "_Initial");
                StringAssert.Contains(error.Message, "Database:MigrateAtStart=true");
            }

            Assert.IsFalse(HasMigrationHistory(Path.Combine(data, "drafting.db")), "Nothing was applied to the database.");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [TestMethod]
    public async Task ProductionMigratesAtStartWhenTold()
    {
        var data = Directory.CreateTempSubdirectory("rd-migrate-").FullName;
        try
        {
            var settings = EntraSettings(data);
            settings["Database:MigrateAtStart"] = "true";
            using (var host = ApiHost.Unstarted(settings, "Production"))
            {
                using var client = host.CreateClient();
                Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            }

            Assert.IsTrue(HasMigrationHistory(Path.Combine(data, "drafting.db")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [TestMethod]
    public async Task TheIdempotentPostgreSqlScriptAppliesTwiceToAnEmptyDatabaseAndProductionStartsOnItWithoutMigrating()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        var script = IdempotentScript(new PostgreSqlDesignTimeFactory().CreateDbContext([]));
        StringAssert.Contains(script, "IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\"", "The script checks the history table before each migration.");

        await ApplyAsync(connectionString, script);
        await ApplyAsync(connectionString, script);

        var data = Directory.CreateTempSubdirectory("rd-migrate-").FullName;
        try
        {
            var settings = EntraSettings(data);
            settings["Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:Drafting"] = connectionString;
            using var host = ApiHost.Unstarted(settings, "Production");
            using var client = host.CreateClient();

            Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            Assert.IsFalse(host.Logs.Lines.Any(l => l.Contains("migration(s) at start", StringComparison.Ordinal)), "The app applied no migration itself.");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>What `dotnet ef migrations script --idempotent` writes (scripts/container.sh ships it with the image).</summary>
    private static string IdempotentScript(DbContext db)
    {
        using (db)
        {
            return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        }
    }

    private static async Task ApplyAsync(string connectionString, string script)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(script, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static bool HasMigrationHistory(string databaseFile)
    {
        if (!File.Exists(databaseFile))
        {
            return false;
        }

        using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
