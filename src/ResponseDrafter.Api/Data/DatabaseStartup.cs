using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Sample;

namespace ResponseDrafter.Api.Data;

/// <summary>Brings the schema up to date before the server accepts requests, then loads the sample data if asked to.</summary>
internal sealed partial class DatabaseStartup(IServiceScopeFactory scopes, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DraftingDb>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers never block the writer, and a killed process rolls back cleanly.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        LogReady(logger, db.Database.ProviderName);
        await scope.ServiceProvider.GetRequiredService<SampleData>().LoadIfWantedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    private static partial void LogReady(ILogger logger, string? provider);
}
