using System.Net;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Tests.Workflow;

/// <summary>
/// Tenant A with an approval chain in its profile and a complete draft of the 2021 report, ready to submit.
/// Stage 1: the head of policy; stage 2: the commissioner (unless a test gives its own chain).
/// </summary>
public sealed class SignOffRig(ApiHost host, Scenario scenario)
{
    public ApiHost Host => host;

    public Scenario Scenario => scenario;

    public string DraftUrl => scenario.DraftUrl;

    public static StageInput Stage(string name, ApprovalRule rule, params Caller[] approvers) =>
        new(name, approvers.Select(PersonFor).ToList(), rule, 7);

    public static PersonInput PersonFor(Caller caller) =>
        new(caller.ObjectId, caller.Name, caller.Name.ToLowerInvariant().Replace(' ', '.') + "@wessex-opcc.example");

    public static SignOffInput Settings(params StageInput[] stages) => new(
        stages.Length > 0 ? [.. stages] : [Stage("Head of policy", ApprovalRule.Any, Caller.HeadOfPolicy), Stage("Commissioner", ApprovalRule.Any, Caller.Commissioner)],
        "section55responses@homeoffice.gov.uk",
        "hmci@hmicfrs.example",
        ["chief.constable@wessex-police.example"],
        3,
        null,
        null);

    public static async Task<SignOffRig> CreateAsync(ApiHost host, SignOffInput? settings = null, Caller? drafter = null)
    {
        var scenario = await Scenario.CreateAsync(host, drafter: drafter);
        using var admin = host.ClientFor(Caller.Admin);
        var put = await admin.SendJsonAsync(HttpMethod.Put, "/api/profile/sign-off", settings ?? Settings(), (await admin.GetAsync("/api/profile")).ETag());
        Assert.AreEqual(HttpStatusCode.OK, put.StatusCode, await put.Content.ReadAsStringAsync());

        var rig = new SignOffRig(host, scenario);
        await rig.CompleteAsync(drafter ?? Caller.Drafter);
        return rig;
    }

    /// <summary>Answers every selected item, so the letter is complete.</summary>
    public async Task CompleteAsync(Caller drafter)
    {
        using var client = host.ClientFor(drafter);
        var read = await client.GetAsync(DraftUrl);
        var draft = await read.ReadAsync<DraftDto>();
        var etag = read.ETag();
        foreach (var item in draft.Selection)
        {
            var answered = await client.SendJsonAsync(HttpMethod.Put, $"{DraftUrl}/responses/{item}",
                new ResponseInput($"The commissioner is assured on {item}.", ResponseStatus.ActionTaken, null), etag);
            Assert.AreEqual(HttpStatusCode.OK, answered.StatusCode, await answered.Content.ReadAsStringAsync());
            etag = answered.ETag();
        }
    }

    public async Task<string> ETagAsync()
    {
        using var client = host.ClientFor(Caller.Drafter);
        return (await client.GetAsync(DraftUrl)).ETag();
    }

    public async Task<HttpResponseMessage> SubmitAsync(Caller? drafter = null)
    {
        using var client = host.ClientFor(drafter ?? Caller.Drafter);
        return await client.SendJsonAsync(HttpMethod.Post, $"{DraftUrl}/submit", null, await ETagAsync());
    }

    public async Task<WorkflowDto> SubmittedAsync(Caller? drafter = null)
    {
        var response = await SubmitAsync(drafter);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<WorkflowDto>();
    }

    public async Task<WorkflowDto> WorkflowAsync()
    {
        using var client = host.ClientFor(Caller.Drafter);
        return await (await client.GetAsync($"{DraftUrl}/workflow")).ReadAsync<WorkflowDto>();
    }

    public async Task<HttpResponseMessage> DecideAsync(Caller approver, string decision, string? comment = null, string? sha256 = null)
    {
        sha256 ??= (await WorkflowAsync()).Versions[^1].Sha256;
        using var client = host.ClientFor(approver);
        return await client.SendJsonAsync(HttpMethod.Post, $"{DraftUrl}/decisions", new DecisionInput(decision, sha256, comment));
    }

    public async Task<WorkflowDto> DecidedAsync(Caller approver, string decision, string? comment = null)
    {
        var response = await DecideAsync(approver, decision, comment);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<WorkflowDto>();
    }

    /// <summary>A drafter's edit after submission: a new commentary on the first selected item.</summary>
    public async Task<HttpResponseMessage> EditAsync(string commentary = "Reworded after review.")
    {
        using var client = host.ClientFor(Caller.Drafter);
        var read = await client.GetAsync(DraftUrl);
        var draft = await read.ReadAsync<DraftDto>();
        return await client.SendJsonAsync(HttpMethod.Put, $"{DraftUrl}/responses/{draft.Selection[0]}",
            new ResponseInput(commentary, ResponseStatus.ActionTaken, null), read.ETag());
    }
}
