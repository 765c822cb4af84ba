using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResponseDrafter.Api.Data;

/// <summary>
/// Each SQLite connection waits for the write lock inside SQLite (busy_timeout, in short steps) instead of failing at
/// once and letting Microsoft.Data.Sqlite sleep a fixed 150 ms before retrying; and, in write-ahead-log mode, commits
/// without waiting for the disk on every transaction (synchronous=NORMAL): a killed process still loses nothing it
/// acknowledged, only a power cut could lose the last commits.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
