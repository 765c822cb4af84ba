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
/// A fictional OPCC (Wessex) and the 2021 modern slavery super-complaint report, loaded into the local development
/// tenant on first run so the README's run command leads straight to a first letter. Never in Production.
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

    public async Task LoadIfWantedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Load || environment.IsProduction() || signIn.Mode != SignInMode.LocalDevelopment)
        {
            return;
        }

        tenant.ActFor(localSignIn.Value.TenantId);
        if (await db.Profiles.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Profiles.Add(WessexProfile(now));
        var report = new Report { Id = Guid.CreateVersion7(), Version = 1, CreatedAt = now, UpdatedAt = now };
        ReadSampleReport().ApplyTo(report);
        db.Reports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Loaded the sample profile and report into the local development tenant");
    }

    public static ReportInput ReadSampleReport()
    {
        using var stream = typeof(SampleData).Assembly.GetManifestResourceStream(ReportResource)
            ?? throw new InvalidOperationException($"The embedded resource {ReportResource} is missing.");
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
