using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ResponseDrafter.Browser.Tests.Infrastructure;

/// <summary>
/// Drafts taken through sign-off over the API, by the local users and the sample profile's approval chain:
/// stage 1 "Head of policy" (Avery Approver, "approver"), stage 2 "Commissioner" (Alex Mercer, "commissioner").
/// </summary>
public sealed class SignOffDrafts(ApiServer server)
{
    /// <summary>A report (the 2021 recommendations under <paramref name="title"/>) and a draft of its response; the draft's id.</summary>
    public async Task<string> StartAsync(string title, DateOnly publishedOn)
    {
        using var admin = await server.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/reports", ApiServer.HiddenVictimsReport(title, publishedOn));
        created.EnsureSuccessStatusCode();
        var reportId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        using var drafter = await server.ClientForAsync("drafter");
        var draft = await drafter.PostAsJsonAsync("/api/drafts", new { reportId });
        draft.EnsureSuccessStatusCode();
        return (await draft.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>A draft whose every applicable recommendation is answered, ready to submit.</summary>
    public async Task<string> CompleteAsync(string title, DateOnly publishedOn)
    {
        var draftId = await StartAsync(title, publishedOn);
        using var drafter = await server.ClientForAsync("drafter");
        var read = await drafter.GetAsync($"/api/drafts/{draftId}");
        var etag = read.Headers.ETag!.Tag;
        foreach (var item in (await read.Content.ReadFromJsonAsync<JsonObject>())!["selection"]!.AsArray().Select(r => r!.GetValue<string>()))
        {
            etag = await SendAsync(drafter, HttpMethod.Put, $"/api/drafts/{draftId}/responses/{item}",
                new { commentary = $"The commissioner is assured on recommendation {item}.", status = "action-taken", reason = (string?)null }, etag);
        }

        return draftId;
    }

    public async Task<JsonObject> SubmitAsync(string draftId)
    {
        using var drafter = await server.ClientForAsync("drafter");
        var etag = (await drafter.GetAsync($"/api/drafts/{draftId}")).Headers.ETag!.Tag;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/drafts/{draftId}/submit");
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var response = await drafter.SendAsync(request);
        Assert.IsTrue(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The drafter rewrites the commentary on the first answered recommendation (which withdraws a submission).</summary>
    public async Task EditAsync(string draftId, string commentary)
    {
        using var drafter = await server.ClientForAsync("drafter");
        var read = await drafter.GetAsync($"/api/drafts/{draftId}");
        var first = (await read.Content.ReadFromJsonAsync<JsonObject>())!["selection"]![0]!.GetValue<string>();
        await SendAsync(drafter, HttpMethod.Put, $"/api/drafts/{draftId}/responses/{first}", new { commentary, status = "action-taken", reason = (string?)null }, read.Headers.ETag!.Tag);
    }

    public async Task<JsonObject> WorkflowAsync(string draftId)
    {
        using var drafter = await server.ClientForAsync("drafter");
        return (await drafter.GetFromJsonAsync<JsonObject>($"/api/drafts/{draftId}/workflow"))!;
    }

    /// <summary>A submitted version's exact .docx, as the approver's notification link downloads it.</summary>
    public async Task<byte[]> VersionDocumentAsync(string draftId, int number)
    {
        using var approver = await server.ClientForAsync("approver");
        return await approver.GetByteArrayAsync($"/api/drafts/{draftId}/versions/{number}/document");
    }

    /// <summary>A decision by <paramref name="user"/> on the current version, bound to its hash (JSON, as outside Word).</summary>
    public async Task DecideAsync(string user, string draftId, string decision, string? comment = null)
    {
        var sha256 = (await WorkflowAsync(draftId))["versions"]!.AsArray()[^1]!["sha256"]!.GetValue<string>();
        using var client = await server.ClientForAsync(user);
        var response = await client.PostAsJsonAsync($"/api/drafts/{draftId}/decisions", new { decision, versionSha256 = sha256, comment });
        Assert.IsTrue(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> SendAsync(HttpClient client, HttpMethod method, string path, object body, string etag)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var response = await client.SendAsync(request);
        Assert.IsTrue(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!.Tag;
    }
}
