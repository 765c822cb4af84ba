using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using ResponseDrafter.Api.Sample;

namespace ResponseDrafter.Api.Data;

/// <summary>
/// Before the server accepts requests: brings the schema up to date when <see cref="DatabaseOptions.MigrateAtStart"/>
/// says so (Development by default), otherwise refuses to start on a database that is missing migrations; then loads
/// the sample data if asked to.
/// </summary>
internal sealed partial class DatabaseStartup(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DraftingDb>();
        var pending = await PendingMigrationsAsync(db, cancellationToken);
        if (pending.Count > 0)
        {
            var names = string.Join(", ", pending);
            if (!options.Value.MigratesAtStart(environment))
            {
                throw new InvalidOperationException(
                    $"The database is missing {pending.Count} migration(s) ({names}). Apply the release's " +
                    "idempotent migration script first (docs/deployment.md), or set Database:MigrateAtStart=true to let this " +
                    "instance migrate at start.");
            }

            // Only when something is missing: MigrateAsync also checks the model against the snapshot, which costs a
            // model build on every start (docs/performance.md).
            await db.Database.MigrateAsync(cancellationToken);
            LogMigrated(logger, pending.Count, names);
        }

        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers never block the writer, and a killed process rolls back cleanly.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        LogReady(logger, db.Database.ProviderName);
        await scope.ServiceProvider.GetRequiredService<SampleData>().LoadIfWantedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The migrations this build has that the database's history table does not (all of them for a new database).</summary>
    private static async Task<IReadOnlyList<string>> PendingMigrationsAsync(DraftingDb db, CancellationToken cancellationToken)
    {
        var known = db.GetService<IMigrationsAssembly>().Migrations.Keys;
        var history = db.GetService<IHistoryRepository>();
        var applied = await history.ExistsAsync(cancellationToken)
            ? (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(m => m.MigrationId).ToHashSet(StringComparer.Ordinal)
            : [];
        return [.. known.Where(id => !applied.Contains(id)).Order(StringComparer.Ordinal)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    private static partial void LogReady(ILogger logger, string? provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration(s) at start: {Migrations}")]
    private static partial void LogMigrated(ILogger logger, int count, string migrations);
}
