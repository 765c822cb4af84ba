using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResponseDrafter.Api.Tests.Telemetry;

/// <summary>
/// A stand-in for an OpenTelemetry collector's OTLP/HTTP receiver on loopback: it accepts any POST, records its path
/// content type and bytes, and answers 200 as a collector does. It does not decode the protobuf payloads, but names
/// (of spans, instruments) travel in them as plain UTF-8, so a test can look for one.
/// </summary>
internal sealed class OtlpStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> received = new();

    private OtlpStandIn(WebApplication app)
    {
        this.app = app;
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue((context.Request.Path.Value ?? string.Empty, context.Request.ContentType, body.ToArray()));
            return Results.Ok();
        });
    }

    public string Origin { get; private set; } = string.Empty;

    public IReadOnlyList<(string Path, string? ContentType, byte[] Body)> Received => [.. received];

    public static async Task<OtlpStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var standIn = new OtlpStandIn(builder.Build());
        await standIn.app.StartAsync();
        standIn.Origin = standIn.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return standIn;
    }

    /// <summary>Waits until each path has received a request whose bytes contain the text given with it.</summary>
    public async Task<bool> WaitForAsync(TimeSpan patience, params (string Path, string Text)[] expected)
    {
        var until = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < until)
        {
            if (expected.All(e => Received.Any(r => r.Path == e.Path && Contains(r.Body, e.Text))))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
