using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Audit;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Tests.Infrastructure;
using ResponseDrafter.Api.Workflow;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Tests.Outbox;

/// <summary>Rows written straight into the database, in the states the workflow endpoints leave them in.</summary>
internal static class Seed
{
    public const string HomeOffice = "section55responses@homeoffice.gov.uk";
    public const string ChiefInspector = "hmci.office@hmicfrs.example";
    public const string ChiefConstable = "chief.constable@wessex-police.example";

    public static Person Head { get; } = new("6a1c0b3e-0000-4000-8000-00000000head", "Harper Head-of-Policy", "harper@opcc.example");

    public static Person Commissioner { get; } = new("6a1c0b3e-0000-4000-8000-0000000c0mm", "Alex Mercer", "alex@opcc.example");

    public static Person ChiefExecutive { get; } = new("6a1c0b3e-0000-4000-8000-0000000ce000", "Casey Chief-Executive", "casey@opcc.example");

    public static Profile Profile(DateTime now) => new()
    {
        Version = 1,
        UpdatedAt = now,
        Name = "Office of the Police and Crime Commissioner for Wessex",
        CommissionerName = Commissioner.Name,
        CommissionerTitle = "Police and Crime Commissioner for Wessex",
        StatutoryCitation = "Section 55 of the Police Act 1996",
        Salutation = "Dear Home Secretary",
        SignOff = new SignOffSettings
        {
            Stages =
            [
                new ApprovalStage("Head of policy", [Head], ApprovalRule.Any, 14),
                new ApprovalStage("Commissioner", [Commissioner], ApprovalRule.Any, 7),
            ],
            HomeOfficeMailbox = HomeOffice,
            ChiefInspectorMailbox = ChiefInspector,
            CcEmails = [ChiefConstable],
            ReminderDaysBefore = 3,
            EscalateTo = ChiefExecutive,
        },
    };

    public static async Task ProfileAsync(DraftingDb db, DateTime now)
    {
        db.Profiles.Add(Profile(now));
        await db.SaveChangesAsync();
    }

    /// <summary>An approved draft with its signed letter; <paramref name="pdf"/> null means the PDF is still to be made.</summary>
    public static async Task<Guid> ApprovedDraftAsync(DraftingDb db, DateTime now, byte[]? pdf, string title = "The hidden victims: modern slavery super-complaint")
    {
        var draft = NewDraft(db, now, title, DraftState.Approved);
        var docx = Docx.AppendParagraph(Docx.WithoutTags(), $"signed letter {draft.Id}");
        draft.DispatchRequestedAt = now;
        db.FinalLetters.Add(new FinalLetter
        {
            DraftId = draft.Id,
            ApprovedVersion = 1,
            ApprovedSha256 = Sha256(Encoding.UTF8.GetBytes($"version 1 of {draft.Id}")),
            Docx = docx,
            DocxSha256 = Sha256(docx),
            Pdf = pdf,
            PdfSha256 = pdf is null ? null : Sha256(pdf),
            SignedOn = DateOnly.FromDateTime(now),
            CreatedAt = now,
        });
        await db.SaveChangesAsync();
        return draft.Id;
    }

    /// <summary>A draft submitted as version 1 and waiting at <paramref name="stage"/>, due on <paramref name="dueOn"/>.</summary>
    public static async Task<Guid> SubmittedDraftAsync(DraftingDb db, DateTime now, int stage, DateOnly dueOn)
    {
        var draft = NewDraft(db, now, "Vetting, misconduct and misogyny in the police service", stage == 0 ? DraftState.InReview : DraftState.AwaitingApproval);
        draft.Stage = stage;
        draft.Schedule = stage == 0
            ? [new StageDue(0, dueOn), new StageDue(1, dueOn.AddDays(7))]
            : [new StageDue(0, dueOn.AddDays(-7)), new StageDue(1, dueOn)];

        db.DraftVersions.Add(Version(draft.Id, 1, now));
        await db.SaveChangesAsync();
        return draft.Id;
    }

    public static DraftVersion Version(Guid draftId, int number, DateTime now)
    {
        var docx = Encoding.UTF8.GetBytes($"version {number} of {draftId}");
        return new DraftVersion
        {
            DraftId = draftId,
            Number = number,
            Docx = docx,
            Sha256 = Sha256(docx),
            DraftVersionNumber = number,
            LetterDate = DateOnly.FromDateTime(now),
            SubmittedBy = new Person("drafter-oid", "Dana Drafter", "dana@opcc.example"),
            SubmittedAt = now,
        };
    }

    public static OutboxEntry Entry<TPayload>(DraftingDb db, string kind, Guid? draftId, TPayload payload, DateTime now) =>
        OutboxWrites.Enqueue(db, kind, draftId, payload, now);

    /// <summary>The profile, an approved draft (with <paramref name="pdf"/>, or none yet) and one outbox entry for it, saved; returns the draft's id.</summary>
    public static async Task<Guid> ApprovedDraftWithEntryAsync<TPayload>(DraftingDb db, DateTime now, byte[]? pdf, string kind, Func<Guid, TPayload> payload)
    {
        await ProfileAsync(db, now);
        var id = await ApprovedDraftAsync(db, now, pdf);
        Entry(db, kind, id, payload(id), now);
        await db.SaveChangesAsync();
        return id;
    }

    public static async Task<List<AuditEntry>> AuditAsync(DraftingDb db, Guid draftId)
    {
        var stream = AuditTrail.DraftStream(draftId);
        return await db.AuditEntries.AsNoTracking().Where(e => e.Stream == stream).OrderBy(e => e.Seq).ToListAsync();
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static Draft NewDraft(DraftingDb db, DateTime now, string title, DraftState state)
    {
        var report = new Report
        {
            Id = Guid.CreateVersion7(),
            Version = 1,
            Title = title,
            Kind = ReportKind.Thematic,
            PublishedOn = new DateOnly(2021, 12, 9),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var draft = new Draft
        {
            Id = Guid.CreateVersion7(),
            Version = 5,
            ReportId = report.Id,
            CreatedAt = now,
            UpdatedAt = now,
            State = state,
            VersionCount = 1,
        };
        db.Reports.Add(report);
        db.Drafts.Add(draft);
        return draft;
    }
}
