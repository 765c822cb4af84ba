using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResponseDrafter.Api.Integrations.Graph;

namespace ResponseDrafter.Api.Tests.Integrations;

public enum FaultKind
{
    TooManyRequests,
    ServiceUnavailable,
    GatewayTimeout,
    Delay,
    DropConnection,
    CrashAfterSend,
}

public sealed record Fault(FaultKind Kind, int RetryAfterSeconds = 0, TimeSpan Delay = default)
{
    public static Fault TooManyRequests(int retryAfterSeconds) => new(FaultKind.TooManyRequests, RetryAfterSeconds: retryAfterSeconds);

    public static Fault ServiceUnavailable { get; } = new(FaultKind.ServiceUnavailable);

    public static Fault GatewayTimeout { get; } = new(FaultKind.GatewayTimeout);

    public static Fault DropConnection { get; } = new(FaultKind.DropConnection);

    /// <summary>The request is carried out, then the connection drops before the answer.</summary>
    public static Fault CrashAfterSend { get; } = new(FaultKind.CrashAfterSend);

    public static Fault SlowAnswer(TimeSpan delay) => new(FaultKind.Delay, Delay: delay);
}

/// <summary>The routes the stand-in serves, named for fault injection and for reading what it received.</summary>
public static class GraphRoute
{
    public const string Upload = "upload";
    public const string CreateUploadSession = "createUploadSession";
    public const string UploadSlice = "uploadSlice";
    public const string Content = "content";
    public const string Download = "download";
    public const string SendMail = "sendMail";
    public const string SentItems = "sentItems";
    public const string ActivityNotification = "sendActivityNotification";
}

public sealed record RecordedRequest(string Route, string Method, string PathAndQuery, string? Authorization, string? ContentRange, byte[] Body, TimeSpan At, Fault? Fault)
{
    public JsonNode Json => GraphStandIn.ParseJson(Body) ?? throw new InvalidOperationException("The request had no JSON body.");
}

public sealed record StoredItem(string Id, string DriveId, string Path, byte[] Content);

public sealed record SentMessage(string Id, string Sender, string? MessageKey, string Subject, string Body, string[] To, string[] Cc, SentAttachment[] Attachments, TimeSpan AcceptedAt);

public sealed record SentAttachment(string OdataType, string Name, string ContentType, byte[] Content);

