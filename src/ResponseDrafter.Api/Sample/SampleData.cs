using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Sample;

public sealed class SampleOptions
{
    public const string Section = "Sample";

    /// <summary>Load the sample profile and report into the local development tenant on first run.</summary>
    public bool Load { get; set; }
}

public static class SampleSetup
{
    public static IServiceCollection AddSampleData(this IServiceCollection services)
    {
        services.AddOptions<SampleOptions>().BindConfiguration(SampleOptions.Section);
        services.AddScoped<SampleData>();
        return services;
    }
}

/// <summary>
/// A fictional OPCC (Wessex) with two reports, loaded into the local development tenant so the README's run command
/// leads straight to a first letter: the 2021 modern slavery super-complaint report, long overdue, and a fictional
/// thematic report published <see cref="RecentReportAge"/> before the day it is loaded, whose deadline is still running
/// (a newcomer's first screen says "34 days left", not "Overdue by 1962 days"). Each piece is added only when missing,
/// so restarting never duplicates it and a database from before the recent report gains it. Never in Production.
/// </summary>
public sealed class SampleData(
    DraftingDb db,
    TenantContext tenant,
    SignInInfo signIn,
    IHostEnvironment environment,
    IOptions<SampleOptions> options,
    IOptions<LocalSignInOptions> localSignIn,
    TimeProvider clock,
    ILogger<SampleData> logger)
{
    public const string ReportResource = "ResponseDrafter.Api.Sample.hidden-victims-2021.json";
    public const string RecentReportResource = "ResponseDrafter.Api.Sample.recent-thematic.json";

    /// <summary>The titles in the two resources, so that a start can tell the sample is there without reading them.</summary>
    public const string ReportTitle = "The hidden victims: Report on Hestia's super-complaint on the police response to victims of modern slavery";
    public const string RecentReportTitle = "Sample: a fictional inspection of how forces answer calls about stalking";

    /// <summary>Three weeks: 34 days left on the day it is loaded (the publication day is day 1 of 56).</summary>
    public const int RecentReportAge = 21;

    public async Task LoadIfWantedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Load || environment.IsProduction() || signIn.Mode != SignInMode.LocalDevelopment)
        {
            return;
        }

        tenant.ActFor(localSignIn.Value.TenantId);

        // Every start after the first finds it all there: one query, and the reports' JSON is not even read
        // (docs/performance.md#start-up-and-idle-memory).
        var present = await db.Reports.Where(r => r.Title == ReportTitle || r.Title == RecentReportTitle).Select(r => r.Title)
            .ToListAsync(cancellationToken);
        var hasProfile = await db.Profiles.AnyAsync(cancellationToken);
        if (hasProfile && present.Count == 2)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var loaded = new List<string>();
        if (!hasProfile)
        {
            db.Profiles.Add(WessexProfile(now));
            loaded.Add("the Wessex profile");
        }

        var recent = ReadRecentReport(DateOnly.FromDateTime(now));
        foreach (var input in new[] { ReadSampleReport(), recent })
        {
            if (input.Title is not null && present.Contains(input.Title))
            {
                continue;
            }

            var report = new Report { Id = Guid.CreateVersion7(), Version = 1, CreatedAt = now, UpdatedAt = now };
            input.ApplyTo(report);
            db.Reports.Add(report);
            loaded.Add($"the report \"{input.Title}\"");
        }

        if (loaded.Count == 0)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Loaded sample data into the local development tenant: {Loaded}", string.Join(", ", loaded));
        }
    }

    public static ReportInput ReadSampleReport() => Read(ReportResource);

    /// <summary>The fictional recent report, published <see cref="RecentReportAge"/> days before <paramref name="today"/>.</summary>
    public static ReportInput ReadRecentReport(DateOnly today) => Read(RecentReportResource) with { PublishedOn = today.AddDays(-RecentReportAge) };

    private static ReportInput Read(string resource)
    {
        using var stream = typeof(SampleData).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing.");
        return JsonSerializer.Deserialize<ReportInput>(stream, ApiJson.Options)!;
    }

    private static Profile WessexProfile(DateTime now) => new()
    {
        Version = 1,
        UpdatedAt = now,
        Name = "Office of the Police and Crime Commissioner for Wessex",
        CommissionerName = "Alex Mercer",
        CommissionerTitle = "Police and Crime Commissioner for Wessex",
        LetterheadLines = ["1 Sample Street, Wessex Town WX1 1AA", "Telephone 01234 567890", "opcc@wessex-pcc.example", "www.wessex-pcc.example"],
        Strapline = "A fictional force area, for trying ResponseDrafter out",
        StatutoryCitation = "Section 55 of the Police Act 1996",
        Recipients =
        [
            new Recipient
            {
                Name = "The Home Secretary",
                AddressLines = ["Home Office", "2 Marsham Street", "London", "SW1P 4DF"],
                Email = "section55responses@homeoffice.gov.uk",
            },
            new Recipient { Name = "His Majesty's Chief Inspector of Constabulary", AddressLines = ["HMICFRS"] },
        ],
        Cc = ["Chief Constable, Wessex Police", "Chair, Wessex Police and Crime Panel"],
        CopyListLabel = "cc:",
        Salutation = "Dear Home Secretary",
        Closing = "Yours sincerely",
        Publication = "This response is published on the Commissioner's website.",
        SignOff = new SignOffSettings
        {
            Stages =
            [
                new ApprovalStage("Head of policy", [LocalPerson("approver", "Avery Approver")], ApprovalRule.Any, 14),
                new ApprovalStage("Commissioner", [LocalPerson("commissioner", "Alex Mercer")], ApprovalRule.Any, 7),
            ],
            HomeOfficeMailbox = "section55responses@homeoffice.gov.uk",
            ChiefInspectorMailbox = "hmci@hmicfrs.example",
            CcEmails = ["chief.constable@wessex-police.example"],
            ReminderDaysBefore = 3,
        },
    };

    /// <summary>One of the local development users (appsettings.Development.json) as an approver.</summary>
    private static Person LocalPerson(string userId, string name) =>
        new(LocalTokenIssuer.ObjectIdFor(userId), name, $"{userId}@wessex-pcc.example");
}
