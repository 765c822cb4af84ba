using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Tests.Outbox;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Api.Tests.Publication;

/// <summary>Dates in messages read "9 December 2021" whatever the server's culture: they go through UkDate.Format.</summary>
[TestClass]
public sealed partial class UkDatesInMessagesTests
{
    /// <summary>Welsh: the culture a server in Wales could well run under, whose month names are not English.</summary>
    private static readonly CultureInfo Welsh = CultureInfo.GetCultureInfo("cy-GB");

    [TestMethod]
    public void TheDispatchMessageGivesThePublicationDateInEnglishUnderAWelshCulture()
    {
        var now = new DateTime(2026, 5, 20, 9, 0, 0, DateTimeKind.Utc);
        var draft = new Draft { Id = Guid.CreateVersion7(), Report = new Report { Title = "The hidden victims", PublishedOn = new DateOnly(2021, 12, 9) } };

        var mail = UnderCulture(Welsh, () => DispatchHandler.Letter(draft, Seed.Profile(now), new FinalLetter { Pdf = [1] }));

        StringAssert.Contains(mail.Body, "published on 9 December 2021 under Section 55 of the Police Act 1996.");
    }

    [TestMethod]
    public async Task AReminderGivesItsDueDateInEnglishUnderAWelshCulture()
    {
        await using var rig = await OutboxRig.StartAsync();
        var due = new DateOnly(2026, 6, 10);
        var draftId = await rig.InTenantAsync(async db =>
        {
            var now = new DateTime(2026, 5, 20, 9, 0, 0, DateTimeKind.Utc);
            await Seed.ProfileAsync(db, now);
            return await Seed.SubmittedDraftAsync(db, now, 1, due);
        });
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = Welsh;
        try
        {
            Assert.AreEqual(1, await rig.NewWatch(FixedClock.On(2026, 6, 7)).CheckAsync(CancellationToken.None));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        var texts = await rig.InTenantAsync(async db => (await db.Outbox.AsNoTracking().Where(e => e.Kind == OutboxKinds.Notify && e.DraftId == draftId).ToListAsync())
            .Select(e => OutboxWrites.Read<NotifyPayload>(e).Notification.Text).ToList());
        Assert.AreEqual("Reminder: your decision on version 1 at stage 2 (Commissioner) is due on 10 June 2026.", texts.Single());
    }

    [TestMethod]
    public void NoCodeOutsideUkDateSpellsAMonth()
    {
        var source = RepositoryFiles.Path("src");
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "UkDate.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(source, f), Line: i + 1, Text: line)))
            .Where(l => MonthFormat().IsMatch(l.Text) && !l.Text.Contains("TryParseExact", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.IsEmpty(offenders, "Format dates in letters and messages with UkDate.Format:\n" + string.Join("\n", offenders));
    }

    private static T UnderCulture<T>(CultureInfo culture, Func<T> work)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    /// <summary>A month spelt out by a format string ("d MMMM yyyy", ":MMM"), or a long date by name.</summary>
    [GeneratedRegex(@"MMM|ToLongDateString|ToString\(""D""")]
    private static partial Regex MonthFormat();
}
