using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Tests;

/// <summary>The same behaviour on every database provider: concurrency, tenant isolation, round trips, and the letter itself.</summary>
public abstract class PersistenceTests
{
    protected abstract Database Database { get; }

    [TestMethod]
    public async Task AStaleDraftWriteGets412AndChangesNothing()
    {
        using var host = await ApiHost.StartAsync(Database);
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var first = await client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2", new ResponseInput("First words.", ResponseStatus.ActionTaken, null), scenario.DraftETag);

        var stale = await client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2", new ResponseInput("Overwriting words.", null, null), scenario.DraftETag);

        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var draft = await client.GetAsync(scenario.DraftUrl);
        Assert.AreEqual(first.ETag(), draft.ETag());
        Assert.AreEqual("First words.", (await draft.ReadAsync<DraftDto>()).Responses.Single(r => r.Ref == "2").Commentary);
    }

    [TestMethod]
    public async Task AWriteWithoutIfMatchGets428()
    {
        using var host = await ApiHost.StartAsync(Database);
        var scenario = await Scenario.CreateAsync(host);
        using var admin = host.ClientFor(Caller.Admin);
        using var drafter = host.ClientFor(Caller.Drafter);

        await (await admin.SendJsonAsync(HttpMethod.Put, "/api/profile", Scenario.Profile("Changed"))).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await drafter.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/selection", new SelectionInput(["2"]))).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await drafter.SendJsonAsync(HttpMethod.Post, $"{scenario.ReportUrl}/archive", null, "*")).ProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.AreEqual(scenario.ProfileETag, (await admin.GetAsync("/api/profile")).ETag());
    }

    [TestMethod]
    public async Task OfTwoWritesFromTheSameVersionOnlyOneWins()
    {
        using var host = await ApiHost.StartAsync(Database);
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        var writes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            client.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2", new ResponseInput($"Writer {i}", null, null), scenario.DraftETag)));

        Assert.AreEqual(1, writes.Count(w => w.StatusCode == HttpStatusCode.OK));
        Assert.AreEqual(3, writes.Count(w => w.StatusCode == HttpStatusCode.PreconditionFailed));
        var winner = await writes.Single(w => w.IsSuccessStatusCode).ReadAsync<DraftDto>();
        var stored = await (await client.GetAsync(scenario.DraftUrl)).ReadAsync<DraftDto>();
        Assert.AreEqual(winner.Responses.Single(r => r.Ref == "2").Commentary, stored.Responses.Single(r => r.Ref == "2").Commentary);
        Assert.AreEqual(2, stored.Version);
    }