/// <summary>
/// A loopback stand-in for the Microsoft Graph endpoints the adapters use, answering with the request and
/// response shapes Graph documents, recording what it received, and failing on demand per route.
/// </summary>
public sealed partial class GraphStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> scheduledFaults = new();
    private readonly ConcurrentDictionary<string, StoredItem> items = new();
    private readonly ConcurrentDictionary<string, UploadSession> sessions = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentQueue<SentMessage> sent = new();
    private int nextId;

    private GraphStandIn(WebApplication app)
    {
        this.app = app;
        app.Run(HandleAsync);
    }

    public string Origin { get; private set; } = "";

    /// <summary>What a GraphServiceClient uses as its base URL.</summary>
    public string BaseUrl => $"{Origin}/v1.0";

    /// <summary>Decides a fault for any request not given one by <see cref="Inject"/>; must be thread-safe.</summary>
    public Func<string, Fault?>? RandomFaults { get; set; }

    /// <summary>How long an accepted message takes to show in Sent Items, as with Exchange's asynchronous send.</summary>
    public TimeSpan SentItemsLag { get; set; }

    public HashSet<string> UsersWithoutTeamsApp { get; } = [];

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public IReadOnlyList<SentMessage> SentItems => [.. sent];

    public IReadOnlyCollection<StoredItem> Items => [.. items.Values];

    public IReadOnlyList<RecordedRequest> RequestsTo(string route) => [.. requests.Where(r => r.Route == route)];

    public static async Task<GraphStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var standIn = new GraphStandIn(builder.Build());
        await standIn.app.StartAsync();
        var address = standIn.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.Origin = address.TrimEnd('/');
        return standIn;
    }

    /// <summary>The next requests to <paramref name="route"/> fail with these faults, in order.</summary>
    public void Inject(string route, params Fault[] faults)
    {
        var queue = scheduledFaults.GetOrAdd(route, _ => new ConcurrentQueue<Fault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var (route, handler) = Route(context.Request.Method, context.Request.Path.Value ?? "");
        var body = await ReadBodyAsync(context.Request);
        var fault = route is null ? null : NextFault(route);
        requests.Enqueue(new RecordedRequest(route ?? "unknown", context.Request.Method, context.Request.Path + context.Request.QueryString,
            context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers.ContentRange.FirstOrDefault(), body, clock.Elapsed, fault));

        if (handler is null)
        {
            await WriteAsync(context, Error(404, "itemNotFound", "The stand-in does not serve this route."));
            return;
        }

        switch (fault?.Kind)
        {
            case FaultKind.TooManyRequests:
                await WriteAsync(context, Error(429, "TooManyRequests", "Too many requests.") with { RetryAfter = fault.RetryAfterSeconds });
                return;
            case FaultKind.ServiceUnavailable:
                await WriteAsync(context, Error(503, "serviceNotAvailable", "Service unavailable."));
                return;
            case FaultKind.GatewayTimeout:
                await WriteAsync(context, Error(504, "UnknownError", "Gateway timeout."));
                return;
            case FaultKind.DropConnection:
                context.Abort();
                return;
            case FaultKind.Delay:
                try
                {
                    await Task.Delay(fault.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                break;
        }

        if (IsGraphRoute(route!) && !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            await WriteAsync(context, Error(401, "InvalidAuthenticationToken", "Access token is empty."));
            return;
        }

        Response response;
        try
        {
            response = handler(context, body);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            response = Error(400, "BadRequest", $"The stand-in could not read the request: {e.Message}");
        }

        if (fault?.Kind == FaultKind.CrashAfterSend)
        {
            context.Abort();
            return;
        }

        await WriteAsync(context, response);
    }

    private (string? Route, Func<HttpContext, byte[], Response>? Handler) Route(string method, string path)
    {
        Match m;
        if (method == "PUT" && (m = UploadPath().Match(path)).Success)
        {
            return (GraphRoute.Upload, (_, body) => Upload(m.Groups["drive"].Value, m.Groups["path"].Value, body));
        }

        if (method == "POST" && (m = CreateUploadSessionPath().Match(path)).Success)
        {
            return (GraphRoute.CreateUploadSession, (_, _) => CreateSession(m.Groups["drive"].Value, m.Groups["path"].Value));
        }

        if ((m = UploadSessionPath().Match(path)).Success && method is "PUT" or "GET")
        {
            return (GraphRoute.UploadSlice, (c, body) => method == "PUT" ? Slice(m.Groups["id"].Value, c, body) : SessionStatus(m.Groups["id"].Value));
        }

        if (method == "GET" && (m = ContentPath().Match(path)).Success)
        {
            return (GraphRoute.Content, (c, _) => Redirect(m.Groups["id"].Value, c.Request.Query["format"].ToString()));
        }

        if (method == "GET" && (m = DownloadPath().Match(path)).Success)
        {
            return (GraphRoute.Download, (c, _) => Download(m.Groups["id"].Value, c.Request.Query["format"].ToString()));
        }

        if (method == "POST" && (m = SendMailPath().Match(path)).Success)
        {
            return (GraphRoute.SendMail, (_, body) => Send(Uri.UnescapeDataString(m.Groups["user"].Value), body));
        }

        if (method == "GET" && (m = SentItemsPath().Match(path)).Success)
        {
            return (GraphRoute.SentItems, (c, _) => ListSentItems(Uri.UnescapeDataString(m.Groups["user"].Value), c.Request.Query));
        }

        if (method == "POST" && (m = ActivityPath().Match(path)).Success)
        {
            return (GraphRoute.ActivityNotification, (_, _) => Notify(Uri.UnescapeDataString(m.Groups["user"].Value)));
        }

        return (null, null);
    }

    private static bool IsGraphRoute(string route) => route is not (GraphRoute.UploadSlice or GraphRoute.Download);

    private Fault? NextFault(string route) =>
        scheduledFaults.TryGetValue(route, out var queue) && queue.TryDequeue(out var fault) ? fault : RandomFaults?.Invoke(route);

    private Response Upload(string driveId, string path, byte[] body)
    {
        var item = Store(driveId, path, body);
        return Json(201, DriveItem(item));
    }

    private StoredItem Store(string driveId, string path, byte[] content)
    {
        var existing = items.Values.FirstOrDefault(i => i.DriveId == driveId && i.Path == path);
        var item = new StoredItem(existing?.Id ?? $"01ITEM{Interlocked.Increment(ref nextId):D6}", driveId, path, content);
        items[item.Id] = item;
        return item;
    }

    private Response CreateSession(string driveId, string path)
    {
        var session = new UploadSession(Guid.NewGuid().ToString("N"), driveId, path);
        sessions[session.Id] = session;
        return Json(200, new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.uploadSession",
            ["uploadUrl"] = $"{Origin}/upload-sessions/{session.Id}",
            ["expirationDateTime"] = DateTimeOffset.UtcNow.AddHours(1).ToString("O"),
            ["nextExpectedRanges"] = new JsonArray("0-"),
        });
    }

    private Response Slice(string sessionId, HttpContext context, byte[] body)
    {
        var range = ContentRange().Match(context.Request.Headers.ContentRange.ToString());
        if (!sessions.TryGetValue(sessionId, out var session) || !range.Success)
        {
            return Error(400, "invalidRequest", "Unknown session or missing Content-Range.");
        }

        var (from, to, total) = (long.Parse(range.Groups["from"].Value), long.Parse(range.Groups["to"].Value), long.Parse(range.Groups["total"].Value));
        lock (session)
        {
            if (from != session.Received.Length || to - from + 1 != body.Length)
            {
                return Error(416, "invalidRange", "The fragment does not start where the last one ended.");
            }

            session.Received.Write(body);
            if (session.Received.Length < total)
            {
                return Json(202, SessionJson(session));
            }
        }

        sessions.TryRemove(sessionId, out _);
        return Json(201, DriveItem(Store(session.DriveId, session.Path, session.Received.ToArray())));
    }

    private Response SessionStatus(string sessionId) =>
        sessions.TryGetValue(sessionId, out var session) ? Json(200, SessionJson(session)) : Error(404, "itemNotFound", "No such upload session.");

    private static JsonObject SessionJson(UploadSession session) => new()
    {
        ["expirationDateTime"] = DateTimeOffset.UtcNow.AddHours(1).ToString("O"),
        ["nextExpectedRanges"] = new JsonArray($"{session.Received.Length}-"),
    };

    private Response Redirect(string itemId, string format) =>
        items.ContainsKey(itemId)
            ? new Response(302) { Location = $"{Origin}/downloads/{itemId}{(format.Length > 0 ? $"?format={format}" : "")}" }
            : Error(404, "itemNotFound", "The resource could not be found.");

    private Response Download(string itemId, string format)
    {
        if (!items.TryGetValue(itemId, out var item))
        {
            return Error(404, "itemNotFound", "The resource could not be found.");
        }

        return format == "pdf"
            ? new Response(200) { Bytes = PdfOf(item), ContentType = "application/pdf" }
            : new Response(200) { Bytes = item.Content, ContentType = "application/octet-stream" };
    }

    public static byte[] PdfOf(StoredItem item) => Encoding.ASCII.GetBytes($"%PDF-1.7\n% {item.Path} converted by the loopback stand-in\n%%EOF\n");

    private Response Send(string sender, byte[] body)
    {
        if (ParseJson(body)?["message"] is not { } message)
        {
            return Error(400, "ErrorInvalidRequest", "The message parameter is missing.");
        }

        var key = message["singleValueExtendedProperties"]?.AsArray()
            .FirstOrDefault(p => p?["id"]?.GetValue<string>() == GraphMailSender.MessageKeyPropertyId)?["value"]?.GetValue<string>();
        var id = Interlocked.Increment(ref nextId);
        sent.Enqueue(new SentMessage(
            $"AAMkAD{id:D6}=",
            sender,
            key,
            message["subject"]?.GetValue<string>() ?? "",
            message["body"]?["content"]?.GetValue<string>() ?? "",
            Addresses(message["toRecipients"]),
            Addresses(message["ccRecipients"]),
            [.. (message["attachments"]?.AsArray() ?? []).Select(a => new SentAttachment(
                a?["@odata.type"]?.GetValue<string>() ?? "",
                a?["name"]?.GetValue<string>() ?? "",
                a?["contentType"]?.GetValue<string>() ?? "",
                Convert.FromBase64String(a?["contentBytes"]?.GetValue<string>() ?? "")))],
            clock.Elapsed));
        return new Response(202);
    }

    private static string[] Addresses(JsonNode? recipients) =>
        [.. (recipients?.AsArray() ?? []).Select(r => r?["emailAddress"]?["address"]?.GetValue<string>() ?? "")];

    /// <summary>Graph matches property and action parameter names without regard to case (the SDK sends
    /// sendMail's parameters as <c>Message</c> and <c>SaveToSentItems</c>), so the stand-in does too.</summary>
    public static JsonNode? ParseJson(byte[] body) =>
        body.Length == 0 ? null : JsonNode.Parse(body, new JsonNodeOptions { PropertyNameCaseInsensitive = true });

    private Response ListSentItems(string sender, IQueryCollection query)
    {
        var filter = FilterByProperty().Match(query["$filter"].ToString());
        if (!filter.Success)
        {
            return Error(400, "ErrorInvalidUrlQueryFilter", "The stand-in only understands the extended property filter.");
        }

        var visibleBefore = clock.Elapsed - SentItemsLag;
        var matches = sent.Where(m => m.Sender == sender && m.AcceptedAt <= visibleBefore
            && filter.Groups["id"].Value == GraphMailSender.MessageKeyPropertyId && m.MessageKey == filter.Groups["value"].Value);
        return Json(200, new JsonObject
        {
            ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#users('{sender}')/mailFolders('sentitems')/messages(id,internetMessageId,sentDateTime)",
            ["value"] = new JsonArray([.. matches.Select(m => (JsonNode)new JsonObject
            {
                ["@odata.etag"] = "W/\"CQAAABYAAAB\"",
                ["id"] = m.Id,
                ["internetMessageId"] = $"<{m.Id}@stand-in.example>",
                ["sentDateTime"] = DateTimeOffset.UtcNow.ToString("O"),
            })]),
        });
    }

    private Response Notify(string userId) =>
        UsersWithoutTeamsApp.Contains(userId)
            ? Error(403, "Forbidden", "The Teams app is not installed for the recipient.")
            : new Response(204);

    private static JsonObject DriveItem(StoredItem item) => new()
    {
        ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#drives('{item.DriveId}')/items/$entity",
        ["id"] = item.Id,
        ["name"] = item.Path.Split('/').Last(),
        ["size"] = item.Content.Length,
        ["webUrl"] = $"https://contoso.sharepoint.com/sites/opcc/Shared%20Documents/{Uri.EscapeDataString(item.Path).Replace("%2F", "/", StringComparison.Ordinal)}",
        ["createdDateTime"] = DateTimeOffset.UtcNow.ToString("O"),
        ["lastModifiedDateTime"] = DateTimeOffset.UtcNow.ToString("O"),
        ["file"] = new JsonObject { ["mimeType"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        ["parentReference"] = new JsonObject { ["driveId"] = item.DriveId, ["driveType"] = "documentLibrary" },
    };

    private static Response Json(int status, JsonNode body) => new(status) { Bytes = Encoding.UTF8.GetBytes(body.ToJsonString()), ContentType = "application/json" };

    private static Response Error(int status, string code, string message) => Json(status, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["innerError"] = new JsonObject { ["date"] = DateTimeOffset.UtcNow.ToString("O"), ["request-id"] = Guid.NewGuid().ToString() },
        },
    });

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // The client gave up mid-body; what arrived is still recorded.
        }

        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext context, Response response)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        context.Response.StatusCode = response.Status;
        if (response.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (response.Location is { } location)
        {
            context.Response.Headers.Location = location;
        }

        if (response.Bytes is { } bytes)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.Body.WriteAsync(bytes);
        }
    }

    private sealed record Response(int Status)
    {
        public byte[]? Bytes { get; init; }

        public string? ContentType { get; init; }

        public string? Location { get; init; }

        public int? RetryAfter { get; init; }
    }

    private sealed class UploadSession(string id, string driveId, string path)
    {
        public string Id => id;

        public string DriveId => driveId;

        public string Path => path;

        public MemoryStream Received { get; } = new();
    }

    [GeneratedRegex("^/v1\\.0/drives/(?<drive>[^/]+)/root:/(?<path>.+):/content$")]
    private static partial Regex UploadPath();

    [GeneratedRegex("^/v1\\.0/drives/(?<drive>[^/]+)/root:/(?<path>.+):/createUploadSession$")]
    private static partial Regex CreateUploadSessionPath();

    [GeneratedRegex("^/upload-sessions/(?<id>[^/]+)$")]
    private static partial Regex UploadSessionPath();

    [GeneratedRegex("^/v1\\.0/drives/(?<drive>[^/]+)/items/(?<id>[^/]+)/content$")]
    private static partial Regex ContentPath();

    [GeneratedRegex("^/downloads/(?<id>[^/]+)$")]
    private static partial Regex DownloadPath();

    [GeneratedRegex("^/v1\\.0/users/(?<user>[^/]+)/sendMail$", RegexOptions.IgnoreCase)]
    private static partial Regex SendMailPath();

    [GeneratedRegex("^/v1\\.0/users/(?<user>[^/]+)/mailFolders/sentitems/messages$", RegexOptions.IgnoreCase)]
    private static partial Regex SentItemsPath();

    [GeneratedRegex("^/v1\\.0/users/(?<user>[^/]+)/teamwork/sendActivityNotification$", RegexOptions.IgnoreCase)]
    private static partial Regex ActivityPath();

    [GeneratedRegex("^bytes (?<from>\\d+)-(?<to>\\d+)/(?<total>\\d+)$")]
    private static partial Regex ContentRange();

    [GeneratedRegex("^singleValueExtendedProperties/Any\\(ep: ep/id eq '(?<id>[^']+)' and ep/value eq '(?<value>[^']*)'\\)$")]
    private static partial Regex FilterByProperty();
}
