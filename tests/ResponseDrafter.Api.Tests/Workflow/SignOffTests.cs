using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Integrations.Graph;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Tests.Integrations;
using ResponseDrafter.Api.Tests.Outbox;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Drafting;

namespace ResponseDrafter.Api.Tests.Workflow;

[TestClass]
public sealed class SignOffTests
{
    [TestMethod]
    public async Task SubmittingFreezesTheExactDocumentWithItsHashAndSendsItToTheFirstStage()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);

        var workflow = await rig.SubmittedAsync();

        Assert.AreEqual(DraftState.InReview, workflow.State);
        Assert.AreEqual("Head of policy", workflow.StageName);
        Assert.AreEqual(Caller.HeadOfPolicy.Name, workflow.Holders.Single().Name);
        var version = workflow.Versions.Single();
        using var client = host.ClientFor(Caller.HeadOfPolicy);
        var bytes = await client.GetByteArrayAsync(version.DocumentUrl);
        Assert.AreEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), version.Sha256);
        Assert.AreEqual(0, Docx.Validate(bytes).Count);
        var outbox = await InDatabaseAsync(host, db => db.Outbox.IgnoreQueryFilters().Select(e => e.Kind).ToListAsync());
        CollectionAssert.Contains(outbox, OutboxKinds.StoreVersion);
        CollectionAssert.Contains(outbox, OutboxKinds.Notify);
    }

    [TestMethod]
    public async Task WithMicrosoft365TheVersionIsStoredOnBehalfOfWhoeverSubmittedIt_AgainstLoopbackEntraAndGraphStandIns()
    {
        await using var microsoft365 = await Microsoft365Rig.StartAsync();
        using var host = await microsoft365.StartHostAsync();
        var rig = await SignOffRig.CreateAsync(host);

        await rig.SubmittedAsync(Caller.Drafter);

        var store = await InDatabaseAsync(host, db => db.Outbox.IgnoreQueryFilters().SingleAsync(e => e.Kind == OutboxKinds.StoreVersion));
        var session = OutboxWrites.Read<StoreVersionPayload>(store).UserSession;
        Assert.IsNotNull(session, "The outbox stores the version as the submitter.");
        var exchanged = microsoft365.Entra.TokenRequests.Single(r => r.GrantType == EntraStandIn.JwtBearerGrant);
        Assert.AreEqual(Caller.Drafter.ObjectId, exchanged.UserObjectId, "The session is the submitter's: their token was exchanged on their behalf.");
        await using var scope = host.Services.CreateAsyncScope();
        var graphToken = await scope.ServiceProvider.GetRequiredService<IGraphTokenSource>().GetAccessTokenAsync(Microsoft365Rig.Tenant, session, CancellationToken.None);
        Assert.AreEqual(Caller.Drafter.ObjectId, (await microsoft365.Entra.ValidateAsync(graphToken, Microsoft365Rig.Tenant, EntraStandIn.GraphAudience)).GetClaim("oid").Value,
            "The stored session gives the submitter's Graph token.");
    }

    [TestMethod]
    public async Task InTheEmbeddedDefaultTheVersionIsStoredWithoutAUserSession()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);

        await rig.SubmittedAsync(Caller.Drafter);

        var store = await InDatabaseAsync(host, db => db.Outbox.IgnoreQueryFilters().SingleAsync(e => e.Kind == OutboxKinds.StoreVersion));
        Assert.IsNull(OutboxWrites.Read<StoreVersionPayload>(store).UserSession);
    }

    [TestMethod]
    public async Task AnIncompleteLetterIsNotSubmittedAndTheGapsAreListed()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var admin = host.ClientFor(Caller.Admin);
        await admin.SendJsonAsync(HttpMethod.Put, "/api/profile/sign-off", SignOffRig.Settings(), (await admin.GetAsync("/api/profile")).ETag());
        using var drafter = host.ClientFor(Caller.Drafter);

        var response = await drafter.SendJsonAsync(HttpMethod.Post, $"{scenario.DraftUrl}/submit", null, scenario.DraftETag);

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.AreEqual("The letter is not complete", (string?)problem["title"]);
        Assert.IsTrue(problem["gaps"]!.AsArray().Count > 0);
        Assert.AreEqual(DraftState.Drafting, (await new SignOffRig(host, scenario).WorkflowAsync()).State);
    }

    [TestMethod]
    public async Task WithoutAnApprovalChainSubmissionIsRefused()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        var rig = new SignOffRig(host, scenario);
        await rig.CompleteAsync(Caller.Drafter);

        var problem = await (await rig.SubmitAsync()).ProblemAsync(HttpStatusCode.Conflict);

        Assert.AreEqual("Sign-off is not set up", (string?)problem["title"]);
    }

    [TestMethod]
    [DataRow(Database.Sqlite)]
    [DataRow(Database.PostgreSql)]
    public async Task ApprovalAtEachStageLeadsToAnApprovedSignedLetter(Database database)
    {
        using var host = await ApiHost.StartAsync(database);
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();

        var afterPolicy = await rig.DecidedAsync(Caller.HeadOfPolicy, "approve");
        Assert.AreEqual(DraftState.AwaitingApproval, afterPolicy.State);
        Assert.AreEqual("Commissioner", afterPolicy.StageName);

        var approved = await rig.DecidedAsync(Caller.Commissioner, "approve", "Content to sign.");
        Assert.AreEqual(DraftState.Approved, approved.State);
        Assert.AreEqual(approved.Versions[0].Sha256, approved.Final!.ApprovedSha256);
        Assert.IsTrue(approved.Decisions.All(d => d.VersionSha256 == approved.Versions[0].Sha256));

        using var client = host.ClientFor(Caller.Drafter);
        var signed = await client.GetByteArrayAsync($"{rig.DraftUrl}/final/document");
        Assert.AreEqual(0, Docx.Validate(signed).Count);
        var version = await client.GetByteArrayAsync(approved.Versions[0].DocumentUrl);
        var changed = LetterText.Compare(LetterDocument.Read(version).Document!.Paragraphs, LetterDocument.Read(signed).Document!.Paragraphs).Where(c => c.Kind != ChangeKind.Same).ToList();
        CollectionAssert.AreEqual(
            new[] { new TextChange(ChangeKind.Removed, "Signed on"), new TextChange(ChangeKind.Added, $"Signed on {UkDate.Format(DateOnly.FromDateTime(DateTime.UtcNow))}") },
            changed, "The signed letter differs from the approved one in the signing date alone: " + string.Join(" | ", changed));
        var outbox = await InDatabaseAsync(host, db => db.Outbox.IgnoreQueryFilters().Select(e => e.Kind).ToListAsync());
        CollectionAssert.Contains(outbox, OutboxKinds.Finalise);
    }

    [TestMethod]
    public async Task AnAllApproversStageWaitsForEveryApprover()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host, SignOffRig.Settings(
            SignOffRig.Stage("Joint review", ApprovalRule.All, Caller.HeadOfPolicy, Caller.Deputy),
            SignOffRig.Stage("Commissioner", ApprovalRule.Any, Caller.Commissioner)));
        await rig.SubmittedAsync();

        var one = await rig.DecidedAsync(Caller.HeadOfPolicy, "approve");
        Assert.AreEqual(DraftState.InReview, one.State);
        Assert.AreEqual(Caller.Deputy.Name, one.Holders.Single().Name);

        var both = await rig.DecidedAsync(Caller.Deputy, "approve");
        Assert.AreEqual(DraftState.AwaitingApproval, both.State);
    }

    [TestMethod]
    public async Task AnAnyApproverStageMovesOnWithOneApproval()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host, SignOffRig.Settings(SignOffRig.Stage("Commissioner or deputy", ApprovalRule.Any, Caller.Commissioner, Caller.Deputy)));
        await rig.SubmittedAsync();

        var approved = await rig.DecidedAsync(Caller.Deputy, "approve");

        Assert.AreEqual(DraftState.Approved, approved.State);
    }

    [TestMethod]
    public async Task NobodyApprovesAVersionTheyWrote()
    {
        using var host = await ApiHost.StartAsync();
        var drafterApprover = new Caller("Pat Policy", Caller.TenantA, ["Drafter", "Approver"]);
        var rig = await SignOffRig.CreateAsync(host, SignOffRig.Settings(SignOffRig.Stage("Policy", ApprovalRule.Any, drafterApprover, Caller.HeadOfPolicy)), drafterApprover);
        await rig.SubmittedAsync(drafterApprover);

        var problem = await (await rig.DecideAsync(drafterApprover, "approve")).ProblemAsync(HttpStatusCode.Forbidden);

        StringAssert.Contains((string?)problem["detail"], "You wrote part of this version");
        Assert.AreEqual(DraftState.AwaitingApproval, (await rig.WorkflowAsync()).State);
        Assert.AreEqual(DraftState.Approved, (await rig.DecidedAsync(Caller.HeadOfPolicy, "approve")).State);
    }

    [TestMethod]
    public async Task SomeoneOutsideTheStageCannotDecide()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();

        await (await rig.DecideAsync(Caller.Commissioner, "approve")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rig.DecideAsync(Caller.Approver, "approve")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [TestMethod]
    public async Task ADeputyDecidesForTheApproverDuringTheDelegationAndIsRecordedAsSuch()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host, SignOffRig.Settings(SignOffRig.Stage("Commissioner", ApprovalRule.Any, Caller.Commissioner)));
        using var commissioner = host.ClientFor(Caller.Commissioner);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var delegated = await commissioner.SendJsonAsync(HttpMethod.Post, "/api/profile/delegations",
            new DelegationInput(null, SignOffRig.PersonFor(Caller.Deputy), today.AddDays(-1), today.AddDays(7)));
        Assert.AreEqual(HttpStatusCode.Created, delegated.StatusCode, await delegated.Content.ReadAsStringAsync());
        await rig.SubmittedAsync();

        var approved = await rig.DecidedAsync(Caller.Deputy, "approve", "Approved while the commissioner is away.");

        Assert.AreEqual(DraftState.Approved, approved.State);
        var decision = approved.Decisions.Single();
        Assert.AreEqual(Caller.Deputy.Name, decision.By.Name);
        Assert.AreEqual(Caller.Commissioner.Name, decision.OnBehalfOf!.Name);
        using var drafter = host.ClientFor(Caller.Drafter);
        var audit = await (await drafter.GetAsync($"{rig.DraftUrl}/audit")).ReadAsync<AuditDto>();
        Assert.IsTrue(audit.Entries.Any(e => e.Action == "approved" && e.ActorName == Caller.Deputy.Name && e.Detail.Contains("as deputy for Alex Mercer", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task AnEndedOrExpiredDelegationGivesTheDeputyNothing()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host, SignOffRig.Settings(SignOffRig.Stage("Commissioner", ApprovalRule.Any, Caller.Commissioner)));
        using var commissioner = host.ClientFor(Caller.Commissioner);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await commissioner.SendJsonAsync(HttpMethod.Post, "/api/profile/delegations",
            new DelegationInput(null, SignOffRig.PersonFor(Caller.Deputy), today.AddDays(-10), today.AddDays(-1)));
        var current = await (await commissioner.SendJsonAsync(HttpMethod.Post, "/api/profile/delegations",
            new DelegationInput(null, SignOffRig.PersonFor(Caller.Deputy), today, today))).ReadAsync<DelegationDto>();
        var ended = await commissioner.SendJsonAsync(HttpMethod.Delete, $"/api/profile/delegations/{current.Id}", null);
        Assert.AreEqual(HttpStatusCode.OK, ended.StatusCode);
        await rig.SubmittedAsync();

        await (await rig.DecideAsync(Caller.Deputy, "approve")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [TestMethod]
    public async Task OnlyAnAdministratorNamesADeputyForSomeoneElse()
    {
        using var host = await ApiHost.StartAsync();
        await SignOffRig.CreateAsync(host);
        var input = new DelegationInput(Caller.Commissioner.ObjectId, SignOffRig.PersonFor(Caller.Deputy), DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow));
        using var headOfPolicy = host.ClientFor(Caller.HeadOfPolicy);
        using var admin = host.ClientFor(Caller.Admin);

        await (await headOfPolicy.SendJsonAsync(HttpMethod.Post, "/api/profile/delegations", input)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.AreEqual(HttpStatusCode.Created, (await admin.SendJsonAsync(HttpMethod.Post, "/api/profile/delegations", input)).StatusCode);
    }

    [TestMethod]
    public async Task AnEditAfterApprovalVoidsItAndTheDraftMustBeSubmittedAgain()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        var first = await rig.SubmittedAsync();
        await rig.DecidedAsync(Caller.HeadOfPolicy, "approve");

        var edited = await rig.EditAsync();

        Assert.AreEqual(HttpStatusCode.OK, edited.StatusCode, await edited.Content.ReadAsStringAsync());
        var workflow = await rig.WorkflowAsync();
        Assert.AreEqual(DraftState.Drafting, workflow.State);
        Assert.IsNotNull(workflow.Decisions.Single().VoidedAt);
        var stale = await rig.DecideAsync(Caller.Commissioner, "approve", sha256: first.Versions[0].Sha256);
        await stale.ProblemAsync(HttpStatusCode.Conflict);

        var second = await rig.SubmittedAsync();
        Assert.AreEqual(2, second.Versions.Count);
        Assert.AreEqual(DraftState.InReview, second.State, "The new version starts again at the first stage.");
    }

    [TestMethod]
    public async Task AnEditAfterFinalApprovalVoidsTheSignedLetter()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host, SignOffRig.Settings(SignOffRig.Stage("Commissioner", ApprovalRule.Any, Caller.Commissioner)));
        await rig.SubmittedAsync();
        await rig.DecidedAsync(Caller.Commissioner, "approve");

        Assert.AreEqual(HttpStatusCode.OK, (await rig.EditAsync()).StatusCode);

        var workflow = await rig.WorkflowAsync();
        Assert.AreEqual(DraftState.Drafting, workflow.State);
        Assert.IsNull(workflow.Final);
        using var client = host.ClientFor(Caller.Drafter);
        Assert.AreEqual(HttpStatusCode.NotFound, (await client.GetAsync($"{rig.DraftUrl}/final/document")).StatusCode);
    }

    [TestMethod]
    public async Task ADecisionOnAStaleVersionIsRefusedAndSaysWhichVersionIsCurrent()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        var first = await rig.SubmittedAsync();
        await rig.DecidedAsync(Caller.HeadOfPolicy, "request-changes", "Shorten recommendation 2.");
        await rig.EditAsync("Shorter.");
        await rig.SubmittedAsync();

        var problem = await (await rig.DecideAsync(Caller.HeadOfPolicy, "approve", sha256: first.Versions[0].Sha256)).ProblemAsync(HttpStatusCode.Conflict);

        StringAssert.Contains((string?)problem["detail"], "Version 2");
        Assert.AreEqual(0, (await rig.WorkflowAsync()).Decisions.Count(d => d.Kind == DecisionKind.Approved));
    }

    [TestMethod]
    public async Task RequestingChangesNeedsACommentAndSendsTheDraftBackToItsDrafters()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();

        var noComment = await (await rig.DecideAsync(Caller.HeadOfPolicy, "request-changes")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.AreEqual(1, noComment.ErrorsFor("comment").Count);

        var back = await rig.DecidedAsync(Caller.HeadOfPolicy, "request-changes", "Recommendation 2 needs the force's dates.");
        Assert.AreEqual(DraftState.ChangesRequested, back.State);
        Assert.AreEqual("Recommendation 2 needs the force's dates.", back.Decisions.Single().Comment);

        Assert.AreEqual(HttpStatusCode.OK, (await rig.EditAsync()).StatusCode);
        Assert.AreEqual(DraftState.Drafting, (await rig.WorkflowAsync()).State);
    }

    [TestMethod]
    public async Task TheReviewShowsWhatChangedSinceTheApproversLastDecision()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        await rig.DecidedAsync(Caller.HeadOfPolicy, "request-changes", "Say when training finishes.");
        await rig.EditAsync("Training finishes in March 2027.");
        await rig.SubmittedAsync();
        using var client = host.ClientFor(Caller.HeadOfPolicy);

        var review = await (await client.GetAsync($"{rig.DraftUrl}/review")).ReadAsync<ReviewDto>();

        Assert.AreEqual(1, review.ComparedWith);
        Assert.AreEqual(2, review.Current!.Number);
        Assert.IsTrue(review.CanDecide);
        Assert.IsTrue(review.Changes.Any(c => c.Kind == ChangeKind.Added && c.Text.Contains("Training finishes in March 2027.", StringComparison.Ordinal)));
        Assert.IsTrue(review.Changes.Any(c => c.Kind == ChangeKind.Removed));
        Assert.AreEqual("Say when training finishes.", review.Decisions.Single().Comment);
    }

    [TestMethod]
    public async Task ApprovingInWordSendsTheOpenDocumentAndTheDecisionRecordsItsHash()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host, SignOffRig.Settings(SignOffRig.Stage("Commissioner", ApprovalRule.Any, Caller.Commissioner)));
        var submitted = await rig.SubmittedAsync();
        using var client = host.ClientFor(Caller.Commissioner);
        var document = await client.GetByteArrayAsync(submitted.Versions[0].DocumentUrl);

        var response = await client.SendFormAsync(HttpMethod.Post, $"{rig.DraftUrl}/decisions",
            HttpCalls.FileForm("open.docx", document, Profiles.ProfilesApi.DocxContentType, new Dictionary<string, string> { ["decision"] = "approve" }, "document"));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var decision = (await response.ReadAsync<WorkflowDto>()).Decisions.Single();
        Assert.AreEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(document)), decision.DocumentSha256);
        Assert.AreEqual(submitted.Versions[0].Sha256, decision.VersionSha256);
    }

    [TestMethod]
    public async Task ADocumentEditedInWordIsNotApprovedAsTheSubmittedVersion()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host, SignOffRig.Settings(SignOffRig.Stage("Commissioner", ApprovalRule.Any, Caller.Commissioner)));
        var submitted = await rig.SubmittedAsync();
        using var client = host.ClientFor(Caller.Commissioner);
        var edited = Docx.AppendParagraph(await client.GetByteArrayAsync(submitted.Versions[0].DocumentUrl), "A sentence typed in Word.");

        var response = await client.SendFormAsync(HttpMethod.Post, $"{rig.DraftUrl}/decisions",
            HttpCalls.FileForm("open.docx", edited, Profiles.ProfilesApi.DocxContentType, new Dictionary<string, string> { ["decision"] = "approve" }, "document"));

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.AreEqual("The document differs from the version submitted", (string?)problem["title"]);
        Assert.AreEqual(0, (await rig.WorkflowAsync()).Decisions.Count);
    }

    [TestMethod]
    public async Task IllegalTransitionsAreRefusedWithTheReason()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        using var drafter = host.ClientFor(Caller.Drafter);

        var decideUnsubmitted = await (await rig.DecideAsync(Caller.HeadOfPolicy, "approve", sha256: new string('0', 64))).ProblemAsync(HttpStatusCode.Conflict);
        StringAssert.Contains((string?)decideUnsubmitted["detail"], "not been submitted");
        await (await drafter.SendJsonAsync(HttpMethod.Post, $"{rig.DraftUrl}/dispatch", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await drafter.SendJsonAsync(HttpMethod.Post, $"{rig.DraftUrl}/publication", new PublicationInput("https://wessex-pcc.example/l.pdf", "https://wessex-pcc.example/l")))
            .ProblemAsync(HttpStatusCode.Conflict);

        await rig.SubmittedAsync();
        var again = await (await rig.SubmitAsync()).ProblemAsync(HttpStatusCode.Conflict);
        StringAssert.Contains((string?)again["detail"], "already with its approvers");
    }

    [TestMethod]
    public async Task AfterDispatchTheDraftCannotChangeAndPublicationIsRecordedWithBothAddressesAndBothHashes()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host, SignOffRig.Settings(SignOffRig.Stage("Commissioner", ApprovalRule.Any, Caller.Commissioner)));
        await rig.SubmittedAsync();
        await rig.DecidedAsync(Caller.Commissioner, "approve");
        using var drafter = host.ClientFor(Caller.Drafter);
        var requested = await drafter.SendJsonAsync(HttpMethod.Post, $"{rig.DraftUrl}/dispatch", null);
        Assert.AreEqual(HttpStatusCode.OK, requested.StatusCode, await requested.Content.ReadAsStringAsync());
        await (await drafter.SendJsonAsync(HttpMethod.Post, $"{rig.DraftUrl}/dispatch", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await rig.EditAsync()).ProblemAsync(HttpStatusCode.Conflict);
        await InDatabaseAsync(host, async db =>
        {
            var draft = await db.Drafts.IgnoreQueryFilters().SingleAsync(d => d.Id == rig.Scenario.DraftId);
            draft.State = DraftState.Dispatched;

            // As for a letter finalised before web versions were made: the PDF round is done, and there is no web version.
            foreach (var entry in await db.Outbox.IgnoreQueryFilters().Where(e => e.Kind == OutboxKinds.Finalise).ToListAsync())
            {
                entry.CompletedAt = DateTime.UtcNow;
            }

            return await db.SaveChangesAsync();
        });

        var notReady = await drafter.SendJsonAsync(HttpMethod.Post, $"{rig.DraftUrl}/publication",
            new PublicationInput("https://wessex-pcc.example/l.pdf", "https://wessex-pcc.example/l"));
        StringAssert.Contains((string?)(await notReady.ProblemAsync(HttpStatusCode.Conflict))["title"], "not ready");
        var asked = await InDatabaseAsync(host, db => db.Outbox.IgnoreQueryFilters().CountAsync(e => e.Kind == OutboxKinds.Finalise && e.CompletedAt == null));
        Assert.AreEqual(1, asked, "a letter without its web version (signed before there were any) is finalised again, once");
        var (pdfSha256, webSha256) = await InDatabaseAsync<(string, string)>(host, async db =>
        {
            var final = await db.FinalLetters.IgnoreQueryFilters().SingleAsync(f => f.DraftId == rig.Scenario.DraftId);
            final.Pdf = "%PDF-1.7 the final PDF"u8.ToArray();
            final.PdfSha256 = Seed.Sha256(final.Pdf);
            final.Html = Documents.Publication.WebVersion.Make(final.Docx);
            final.HtmlSha256 = Seed.Sha256(final.Html);
            await db.SaveChangesAsync();
            return (final.PdfSha256, final.HtmlSha256);
        });

        // The web version downloads as a file, never as a page on the app's own origin.
        var web = await drafter.GetAsync($"{rig.DraftUrl}/final/web");
        Assert.AreEqual(HttpStatusCode.OK, web.StatusCode);
        Assert.AreEqual("text/html", web.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("attachment", web.Content.Headers.ContentDisposition?.DispositionType);
        StringAssert.EndsWith(web.Content.Headers.ContentDisposition?.FileNameStar ?? web.Content.Headers.ContentDisposition?.FileName, "-signed.html");
        StringAssert.StartsWith(web.Headers.GetValues("Content-Security-Policy").Single(), "default-src 'none'");
        Assert.AreEqual(webSha256, Seed.Sha256(await web.Content.ReadAsByteArrayAsync()));
        Assert.AreEqual(webSha256, (await rig.WorkflowAsync()).Final!.WebSha256);

        var bad = await drafter.SendJsonAsync(HttpMethod.Post, $"{rig.DraftUrl}/publication", new PublicationInput("http://wessex-pcc.example/l", null, "ftp://x"));
        var problem = await bad.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.AreEqual("Must be a public https:// address.", problem.ErrorsFor("letterUrl").Single());
        StringAssert.StartsWith(problem.ErrorsFor("webUrl").Single(), "Is required");
        Assert.AreEqual(1, problem.ErrorsFor("chiefConstableCommentsUrl").Count);
        var same = await drafter.SendJsonAsync(HttpMethod.Post, $"{rig.DraftUrl}/publication", new PublicationInput("https://wessex-pcc.example/l", "https://wessex-pcc.example/l"));
        StringAssert.StartsWith((await same.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("webUrl").Single(), "Is the PDF's address");

        var published = await drafter.SendJsonAsync(HttpMethod.Post, $"{rig.DraftUrl}/publication",
            new PublicationInput("https://wessex-pcc.example/hmicfrs/hidden-victims.pdf", "https://wessex-pcc.example/hmicfrs/hidden-victims"));
        var workflow = await published.ReadAsync<WorkflowDto>();
        Assert.AreEqual(DraftState.Published, workflow.State);
        Assert.AreEqual(
            new PublicationDto(workflow.Publication!.At, "https://wessex-pcc.example/hmicfrs/hidden-victims.pdf", "https://wessex-pcc.example/hmicfrs/hidden-victims",
                pdfSha256, webSha256, null),
            workflow.Publication,
            "both addresses, and the hash of each file published; the force's own copy of its comments is optional");
        var audit = await (await drafter.GetAsync($"{rig.DraftUrl}/audit")).ReadAsync<AuditDto>();
        var entry = audit.Entries.Single(e => e.Action == "published");
        StringAssert.Contains(entry.Detail, pdfSha256);
        StringAssert.Contains(entry.Detail, webSha256);
        await (await rig.EditAsync()).ProblemAsync(HttpStatusCode.Conflict);
    }

    [TestMethod]
    public async Task BadSignOffSettingsAreRefusedFieldByFieldAndNothingChanges()
    {
        using var host = await ApiHost.StartAsync();
        await SignOffRig.CreateAsync(host);
        using var admin = host.ClientFor(Caller.Admin);
        var before = await (await admin.GetAsync("/api/profile/sign-off")).Content.ReadAsStringAsync();
        var bad = new SignOffInput([new StageInput("", [], null, 90)], "not-an-address", null, ["x"], -1, null, null);

        var problem = await (await admin.SendJsonAsync(HttpMethod.Put, "/api/profile/sign-off", bad, (await admin.GetAsync("/api/profile")).ETag()))
            .ProblemAsync(HttpStatusCode.BadRequest);

        foreach (var field in new[] { "stages[0].name", "stages[0].approvers", "stages[0].dueDaysBeforeDeadline", "homeOfficeMailbox", "chiefInspectorMailbox", "ccEmails[0]", "reminderDaysBefore" })
        {
            Assert.AreEqual(1, problem.ErrorsFor(field).Count, field);
        }

        Assert.AreEqual(before, await (await admin.GetAsync("/api/profile/sign-off")).Content.ReadAsStringAsync());
    }

    [TestMethod]
    [DataRow(Database.Sqlite)]
    [DataRow(Database.PostgreSql)]
    public async Task EveryActionIsInTheHashChainedAuditTrailAndAnAlteredRowIsDetected(Database database)
    {
        using var host = await ApiHost.StartAsync(database);
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        await rig.DecidedAsync(Caller.HeadOfPolicy, "approve");
        using var client = host.ClientFor(Caller.Drafter);

        var audit = await (await client.GetAsync($"{rig.DraftUrl}/audit")).ReadAsync<AuditDto>();
        Assert.IsTrue(audit.Verification.Intact);
        CollectionAssert.IsSubsetOf(new[] { "created", "edited", "submitted", "approved" }, audit.Entries.Select(e => e.Action).ToArray());
        Assert.IsTrue(audit.Entries.Skip(1).Zip(audit.Entries).All(pair => pair.First.PreviousHash == pair.Second.Hash));

        var tampered = audit.Entries.First(e => e.Action == "approved");
        await InDatabaseAsync(host, db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"AuditEntries\" SET \"Detail\" = 'Approved by someone else' WHERE \"Stream\" = {tampered.Stream} AND \"Seq\" = {tampered.Seq}"));

        var after = await (await client.GetAsync($"{rig.DraftUrl}/audit")).ReadAsync<AuditDto>();
        Assert.IsFalse(after.Verification.Intact);
        Assert.AreEqual(tampered.Seq, after.Verification.FirstBrokenSeq);
    }

    [TestMethod]
    public async Task TheAuditTrailExportsAsCsvThatASpreadsheetWillNotRunAsFormulas()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        await rig.DecidedAsync(Caller.HeadOfPolicy, "request-changes", "=HYPERLINK(\"http://evil.example\") please, and fix \"quotes\"");
        using var admin = host.ClientFor(Caller.Admin);

        var csv = await (await admin.GetAsync("/api/audit?format=csv")).Content.ReadAsStringAsync();

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual("stream,seq,at,actorId,actorName,action,draftId,versionSha256,detail,previousHash,hash", lines[0]);
        Assert.IsTrue(lines.Any(l => l.Contains(",changes-requested,", StringComparison.Ordinal)));
        Assert.IsFalse(lines.Any(l => l.Contains(",=HYPERLINK", StringComparison.Ordinal) || l.Contains(",\"=HYPERLINK", StringComparison.Ordinal)));
        var json = await (await admin.GetAsync("/api/audit")).ReadAsync<AuditDto>();
        Assert.IsTrue(json.Verification.Intact);
        Assert.IsTrue(json.Entries.Any(e => e.Stream == "profile" && e.Action == "sign-off-settings-changed"));
    }

    [TestMethod]
    public async Task TheDraftListSaysWhereEachDraftIsAndWhoHoldsIt()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        await rig.SubmittedAsync();
        using var client = host.ClientFor(Caller.Drafter);

        var summary = (await (await client.GetAsync("/api/drafts")).ReadAsync<List<Drafts.DraftSummaryDto>>()).Single();

        Assert.AreEqual(DraftState.InReview, summary.State);
        Assert.AreEqual("Head of policy", summary.StageName);
        CollectionAssert.AreEqual(new[] { Caller.HeadOfPolicy.Name }, summary.Holders.ToArray());
    }

    [TestMethod]
    public async Task TheLocalSampleComesWithAnApprovalChainOfTheLocalUsers()
    {
        using var host = ApiHost.StartLocal();
        using var client = host.CreateClient();
        var token = await (await client.PostAsJsonAsync("/dev/sign-in", new LocalSignInRequest("commissioner"))).ReadAsync<LocalToken>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);

        var settings = await (await client.GetAsync("/api/profile/sign-off")).ReadAsync<SignOffSettings>();

        CollectionAssert.AreEqual(new[] { "Head of policy", "Commissioner" }, settings.Stages.Select(s => s.Name).ToArray());
        Assert.AreEqual(LocalTokenIssuer.ObjectIdFor("commissioner"), settings.Stages[1].Approvers.Single().Id);
    }

    [TestMethod]
    public async Task AnotherOpccSeesNoneOfTheSignOff()
    {
        using var host = await ApiHost.StartAsync();
        var rig = await SignOffRig.CreateAsync(host);
        var submitted = await rig.SubmittedAsync();
        using var other = host.ClientFor(Caller.OtherTenant);

        Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync($"{rig.DraftUrl}/workflow")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync(submitted.Versions[0].DocumentUrl)).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync($"{rig.DraftUrl}/audit")).StatusCode);
        Assert.AreEqual(0, (await (await other.GetAsync("/api/profile/delegations")).ReadAsync<List<DelegationDto>>()).Count);
    }

    private static async Task<T> InDatabaseAsync<T>(ApiHost host, Func<DraftingDb, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().ActFor(Caller.TenantA);
        return await work(scope.ServiceProvider.GetRequiredService<DraftingDb>());
    }
}
