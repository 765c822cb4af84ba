using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Sample;

namespace ResponseDrafter.Api.Tests.Infrastructure;

/// <summary>Tenant A set up through the API as a user would: a profile, the 2021 report, and a draft answering it.</summary>
public sealed record Scenario(Guid ReportId, Guid DraftId, string DraftETag, string ReportETag, string ProfileETag)
{
    public string DraftUrl => $"/api/drafts/{DraftId}";

    public string ReportUrl => $"/api/reports/{ReportId}";

    public static ProfileInput Profile(string name = "Office of the Police and Crime Commissioner for Wessex") => new(
        name,
        "Alex Mercer",
        "Police and Crime Commissioner for Wessex",
        ["1 Sample Street, Wessex Town WX1 1AA", "opcc@wessex-pcc.example"],
        null,
        null,
        "Section 55 of the Police Act 1996",
        [new RecipientInput("The Home Secretary", null, ["Home Office", "2 Marsham Street", "London", "SW1P 4DF"], "section55responses@homeoffice.gov.uk")],
        ["Chief Constable, Wessex Police"],
        "cc:",
        "Dear Home Secretary",
        null,
        "This response is published on the Commissioner's website.");

    public static ReportInput HiddenVictims() => SampleData.ReadSampleReport();

    public static ReportInput Report(string title, DateOnly publishedOn, Documents.Letters.ReportKind kind = Documents.Letters.ReportKind.Thematic) => new(
        title,
        kind,
        publishedOn,
        "https://www.justiceinspectorates.gov.uk/hmicfrs/publications/example",
        [new RecommendationInput("1", null, ["chief constables"], "By March, chief constables should review vetting.", [])]);

    public static async Task<Scenario> CreateAsync(ApiHost host, Caller? admin = null, Caller? drafter = null)
    {
        using var adminClient = host.ClientFor(admin ?? Caller.Admin);
        using var drafterClient = host.ClientFor(drafter ?? Caller.Drafter);
        var existing = await adminClient.GetAsync("/api/profile");
        var profile = existing.IsSuccessStatusCode ? existing : await adminClient.SendJsonAsync(HttpMethod.Put, "/api/profile", Profile());
        _ = await profile.ReadAsync<ProfileDto>();
        var reportResponse = await drafterClient.SendJsonAsync(HttpMethod.Post, "/api/reports", HiddenVictims());
        var report = await reportResponse.ReadAsync<ReportDto>();
        var draftResponse = await drafterClient.SendJsonAsync(HttpMethod.Post, "/api/drafts", new NewDraftInput(report.Id));
        var draft = await draftResponse.ReadAsync<DraftDto>();
        return new Scenario(report.Id, draft.Id, draftResponse.ETag(), reportResponse.ETag(), profile.ETag());
    }
}
