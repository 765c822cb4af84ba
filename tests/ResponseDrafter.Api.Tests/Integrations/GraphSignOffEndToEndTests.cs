using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Tests.Workflow;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Tests.Integrations;

/// <summary>
/// Microsoft 365 mode from submission to publication through the HTTP API, the outbox carrying out the work against the
/// Graph stand-in with tokens Microsoft.Identity.Web acquired from the Entra stand-in; every token Graph received is
/// read back and checked against whom the design says the call acts as.
/// </summary>
[TestClass]
public sealed class GraphSignOffEndToEndTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task SubmitTwoApprovalsFinalPdfDispatchAndPublicationCarryTheRightTokenOnEveryGraphCall_AgainstLoopbackEntraAndGraphStandIns()
    {
        await using var rig = await Microsoft365Rig.StartAsync();
        using var host = await rig.StartHostAsync(outbox: true);
        var signOff = await SignOffRig.CreateAsync(host);

        var submitted = await signOff.SubmittedAsync(Caller.Drafter);
        await signOff.DecidedAsync(Caller.HeadOfPolicy, "approve");
        var approved = await signOff.DecidedAsync(Caller.Commissioner, "approve", "Sign it.");
        Assert.AreEqual(DraftState.Approved, approved.State);
        var finalised = await WaitForAsync(signOff, w => w.Final?.PdfSha256 is not null, "the signed letter converted to PDF through Graph");

        using var drafter = host.ClientFor(Caller.Drafter);
        var dispatch = await drafter.PostAsync($"{signOff.DraftUrl}/dispatch", null, TestContext.CancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, dispatch.StatusCode, await dispatch.Content.ReadAsStringAsync(TestContext.CancellationToken));
        var dispatched = await WaitForAsync(signOff, w => w.State == DraftState.Dispatched, "the letter sent through Graph");
        var published = await drafter.PostAsJsonAsync($"{signOff.DraftUrl}/publication",
            new PublicationInput("https://www.wessex-pcc.example/letters/hidden-victims.pdf", "https://www.wessex-pcc.example/letters/hidden-victims"),
            HttpCalls.Json, TestContext.CancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, published.StatusCode, await published.Content.ReadAsStringAsync(TestContext.CancellationToken));
        Assert.AreEqual(DraftState.Published, (await signOff.WorkflowAsync()).State);

        // What Graph holds and sent.
        var pdf = await drafter.GetByteArrayAsync($"{signOff.DraftUrl}/final/pdf", TestContext.CancellationToken);
        var stored = rig.Graph.Items.Select(i => i.Path).ToList();
        Assert.IsTrue(stored.Any(p => p.EndsWith("-v1.docx", StringComparison.Ordinal)), "the submitted version is in the library: " + string.Join(", ", stored));
        Assert.IsTrue(stored.Any(p => p.EndsWith("-signed.docx", StringComparison.Ordinal)), "the signed letter is in the library");
        Assert.IsTrue(stored.Any(p => p.EndsWith("-signed.pdf", StringComparison.Ordinal)), "its PDF is in the library");
        Assert.IsTrue(stored.Any(p => p.EndsWith("-signed.html", StringComparison.Ordinal)), "its web version is in the library");
        var letter = rig.Graph.SentItems.Single(m => m.To.Contains("section55responses@homeoffice.gov.uk"));
        Assert.HasCount(2, letter.To, "one letter, to the Home Office and HM Chief Inspector");
        Assert.AreEqual(Microsoft365Rig.Sender, letter.Sender);
        CollectionAssert.AreEqual(pdf, letter.Attachments.Single().Content, "the PDF sent is the frozen PDF, and nothing else is attached");
        Assert.IsNotNull(dispatched.Dispatch?.MessageId, "the message id Graph gave is kept");
        Assert.AreEqual(submitted.Versions[0].Sha256, finalised.Final!.ApprovedSha256);

        // Every call Graph authorised carried a token the Entra stand-in issued for Graph: the version upload as the
        // drafter who submitted it (delegated, on behalf of), everything else as the app (application permissions).
        var authorised = rig.Graph.Requests.Where(r => r.Authorization is not null).ToList();
        Assert.IsNotEmpty(authorised);
        var asUser = new List<string>();
        foreach (var request in authorised)
        {
            var token = await rig.Entra.ValidateAsync(request.Authorization!["Bearer ".Length..], Microsoft365Rig.Tenant, EntraStandIn.GraphAudience);
            if (token.TryGetClaim("scp", out var scope))
            {
                Assert.AreEqual(Caller.Drafter.ObjectId, token.GetClaim("oid").Value, $"{request.Method} {request.PathAndQuery} acts on behalf of the submitter");
                Assert.AreEqual(EntraStandIn.DelegatedScopes, scope.Value);
                asUser.Add(request.PathAndQuery);
            }
            else
            {
                Assert.AreEqual("app", token.GetClaim("idtyp").Value, $"{request.Method} {request.PathAndQuery} acts as the app");
                CollectionAssert.AreEquivalent(EntraStandIn.AppRoles, token.GetPayloadValue<string[]>("roles"));
            }
        }

        Assert.IsNotEmpty(asUser, "the submitted version was stored on behalf of the submitter");
        Assert.IsTrue(asUser.All(p => Uri.UnescapeDataString(p).Contains("-v1.docx", StringComparison.Ordinal)),
            "only the version upload acts as the submitter: " + string.Join(", ", asUser));
        Assert.IsTrue(authorised.Any(r => r.Route == GraphRoute.SendMail), "the letter went by sendMail, as the app");
        Assert.IsEmpty(rig.Graph.Requests.Where(r => r.Authorization is null && r.Route is not (GraphRoute.UploadSlice or GraphRoute.Download)).ToList(),
            "only pre-authenticated upload and download URLs are called without a token");
        Assert.HasCount(1, rig.Entra.TokenRequests.Where(r => r.GrantType == EntraStandIn.JwtBearerGrant).ToList(), "one on-behalf-of exchange, at submission");
    }

    private static async Task<WorkflowDto> WaitForAsync(SignOffRig signOff, Func<WorkflowDto, bool> done, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        WorkflowDto workflow;
        do
        {
            workflow = await signOff.WorkflowAsync();
            if (done(workflow))
            {
                return workflow;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < until);

        throw new AssertFailedException($"Not done within two minutes: {what} (state {workflow.State}).");
    }
}