    [TestMethod]
    public async Task AnotherTenantSeesNoneOfTheRowsAndGets404ForTheirIds()
    {
        using var host = await ApiHost.StartAsync(Database);
        var scenario = await Scenario.CreateAsync(host);
        using var other = host.ClientFor(Caller.OtherTenant);

        Assert.AreEqual(0, (await (await other.GetAsync("/api/reports?includeArchived=true")).ReadAsync<List<ReportSummaryDto>>()).Count);
        Assert.AreEqual(0, (await (await other.GetAsync("/api/drafts")).ReadAsync<List<DraftSummaryDto>>()).Count);
        Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync(scenario.ReportUrl)).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync(scenario.DraftUrl)).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync($"{scenario.DraftUrl}/document")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync("/api/profile")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await other.SendJsonAsync(HttpMethod.Put, $"{scenario.DraftUrl}/responses/2", new ResponseInput("x", null, null), scenario.DraftETag)).StatusCode);
        var stolen = await other.SendJsonAsync(HttpMethod.Post, "/api/drafts", new NewDraftInput(scenario.ReportId));
        Assert.AreEqual(1, (await stolen.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("reportId").Count);
    }

    [TestMethod]
    public async Task EachTenantKeepsItsOwnProfileAndCatalogue()
    {
        using var host = await ApiHost.StartAsync(Database);
        await Scenario.CreateAsync(host);
        await Scenario.CreateAsync(host, Caller.AdminB, Caller.AdminB);
        using var a = host.ClientFor(Caller.Admin);
        using var b = host.ClientFor(Caller.AdminB);
        await b.SendJsonAsync(HttpMethod.Put, "/api/profile", Scenario.Profile("Tenant B's office"), (await b.GetAsync("/api/profile")).ETag());

        Assert.AreEqual("Office of the Police and Crime Commissioner for Wessex", (await (await a.GetAsync("/api/profile")).ReadAsync<ProfileDto>()).Name);
        Assert.AreEqual("Tenant B's office", (await (await b.GetAsync("/api/profile")).ReadAsync<ProfileDto>()).Name);
        Assert.AreEqual(1, (await (await a.GetAsync("/api/drafts")).ReadAsync<List<DraftSummaryDto>>()).Count);
        Assert.AreEqual(1, (await (await b.GetAsync("/api/drafts")).ReadAsync<List<DraftSummaryDto>>()).Count);
    }

    [TestMethod]
    public async Task EveryTenantOwnedEntityIsFilteredByTenant()
    {
        using var host = await ApiHost.StartAsync(Database);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DraftingDb>();

        var owned = db.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).ToList();

        CollectionAssert.AreEquivalent(
            new[] { "Report", "Draft", "DraftResponse", "DraftDocument", "Profile", "ProfileTemplate", "DraftVersion", "Decision", "Delegation", "FinalLetter", "AuditEntry", "OutboxEntry" },
            owned.Select(e => e.ClrType.Name).ToArray());
        foreach (var entity in owned)
        {
            Assert.AreNotEqual(0, entity.GetDeclaredQueryFilters().Count, $"{entity.ClrType.Name} has no tenant filter");
        }
    }

    [TestMethod]
    public async Task ADraftKeepsEveryLetterFieldAndResponse()
    {
        using var host = await ApiHost.StartAsync(Database);
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var letter = new DraftLetterInput(
            [new ReferenceInput("Our ref", "OPCC/S55/2021/04")],
            new DateOnly(2021, 7, 19),
            DateStyle.Ordinal,
            [new RecipientInput("Rt Hon Priti Patel MP", "Home Secretary", ["Home Office", "2 Marsham Street"], "section55responses@homeoffice.gov.uk")],
            "Dear Home Secretary",
            "HMICFRS super-complaint: modern slavery",
            "Section 55 of the Police Act 1996",
            "I welcome this report.",
            "Context with _emphasis_ and **bold**.",
            "The Police and Crime Panel will review progress.",
            null,
            "Kind regards",
            new SignatoryInput("Alex Mercer", "Police and Crime Commissioner"),
            ["Chief Constable", "Chair, Police and Crime Panel"],
            "Copied to:",
            [new AppendixInput("Appendix A - Recommendations", null, ["2", "3"])]);

        var put = await client.SendJsonAsync(HttpMethod.Put, scenario.DraftUrl, letter, scenario.DraftETag);
        var stored = await (await client.GetAsync(scenario.DraftUrl)).ReadAsync<DraftDto>();

        Assert.AreEqual(HttpStatusCode.OK, put.StatusCode);
        Assert.AreEqual("OPCC/S55/2021/04", stored.Letter.References.Single().Value);
        Assert.AreEqual(new DateOnly(2021, 7, 19), stored.Letter.Date);
        Assert.AreEqual(DateStyle.Ordinal, stored.Letter.DateStyle);
        Assert.AreEqual("Home Secretary", stored.Letter.Recipients.Single().Title);
        Assert.AreEqual("Kind regards", stored.Letter.Closing);
        Assert.AreEqual("Copied to:", stored.Letter.CopyListLabel);
        CollectionAssert.AreEqual(new[] { "2", "3" }, stored.Letter.Appendices.Single().Recommendations.ToArray());
        Assert.IsNull(stored.Letter.Publication);
    }

    [TestMethod]
    public async Task AnUploadedTemplateIsStoredByteForByte()
    {
        using var host = await ApiHost.StartAsync(Database);
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Admin);
        var template = Documents.Templates.LetterTemplate.Default.Docx;
        using var form = HttpCalls.FileForm("wessex.docx", template, ProfilesApi.DocxContentType);

        await (await client.SendFormAsync(HttpMethod.Put, "/api/profile/template", form, scenario.ProfileETag)).ReadAsync<ProfileDto>();

        CollectionAssert.AreEqual(template, await (await client.GetAsync("/api/profile/template")).Content.ReadAsByteArrayAsync());
        var info = (await (await client.GetAsync("/api/profile")).ReadAsync<ProfileDto>()).Template;
        Assert.AreEqual("custom", info.Source);
        Assert.AreEqual("wessex.docx", info.FileName);
        Assert.AreEqual(64, info.Sha256?.Length);
    }

    [TestMethod]
    public async Task ReportThenDraftThenTwoAnswersGiveAValidDocumentCarryingTheDraftsIdentity()
    {
        using var host = await ApiHost.StartAsync(Database);
        using var admin = host.ClientFor(Caller.Admin);
        using var drafter = host.ClientFor(Caller.Drafter);
        await (await admin.SendJsonAsync(HttpMethod.Put, "/api/profile", Scenario.Profile())).ReadAsync<ProfileDto>();
        var report = await (await drafter.SendJsonAsync(HttpMethod.Post, "/api/reports", Scenario.HiddenVictims())).ReadAsync<ReportDto>();
        var created = await drafter.SendJsonAsync(HttpMethod.Post, "/api/drafts", new NewDraftInput(report.Id));
        var draft = await created.ReadAsync<DraftDto>();
        var url = $"/api/drafts/{draft.Id}";

        var assured = await drafter.SendJsonAsync(
            HttpMethod.Put,
            $"{url}/responses/2/assurance",
            new AssuranceInput("All frontline officers have completed modern slavery training.", "Det Supt Example, Wessex Police", null, null),
            created.ETag());
        var second = await drafter.SendJsonAsync(HttpMethod.Put, $"{url}/responses/2", new ResponseInput("I am satisfied that the training reaches every officer.", ResponseStatus.ActionTaken, null), assured.ETag());
        var third = await drafter.SendJsonAsync(HttpMethod.Put, $"{url}/responses/4", new ResponseInput("My office and the force now jointly commission victim support.", ResponseStatus.ActionProposed, null), second.ETag());
        var document = await drafter.GetAsync($"{url}/document");

        Assert.AreEqual(HttpStatusCode.OK, document.StatusCode, await document.Content.ReadAsStringAsync());
        Assert.AreEqual(ProfilesApi.DocxContentType, document.Content.Headers.ContentType?.MediaType);
        StringAssert.StartsWith(document.Content.Headers.ContentDisposition?.FileName?.Trim('"'), "Response - The hidden victims");
        Assert.AreEqual(third.ETag(), document.ETag());
        var docx = await document.Content.ReadAsByteArrayAsync();
        var errors = Docx.Validate(docx);
        Assert.AreEqual(0, errors.Count, string.Join('\n', errors));
        var text = Docx.Text(docx);
        StringAssert.Contains(text, "I am satisfied that the training reaches every officer.");
        StringAssert.Contains(text, "My office and the force now jointly commission victim support.");
        StringAssert.Contains(text, "All frontline officers have completed modern slavery training.");
        var identity = Docx.CustomXml(docx).Single(x => x.Contains(DraftIdentityPart.Namespace, StringComparison.Ordinal));
        StringAssert.Contains(identity, draft.Id.ToString());
    }
}

[TestClass]
public sealed class SqlitePersistenceTests : PersistenceTests
{
    protected override Database Database => Database.Sqlite;
}

[TestClass]
public sealed class PostgreSqlPersistenceTests : PersistenceTests
{
    protected override Database Database => Database.PostgreSql;
}
