using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ResponseDrafter.Api.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for this test run: initdb in a temp folder, listening on a free loopback port,
/// started on first use and removed at the end. One database per test.
/// </summary>
public static class PostgresServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Cluster? cluster;

    public static async Task<string> CreateDatabaseAsync()
    {
        var running = await StartAsync();
        var name = "rd_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(running.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return running.ConnectionString(name);
    }

    public static async Task StopAsync()
    {
        if (cluster is { } running)
        {
            await running.StopAsync();
            cluster = null;
        }
    }

    private static async Task<Cluster> StartAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return cluster ??= await Cluster.StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private sealed class Cluster(string folder, string binaries, int port, bool asPostgresUser)
    {
        private string DataFolder => Path.Combine(folder, "data");

        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database};Pooling=false";

        public static async Task<Cluster> StartAsync()
        {
            var binaries = FindBinaries() ?? throw new InvalidOperationException(
                "PostgreSQL server binaries were not found under /usr/lib/postgresql/*/bin. " +
                "Install them with `apt-get install postgresql` (scripts/test.sh does this), then run the tests again.");
            var folder = Directory.CreateTempSubdirectory("rd-pg-").FullName;
            var asPostgresUser = Environment.UserName == "root";
            if (asPostgresUser)
            {
                // initdb refuses to run as root: the cluster belongs to the postgres user.
                await RunAsync("chown", ["-R", "postgres:postgres", folder], asPostgresUser: false);
            }

            var port = FreePort();
            var running = new Cluster(folder, binaries, port, asPostgresUser);
            await running.RunPostgresAsync("initdb", ["-D", running.DataFolder, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
            await running.RunPostgresAsync("pg_ctl",
            [
                "-D", running.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start", "-o",
                $"-c listen_addresses=127.0.0.1 -p {port.ToString(CultureInfo.InvariantCulture)} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            ]);
            return running;
        }

        public async Task StopAsync()
        {
            try
            {
                await RunPostgresAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        private Task RunPostgresAsync(string tool, IReadOnlyList<string> arguments) =>
            RunAsync(Path.Combine(binaries, tool), arguments, asPostgresUser);

        private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgresUser)
        {
            var start = new ProcessStartInfo(asPostgresUser ? "runuser" : program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (asPostgresUser)
            {
                foreach (var part in new[] { "-u", "postgres", "--", program })
                {
                    start.ArgumentList.Add(part);
                }
            }

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}{await output}");
            }
        }

        private static string? FindBinaries() => Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
                .FirstOrDefault()
            : null;

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static async Task RemovePostgresAsync() => await PostgresServer.StopAsync();
}
