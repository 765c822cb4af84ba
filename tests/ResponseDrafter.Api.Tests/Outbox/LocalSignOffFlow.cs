using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Tests.Outbox;

/// <summary>
/// A draft taken from creation to a dispatch request through the HTTP API alone, as the local development users of
/// the sample (drafter; approver = head of policy; commissioner), against whichever server each client talks to.
/// </summary>
internal static class LocalSignOffFlow
{
    public const string Tenant = "00000000-0000-0000-0000-00000000c0de";

    public static async Task<HttpClient> SignedInAsync(HttpClient client, string user)
    {
        var token = await (await client.PostAsJsonAsync("/dev/sign-in", new LocalSignInRequest(user), HttpCalls.Json)).ReadAsync<LocalToken>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    /// <summary>A new draft of the sample report, every selected item answered, submitted and approved at both stages.</summary>
    public static async Task<Guid> ApprovedDraftAsync(HttpClient drafter, HttpClient approver, HttpClient commissioner)
    {
        var reports = JsonNode.Parse(await drafter.GetStringAsync("/api/reports"))!.AsArray();
        var reportId = (Guid)reports[0]!["id"]!;
        var created = await drafter.SendJsonAsync(HttpMethod.Post, "/api/drafts", new NewDraftInput(reportId));
        var draft = await created.ReadAsync<DraftDto>();
        var etag = created.ETag();
        foreach (var item in draft.Selection)
        {
            var answered = await drafter.SendJsonAsync(HttpMethod.Put, $"/api/drafts/{draft.Id}/responses/{item}",
                new ResponseInput($"The commissioner is assured on {item}.", ResponseStatus.ActionTaken, null), etag);
            _ = await answered.ReadAsync<DraftDto>();
            etag = answered.ETag();
        }

        var submitted = await (await drafter.SendJsonAsync(HttpMethod.Post, $"/api/drafts/{draft.Id}/submit", null, etag)).ReadAsync<WorkflowDto>();
        var sha256 = submitted.Versions[^1].Sha256;
        _ = await (await approver.SendJsonAsync(HttpMethod.Post, $"/api/drafts/{draft.Id}/decisions", new DecisionInput("approve", sha256, null))).ReadAsync<WorkflowDto>();
        var approved = await (await commissioner.SendJsonAsync(HttpMethod.Post, $"/api/drafts/{draft.Id}/decisions", new DecisionInput("approve", sha256, "Sign it."))).ReadAsync<WorkflowDto>();
        Assert.AreEqual(DraftState.Approved, approved.State);
        return draft.Id;
    }

    public static async Task RequestDispatchAsync(HttpClient drafter, Guid draftId)
    {
        var requested = await drafter.SendJsonAsync(HttpMethod.Post, $"/api/drafts/{draftId}/dispatch", null);
        Assert.AreEqual(HttpStatusCode.OK, requested.StatusCode, await requested.Content.ReadAsStringAsync());
    }

    public static async Task<WorkflowDto> WaitForStateAsync(HttpClient client, Guid draftId, DraftState state, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        WorkflowDto workflow;
        do
        {
            workflow = await (await client.GetAsync($"/api/drafts/{draftId}/workflow")).ReadAsync<WorkflowDto>();
            if (workflow.State == state)
            {
                return workflow;
            }

            await Task.Delay(250);
        }
        while (clock.Elapsed < timeout);

        throw new AssertFailedException($"Draft {draftId} is {workflow.State}, not {state}, after {timeout}.");
    }

    public static string OutboxFolder(string dataPath) => Path.Combine(dataPath, "outbox", Tenant);
}
