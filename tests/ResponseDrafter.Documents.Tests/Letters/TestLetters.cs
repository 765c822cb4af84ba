using System.Text.Json;
using System.Text.Json.Serialization;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Documents.Tests.Letters;

internal static class TestLetters
{
    private static readonly JsonSerializerOptions Lenient = new(LetterJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    /// <summary>
    /// The 2021 super-complaint report's recommendations exactly as /work/shared/examples/hidden-victims-2021.json
    /// gives them (copied beside these tests). It carries a "notes" property that a letter request does not accept.
    /// </summary>
    public static ReportInfo HiddenVictims()
    {
        var json = File.ReadAllText(RepositoryFiles.Path("tests", "ResponseDrafter.Documents.Tests", "Rules", "hidden-victims-2021.json"));
        return JsonSerializer.Deserialize<ReportInfo>(json, Lenient)!;
    }

    public static Letter Minimal(ReportInfo? report = null, params RecommendationResponse[] responses) => new()
    {
        Opcc = new OpccProfile
        {
            Name = "Office of the Police and Crime Commissioner for Testshire",
            CommissionerName = "Alex Example",
            CommissionerTitle = "Police and Crime Commissioner",
        },
        Date = new DateOnly(2021, 7, 19),
        Recipients = [new Recipient { Name = "Rt Hon Priti Patel MP", Title = "Home Secretary" }],
        Salutation = "Dear Home Secretary,",
        Subject = "The hidden victims",
        Report = report ?? new ReportInfo { Title = "A report", PublishedOn = new DateOnly(2021, 5, 26) },
        StatutoryCitation = "Section 55 of the Police Act 1996",
        Responses = responses,
        Signatory = new Signatory { Name = "Alex Example", Title = "Police and Crime Commissioner" },
    };

    public static RecommendationResponse Answer(string reference, ResponseStatus? status = ResponseStatus.ActionTaken) => new()
    {
        Ref = reference,
        Status = status,
        Commentary = "The force has reviewed its training.",
    };

    public static Recommendation Recommendation(string number, string text, params string[] addressees) => new()
    {
        Number = number,
        Text = text,
        Addressees = addressees,
    };
}
