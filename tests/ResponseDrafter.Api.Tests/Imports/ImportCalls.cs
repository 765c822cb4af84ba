using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests.Imports;

/// <summary>The import endpoints called as the task pane calls them.</summary>
internal static class ImportCalls
{
    public const string Supplier = "Det Chief Supt Eamonn Bridger, Suffolk Constabulary";

    public static Task<HttpResponseMessage> PreviewAssuranceAsync(this HttpClient client, Scenario scenario, byte[] docx, string fileName = "briefing note.docx") =>
        client.SendFormAsync(HttpMethod.Post, $"{scenario.DraftUrl}/assurance-import/preview", HttpCalls.FileForm(fileName, docx, ImportFiles.DocxType));

    /// <summary>A preview comparing the drafter's <paramref name="mapping"/> (the JSON text as sent) with the saved assurance.</summary>
    public static Task<HttpResponseMessage> PreviewAssuranceAsync(this HttpClient client, Scenario scenario, byte[] docx, string fileName, string mapping) =>
        client.SendFormAsync(HttpMethod.Post, $"{scenario.DraftUrl}/assurance-import/preview", HttpCalls.FileForm(fileName, docx, ImportFiles.DocxType,
            new Dictionary<string, string> { ["mapping"] = mapping }));

    public static Task<HttpResponseMessage> ConfirmAssuranceAsync(
        this HttpClient client, Scenario scenario, byte[] docx, string sha256, object mapping, string ifMatch, string fileName = "briefing note.docx") =>
        client.SendFormAsync(HttpMethod.Post, $"{scenario.DraftUrl}/assurance-import", HttpCalls.FileForm(fileName, docx, ImportFiles.DocxType, new Dictionary<string, string>
        {
            ["suppliedBy"] = Supplier,
            ["sha256"] = sha256,
            ["mapping"] = JsonSerializer.Serialize(mapping),
        }), ifMatch);

    /// <summary>For the authorisation matrix: a preview of pasted text that reads one recommendation.</summary>
    public static HttpRequestMessage PreviewRecommendationsRequest() => new(HttpMethod.Post, "/api/imports/recommendations/preview")
    {
        Content = JsonContent.Create(new { text = "Recommendation 1: To chief constables\nChief constables should review vetting." }),
    };

    /// <summary>For the authorisation matrix: a preview of a small, safe force document.</summary>
    public static HttpRequestMessage PreviewAssuranceRequest(Scenario scenario) => new(HttpMethod.Post, $"{scenario.DraftUrl}/assurance-import/preview")
    {
        Content = HttpCalls.FileForm("force.docx", ImportFiles.Plain(), ImportFiles.DocxType),
    };

    /// <summary>For the authorisation matrix: a confirmation that sets recommendation 2's assurance from that document.</summary>
    public static HttpRequestMessage ConfirmAssuranceRequest(Scenario scenario)
    {
        var docx = ImportFiles.Plain();
        var request = new HttpRequestMessage(HttpMethod.Post, $"{scenario.DraftUrl}/assurance-import")
        {
            Content = HttpCalls.FileForm("force.docx", docx, ImportFiles.DocxType, new Dictionary<string, string>
            {
                ["suppliedBy"] = Supplier,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(docx)),
                ["mapping"] = "{\"2\":[\"s1\"]}",
            }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", scenario.DraftETag);
        return request;
    }
}
