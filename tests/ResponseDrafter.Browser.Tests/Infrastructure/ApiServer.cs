using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ResponseDrafter.Browser.Tests.Infrastructure;

/// <summary>
/// The real API on a loopback port (Kestrel), as `dotnet run` starts it: Development, local development sign-in,
/// sample profile and report, and its own SQLite database in a temp folder.
/// </summary>
public sealed class ApiServer : WebApplicationFactory<Program>
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("rd-browser-").FullName;

    private ApiServer() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public Uri Address { get; private set; } = null!;

    public static ApiServer Start()
    {
        var server = new ApiServer();
        server.StartServer();
        var addresses = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.Address = new Uri(addresses.First());
        return server;
    }

    /// <summary>An HTTP client signed in as one of the local users (drafter, approver, admin).</summary>
    public async Task<HttpClient> ClientForAsync(string user)
    {
        var client = new HttpClient { BaseAddress = Address };
        var response = await client.PostAsJsonAsync("/dev/sign-in", new { user });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The 2021 modern slavery super-complaint report's recommendations, under a new title and date.</summary>
    public static JsonObject HiddenVictimsReport(string title, DateOnly publishedOn)
    {
        using var stream = typeof(Program).Assembly.GetManifestResourceStream("ResponseDrafter.Api.Sample.hidden-victims-2021.json")!;
        var report = JsonNode.Parse(stream)!.AsObject();
        // The sample file's "notes" is for people reading it; POST /api/reports refuses properties it does not know.
        report.Remove("notes");
        report["title"] = title;
        report["publishedOn"] = publishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return report;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataPath", dataFolder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a pooled connection goes with the temp folder's own cleanup.
            }
        }
    }
}

public static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string ArtifactsPath { get; } = Metadata("ArtifactsPath");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
