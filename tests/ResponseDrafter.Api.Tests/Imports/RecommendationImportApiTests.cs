using System.Net;
using System.Text.Json.Nodes;
using ResponseDrafter.Api.Imports;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Api.Tests.Imports;

[TestClass]
public sealed class RecommendationImportApiTests
{
    private static IEnumerable<string> Shape(IEnumerable<Recommendation> recommendations) =>
        recommendations.SelectMany(r => r.SubItems.Select(s => $"  {s.Label}. [{string.Join("|", s.Addressees)}] {s.Text}")
            .Prepend($"{r.Number} {r.Kind} [{string.Join("|", r.Addressees)}] {r.Text}"));

    private static IEnumerable<string> Published(params string[] numbers) => Shape(Scenario.HiddenVictims().Recommendations!
        .Where(r => numbers.Contains(r.Number))
        .Select(r => new Recommendation
        {
            Number = r.Number!,
            Addressees = r.Addressees ?? [],
            Text = r.Text!,
            SubItems = [.. (r.SubItems ?? []).Select(s => new SubItem { Label = s.Label!, Text = s.Text!, Addressees = s.Addressees ?? [] })],
        }));

    [TestMethod]
    public async Task ThePastedEssexAppendixPreviewsThePublishedRecommendationsVerbatim()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendJsonAsync(HttpMethod.Post, "/api/imports/recommendations/preview", new RecommendationPasteInput(ImportFiles.EssexLetter));

