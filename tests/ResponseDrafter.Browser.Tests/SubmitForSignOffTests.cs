using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ResponseDrafter.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResponseDrafter.Browser.Tests;

/// <summary>The drafter sends the draft for sign-off from the task pane and sees where it is.</summary>
[TestClass]
public sealed class SubmitForSignOffTests : PaneTest
{
    [TestMethod]
    public async Task DrafterSubmitsACompleteDraftAndSeesWhoHoldsItAndWhenItIsDue()
    {
        var title = "Sign-off: drafter submits";
        var draftId = await Drafts.CompleteAsync(title, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10));
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        await Card(page, title).GetByRole(AriaRole.Button, new() { Name = "Continue the response" }).ClickAsync();
        await Expect(page.Locator("#sign-off-state")).ToHaveTextAsync("Not submitted yet.");

        var submit = page.GetByRole(AriaRole.Button, new() { Name = "Submit for sign-off" });
        await Expect(submit).ToHaveAccessibleDescriptionAsync(
            "Submitting saves the document as it is in Word and sends exactly that, as a new numbered version, to the first stage of the approval chain.");

        // While the server freezes the version, the button says so beside it and the sentence is announced.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/drafts/*/submit", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await submit.ClickAsync();
        await Expect(page.Locator("#submit + .progress")).ToHaveTextAsync("Submitting version 1 for sign-off…");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Submitting version 1 for sign-off…");
        await Expect(submit).ToHaveAttributeAsync("aria-busy", "true");
        release.SetResult();

        await Expect(page.Locator("#submit-result")).ToContainTextAsync("Submitted for sign-off.");
        await Expect(page.Locator("#submit + .progress")).ToHaveCountAsync(0);
        var workflow = await Drafts.WorkflowAsync(draftId);
        Assert.AreEqual("in-review", workflow["state"]!.GetValue<string>());
        var due = LongDate(DateOnly.Parse(workflow["schedule"]![0]!["dueOn"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        await Expect(page.Locator("#submit-result")).ToHaveTextAsync($"Submitted for sign-off. Version 1 is with Avery Approver (Head of policy), due {due}.");
        await Expect(page.Locator("#sign-off-state")).ToContainTextAsync("Version 1 is with Avery Approver (Head of policy)");
        await Expect(submit).ToBeDisabledAsync();
        await Expect(page.Locator("#submit-note")).ToContainTextAsync("Editing the draft withdraws the submission");
        await Evidence.ScreenshotAsync(TestContext, page, "sign-off-1-submitted");

        // Saving a change to a letter with its approvers says what it costs first.
        await DrafterFlowTests.ChooseAsync(page, "2");
        await page.Locator("#item-2-commentary").FillAsync("A late correction after submitting.");
        await page.Locator("#item-2-commentary").BlurAsync();
        await Expect(page.Locator("#confirm-cost")).ToContainTextAsync("This withdraws version 1 from Avery Approver, who has it to approve. Save anyway?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save anyway" }).ClickAsync();
        await Expect(page.Locator("#item-2-result")).ToHaveTextAsync("Response to Recommendation 2 saved.");
        await Expect(page.Locator("#sign-off-state")).ToHaveTextAsync("Being drafted again since version 1 was submitted: submit it when it is ready.");
        await Expect(submit).ToBeEnabledAsync();
        Assert.AreEqual("drafting", (await Drafts.WorkflowAsync(draftId))["state"]!.GetValue<string>());
        Assert.AreEqual(0, open.Problems.Count, string.Join("\n", open.Problems));
    }

    [TestMethod]
    public async Task SubmittingIsRefusedWithWhatIsMissingAndNothingTypedIsLost()
    {
        var title = "Sign-off: incomplete draft";
        var draftId = await Drafts.StartAsync(title, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10));
        var open = await Chromium.OpenAsync(Server, "/taskpane.html", inWord: true);
        var page = open.Playwright;
        await open.SignInAsync("Dana Drafter");
        await Card(page, title).GetByRole(AriaRole.Button, new() { Name = "Continue the response" }).ClickAsync();
        await DrafterFlowTests.ChooseAsync(page, "2");
        var commentary = page.Locator("#item-2-commentary");

        // Text the letter cannot print is refused when it is saved (beside the field), and stays where it was typed.
        await commentary.FillAsync("Saved now, with <b>a tag</b> the letter cannot take.");
        await commentary.BlurAsync();
        await Expect(page.Locator("#item-2-commentary + .field-error")).ToContainTextAsync("Recommendation 2: line 1: HTML tags ('<b>') are not supported");
        await Expect(commentary).ToHaveValueAsync("Saved now, with <b>a tag</b> the letter cannot take.");

        var submit = page.GetByRole(AriaRole.Button, new() { Name = "Submit for sign-off" });
        await submit.ClickAsync();
        // The refusal is beside the button, which keeps focus; the message is an alert, so it is read out.
        var refusal = page.Locator("#submit + .field-error");
        await Expect(refusal).ToHaveAttributeAsync("role", "alert");
        await Expect(refusal).ToContainTextAsync("Save what you typed first");
        await Expect(refusal.Locator("li")).ToHaveTextAsync(new[] { "Recommendation 2" });
        await Expect(submit).ToBeFocusedAsync();
        await Expect(page.Locator("#alert")).ToBeHiddenAsync();
        await Expect(commentary).ToHaveValueAsync("Saved now, with <b>a tag</b> the letter cannot take.");

        await DrafterFlowTests.AnswerAsync(page, "2", "Saved now, in words the letter can print.");
        await submit.ClickAsync();

        using var drafter = await Server.ClientForAsync("drafter");
        var gaps = (await drafter.GetFromJsonAsync<JsonObject>($"/api/drafts/{draftId}/status"))!["gaps"]!.AsArray();
        Assert.IsTrue(gaps.Count > 0);
        await Expect(refusal).ToContainTextAsync("The letter is not complete: Every recommendation the letter answers needs a response with a status");
        await Expect(refusal.Locator("li").First).ToHaveTextAsync(gaps[0]!["message"]!.GetValue<string>());
        await Expect(refusal).Not.ToContainTextAsync("responses[");
        await Expect(refusal).Not.ToContainTextAsync("validation errors");
        await Expect(submit).ToBeFocusedAsync();
        await Expect(page.Locator("#alert")).ToBeHiddenAsync();
        await Evidence.ScreenshotAsync(TestContext, page, "sign-off-2-incomplete");
        var workflow = await Drafts.WorkflowAsync(draftId);
        Assert.AreEqual("drafting", workflow["state"]!.GetValue<string>());
        Assert.AreEqual(0, workflow["versions"]!.AsArray().Count, "Nothing was submitted.");
    }

    private static ILocator Card(IPage page, string title) =>
        page.Locator("fluent-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });

    private static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
