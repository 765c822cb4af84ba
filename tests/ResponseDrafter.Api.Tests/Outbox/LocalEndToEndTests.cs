using System.Net.Http.Json;
using System.Text;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Tests.Outbox;

[TestClass]
public sealed class LocalEndToEndTests
{
    /// <summary>The embedded default as `dotnet run` starts it: submit, approve twice, dispatch, through the API only.</summary>
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task SubmitApproveAndDispatchProduceTheSignedLetterItsPdfAndAnEmlWithThePdfAttached()
    {
        DispatchCrashTests.AssertLibreOffice();
        var data = Directory.CreateTempSubdirectory("rd-e2e-").FullName;
        try
        {
            using var host = ApiHost.StartLocal(new Dictionary<string, string?> { ["Storage:DataPath"] = data, ["Outbox:Enabled"] = "true", ["Outbox:PollInterval"] = "00:00:00.200" });
            using var drafter = await LocalSignOffFlow.SignedInAsync(host.CreateClient(), "drafter");
            using var approver = await LocalSignOffFlow.SignedInAsync(host.CreateClient(), "approver");
            using var commissioner = await LocalSignOffFlow.SignedInAsync(host.CreateClient(), "commissioner");

            var draftId = await LocalSignOffFlow.ApprovedDraftAsync(drafter, approver, commissioner);
            var asked = await NotificationsOfAsync(approver, TimeSpan.FromSeconds(60));
            await LocalSignOffFlow.RequestDispatchAsync(drafter, draftId);
            var workflow = await LocalSignOffFlow.WaitForStateAsync(drafter, draftId, DraftState.Dispatched, TimeSpan.FromSeconds(180));

            var docx = await drafter.GetByteArrayAsync($"/api/drafts/{draftId}/final/document");
            var pdf = await drafter.GetByteArrayAsync($"/api/drafts/{draftId}/final/pdf");
            Assert.IsEmpty(Docx.Validate(docx), "the signed letter is a valid Word document");
            StringAssert.Contains(Docx.Text(docx), "Alex Mercer");
            Assert.AreEqual("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
            Assert.AreEqual(Seed.Sha256(pdf), workflow.Final!.PdfSha256);
            StringAssert.StartsWith(workflow.Final.PdfWebUrl, $"/files/{LocalSignOffFlow.Tenant}/ResponseDrafter/");
            StringAssert.StartsWith(workflow.Versions[0].WebUrl, $"/files/{LocalSignOffFlow.Tenant}/ResponseDrafter/", "the submitted version was stored too");
            var eml = await File.ReadAllTextAsync(Path.Combine(LocalSignOffFlow.OutboxFolder(data), $"{DispatchHandler.MessageKey(draftId)}.eml"));
            StringAssert.Contains(eml, "To: section55responses@homeoffice.gov.uk, hmci@hmicfrs.example");
            StringAssert.Contains(eml, "Content-Disposition: attachment;");
            StringAssert.Contains(eml.Replace("\r\n", "", StringComparison.Ordinal), Convert.ToBase64String(pdf), "the attachment is the frozen PDF");
            Assert.AreEqual(1, eml.Split("Content-Disposition: attachment;").Length - 1, "the PDF is the one attachment");

            // The web version of the same signed letter, stored beside the PDF and downloadable; the publication record
            // keeps both addresses and both hashes.
            var web = await drafter.GetAsync($"/api/drafts/{draftId}/final/web");
            Assert.AreEqual("attachment", web.Content.Headers.ContentDisposition?.DispositionType);
            var html = await web.Content.ReadAsByteArrayAsync();
            CollectionAssert.AreEqual(Documents.Publication.WebVersion.Make(docx), html, "made from the signed .docx");
            Assert.AreEqual(Seed.Sha256(html), workflow.Final.WebSha256);
            StringAssert.EndsWith(workflow.Final.WebVersionUrl, "-signed.html");
            var published = await drafter.PostAsJsonAsync($"/api/drafts/{draftId}/publication",
                new PublicationInput("https://www.opcc.example/hidden-victims.pdf", "https://www.opcc.example/hidden-victims"), HttpCalls.Json);
            var publication = (await published.ReadAsync<WorkflowDto>()).Publication!;
            Assert.AreEqual((workflow.Final.PdfSha256, workflow.Final.WebSha256), (publication.PdfSha256, publication.WebSha256));
            Assert.AreEqual(Notifications.ApprovalRequested, asked.Single().ActivityType, "the head of policy was asked, in the app");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The outbox delivers notifications in the background: wait for the first to arrive.</summary>
    private static async Task<List<NotificationDto>> NotificationsOfAsync(HttpClient client, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (true)
        {
            var list = await (await client.GetAsync("/api/notifications")).ReadAsync<List<NotificationDto>>();
            if (list.Count > 0 || DateTime.UtcNow > until)
            {
                return list;
            }

            await Task.Delay(200);
        }
    }
}
