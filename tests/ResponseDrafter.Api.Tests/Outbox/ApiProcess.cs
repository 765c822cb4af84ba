using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ResponseDrafter.Api.Tests.Outbox;

/// <summary>
/// The real API as its own process (<c>dotnet exec ResponseDrafter.Api.dll</c>), in Development with the local
/// sign-in, on a free loopback port, over a data folder the test chooses. Settings go in as environment variables.
/// Its console output is kept, so a test can wait for a log line and show what each process did.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> waiters = [];
    private readonly Lock gate = new();

    private ApiProcess(Process process, Uri address, string name)
    {
        this.process = process;
        Address = address;
        Name = name;
        process.OutputDataReceived += (_, e) => Received(e.Data);
        process.ErrorDataReceived += (_, e) => Received(e.Data);
    }

    public Uri Address { get; }

    public string Name { get; }

    public IReadOnlyCollection<string> Output => output;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public static async Task<ApiProcess> StartAsync(string name, string dataPath, IDictionary<string, string?> settings)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var (folder, dll) = ApiAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", dll },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["Storage__DataPath"] = dataPath;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__LogLevel__ResponseDrafter.Api.Outbox"] = "Debug";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var api = new ApiProcess(Process.Start(start)!, address, name);
        api.process.BeginOutputReadLine();
        api.process.BeginErrorReadLine();
        await api.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return api;
    }

    /// <summary>The files the process has mapped (Linux <c>/proc/&lt;pid&gt;/maps</c>): every assembly it has loaded is among them.</summary>
    public IReadOnlyList<string> MappedFiles() =>
        [.. File.ReadAllLines($"/proc/{process.Id}/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length >= 6).Select(p => Path.GetFileName(p[5])).Distinct(StringComparer.Ordinal)];

    public HttpClient NewClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(100) };

    /// <summary>The first output line (already written or still to come) that contains <paramref name="text"/>.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (output.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            waiters.Add((l => l.Contains(text, StringComparison.Ordinal), seen));
        }

        var finished = await Task.WhenAny(seen.Task, Task.Delay(timeout));
        return finished == seen.Task
            ? await seen.Task
            : throw new AssertFailedException($"{Name} wrote no line containing '{text}' within {timeout}. Its output:\n{Transcript()}");
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything (Process.Kill sends SIGKILL on Linux).</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    public string Transcript() => string.Join('\n', output);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            output.Enqueue(line);
            foreach (var waiter in waiters.Where(w => w.Match(line)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Seen.TrySetResult(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = NewClient();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new AssertFailedException($"{Name} exited with {process.ExitCode} while starting:\n{Transcript()}");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new AssertFailedException($"{Name} was not ready within {timeout}:\n{Transcript()}");
    }

    /// <summary>The API's own build output (beside this test project's under the artifacts folder), else the copy here.</summary>
    private static (string Folder, string Dll) ApiAssembly()
    {
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var own = Path.GetFullPath(Path.Combine(here, "..", "..", "ResponseDrafter.Api", Path.GetFileName(here)));
        var folder = File.Exists(Path.Combine(own, "ResponseDrafter.Api.dll")) ? own : here;
        return (folder, Path.Combine(folder, "ResponseDrafter.Api.dll"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