        var preview = await response.ReadAsync<RecommendationPreviewDto>();
        CollectionAssert.AreEqual(Published("2", "3", "4").ToList(), Shape(preview.Recommendations.Take(3)).ToList());
        Assert.AreEqual("understand how to advise victims what support is available them;", preview.Recommendations[0].SubItems[4].Text,
            "The report's own slip is kept.");
        var monitoring = preview.Recommendations[3];
        Assert.AreEqual("6 Monitoring of recommendations", $"{monitoring.Number} {monitoring.Text}");
        CollectionAssert.AreEqual(
            new[] { "a Home Office", "b National Police Chiefs' Council", "c Association of Police and Crime Commissioners" },
            monitoring.SubItems.Select(s => $"{s.Label} {string.Join("|", s.Addressees)}").ToArray());
        CollectionAssert.AreEqual(
            new[] { "NumberingGap 2", "SubItemLetterMissing 2", "NumberingGap 6" },
            preview.Warnings.Select(w => $"{w.Kind} {w.Recommendation}").ToArray());
        StringAssert.Contains(preview.Warnings[2].Message, "Recommendation 5 is missing between 4 and 6");
        Assert.IsTrue(preview.Unplaced.Any(u => u.Text == "Dear Home Secretary,"), "The letter around the appendix is unplaced, not lost.");
        Assert.IsNull(preview.FileName);
        Assert.AreEqual(0, (await (await client.GetAsync("/api/reports")).ReadAsync<List<ReportSummaryDto>>()).Count, "A preview saves nothing.");
    }

    [TestMethod]
    public async Task APreviewConfirmedThroughTheReportsEndpointIsSavedAsCorrected()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);
        var preview = await client.SendJsonAsync(HttpMethod.Post, "/api/imports/recommendations/preview", new RecommendationPasteInput(ImportFiles.EssexLetter));
        var recommendations = JsonNode.Parse(await preview.Content.ReadAsStringAsync())!["recommendations"]!.AsArray();
        recommendations[1]!["addressees"]!.AsArray().Add("police and crime commissioners");

        var saved = await client.SendJsonAsync(HttpMethod.Post, "/api/reports", new JsonObject
        {
            ["title"] = "The hidden victims (imported)",
            ["kind"] = "super-complaint",
            ["publishedOn"] = "2021-05-26",
            ["recommendations"] = recommendations.DeepClone(),
        });

        var report = await saved.ReadAsync<ReportDto>();
        Assert.AreEqual(HttpStatusCode.Created, saved.StatusCode);
        CollectionAssert.AreEqual(new[] { "2", "3", "4", "6" }, report.Recommendations.Select(r => r.Number).ToArray());
        CollectionAssert.AreEqual(new[] { "chief constables", "police and crime commissioners" }, report.Recommendations[1].Addressees.ToArray());
        CollectionAssert.AreEqual(Published("2").ToList(), Shape(report.Recommendations.Take(1)).ToList());
        var listed = await (await client.GetAsync("/api/reports")).ReadAsync<List<ReportSummaryDto>>();
        Assert.AreEqual("The hidden victims (imported)", listed.Single().Title);
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task AReportUploadedAsPdfPreviewsItsRecommendationsWithTheirPagesTitleAndDate()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);
        var three = Scenario.HiddenVictims().Recommendations!.Single(r => r.Number == "3");
        var docx = new WordFile()
            .Heading(1, "Hidden victims: the police response to modern slavery")
            .Paragraph("Published 26 May 2021")
            .Raw(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(
                new DocumentFormat.OpenXml.Wordprocessing.Break { Type = DocumentFormat.OpenXml.Wordprocessing.BreakValues.Page })))
            .Heading(1, "Recommendations")
            .Paragraph("Recommendation 3: To chief constables").Paragraph(three.Text!)
            .Build();
        var pdf = PdfTools.ToPdf(new Dictionary<string, byte[]> { ["report"] = docx })["report"];

        var response = await client.SendFormAsync(HttpMethod.Post, "/api/imports/recommendations/preview", HttpCalls.FileForm("hidden victims.pdf", pdf, "application/pdf"));

        var preview = await response.ReadAsync<RecommendationPreviewDto>();
        CollectionAssert.AreEqual(Published("3").ToList(), Shape(preview.Recommendations).ToList());
        Assert.AreEqual("3 on page 2", string.Join(", ", preview.Pages!.Select(p => $"{p.Number} on page {p.Page}")));
        Assert.AreEqual("Hidden victims: the police response to modern slavery", preview.Title);
        Assert.AreEqual(new DateOnly(2021, 5, 26), preview.PublishedOn);
    }

    [TestMethod]
    public async Task ADamagedPdfIsRefusedWithItsCodeAndNothingIsKept()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendFormAsync(HttpMethod.Post, "/api/imports/recommendations/preview",
            HttpCalls.FileForm("report.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\nnot really a PDF"), "application/pdf"));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.AreEqual("malformed", (string?)problem["code"]);
        StringAssert.Contains((string?)problem["detail"], "\"report.pdf\" is damaged");
    }

    [TestMethod]
    public async Task AReportUploadedAsWordPreviewsItsListsAsSubItems()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Admin);
        var published = Scenario.HiddenVictims().Recommendations!;
        var three = published.Single(r => r.Number == "3");
        var six = published.Single(r => r.Number == "6");
        var file = new WordFile()
            .Heading(1, "Recommendations")
            .Paragraph("Recommendation 3: To chief constables").Paragraph(three.Text!)
            .Paragraph("Recommendation 6: Monitoring of recommendations")
            .List(WordList.Lettered);
        foreach (var subItem in six.SubItems!)
        {
            file.Item(subItem.Text!);
        }

        var response = await client.SendFormAsync(HttpMethod.Post, "/api/imports/recommendations/preview",
            HttpCalls.FileForm("hidden victims.docx", file.Build(), ImportFiles.DocxType));

        var preview = await response.ReadAsync<RecommendationPreviewDto>();
        Assert.AreEqual("hidden victims.docx", preview.FileName);
        CollectionAssert.AreEqual(Published("3").ToList(), Shape(preview.Recommendations.Take(1)).ToList());
        CollectionAssert.AreEqual(
            six.SubItems!.Select(s => $"{s.Label}. {s.Text}").ToArray(),
            preview.Recommendations[1].SubItems.Select(s => $"{s.Label}. {s.Text}").ToArray(),
            "Word's own list letters label the sub-items.");
        Assert.AreEqual("Home Office", preview.Recommendations[1].SubItems[0].Addressees.Single());
    }

    [TestMethod]
    public async Task BlankTextIsRefusedNamingTheField()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendJsonAsync(HttpMethod.Post, "/api/imports/recommendations/preview", new RecommendationPasteInput("  \n "));

        var reason = (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("text").Single();
        StringAssert.StartsWith(reason, "Is required");
    }

    [TestMethod]
    public async Task APdfWithNoPagesIsRefusedAsDamaged()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.SendFormAsync(HttpMethod.Post, "/api/imports/recommendations/preview",
            HttpCalls.FileForm("report.pdf", ImportFiles.Pdf(), "application/pdf"));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.AreEqual("malformed", (string)problem["code"]!);
        StringAssert.StartsWith((string)problem["detail"]!, "\"report.pdf\" is damaged");
    }

    [TestMethod]
    public async Task ARequestWithNeitherTextNorAFileIsRefusedAsUnsupported()
    {
        using var host = await ApiHost.StartAsync();
        using var client = host.ClientFor(Caller.Drafter);

        var plain = await client.SendRawAsync(HttpMethod.Post, "/api/imports/recommendations/preview", "Recommendation 1: To chief constables", "text/plain");
        var none = await client.PostAsync("/api/imports/recommendations/preview", null);

        await plain.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        StringAssert.Contains((string)(await none.ProblemAsync(HttpStatusCode.UnsupportedMediaType))["detail"]!, "application/json");
    }
}
