using ResponseDrafter.Documents.Letters;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Documents.Tests.Fixtures;

/// <summary>
/// Letters for tests, each named for what it exercises. They answer the 2021 report on Hestia's
/// super-complaint (shared/examples/hidden-victims-2021.json), with the text of the real Essex letter.
/// </summary>
public static class SampleLetters
{
    public static readonly DateOnly Published = new(2021, 5, 26);

    public static ReportInfo HiddenVictims { get; } = new()
    {
        Title = "The hidden victims: Report on Hestia's super-complaint on the police response to victims of modern slavery",
        PublishedOn = Published,
        Url = "https://www.justiceinspectorates.gov.uk/hmicfrs/publications/report-on-hestias-super-complaint-on-the-police-response-to-victims-of-modern-slavery",
        Kind = ReportKind.SuperComplaint,
        Recommendations =
        [
            new Recommendation
            {
                Number = "2",
                Addressees = ["chief constables"],
                Text = "Assure themselves that police officers and staff (including non-specialist staff, as appropriate) are supported through access to learning, specialist policing resources and victim support arrangements, so that officers and staff are able to:",
                SubItems =
                [
                    new SubItem { Label = "a", Text = "easily access information and advice on modern slavery and human trafficking through their force systems;" },
                    new SubItem { Label = "b", Text = "identify possible victims of modern slavery;" },
                    new SubItem { Label = "c", Text = "recognise that victims of modern slavery should not be treated as criminals in situations where they have been forced to commit an offence by their exploiters;" },
                    new SubItem { Label = "d", Text = "know how to take immediate steps to make victims feel safe (including facilitating access to a place of safety, if necessary);" },
                    new SubItem { Label = "e", Text = "understand how to advise victims what support is available them;" },
                    new SubItem { Label = "f", Text = "understand the National Referral Mechanism and duty to notify requirement, and know how to make good-quality referrals; and" },
                    new SubItem { Label = "g", Text = "ensure that the statutory defence (provided by section 45 of the Modern Slavery Act 2015) for victims of slavery and exploitation who are compelled or coerced into committing offences by their exploiters is considered in all cases to protect victims from prosecution." },
                ],
            },
            new Recommendation
            {
                Number = "3",
                Addressees = ["chief constables"],
                Text = "Assure themselves that their resources are being deployed to enable effective investigation of modern slavery offences (which may, for example, involve taking account of high levels of vulnerability and organised crime group involvement). They should assure themselves that their crime allocation processes direct investigations to the most appropriately skilled individuals and teams.",
            },
            new Recommendation
            {
                Number = "4",
                Addressees = ["chief constables", "police and crime commissioners"],
                Text = "Work together to understand the support needs of victims of modern slavery crimes. They should provide appropriate support within their respective remits to augment the national provision so that victims feel safe and empowered to remain involved in any investigations. This should focus on what support should be available before and after National Referral Mechanism (NRM) referral as well as alternative provision available for those declining NRM referral.",
            },
            new Recommendation
            {
                Number = "6",
                Text = "Monitoring of recommendations",
                SubItems =
                [
                    new SubItem { Label = "a", Addressees = ["Home Office"], Text = "Home Office to provide a report to Her Majesty's Chief Inspector of Constabulary on progress in implementing its recommendations within six months of the date of publication of this report." },
                    new SubItem { Label = "b", Addressees = ["National Police Chiefs' Council"], Text = "National Police Chiefs' Council to collate Chief Constables' progress in reviewing and where applicable implementing their recommendations and report these to Her Majesty's Chief Inspector of Constabulary within six months of the date of publication of this report." },
                    new SubItem { Label = "c", Addressees = ["Association of Police and Crime Commissioners"], Text = "Association of Police and Crime Commissioners to collate Police and Crime Commissioners' progress in reviewing and where applicable implementing their recommendations and report these to Her Majesty's Chief Inspector of Constabulary within six months of the date of publication of this report." },
                ],
            },
        ],
    };

    public static OpccProfile Essex { get; } = new()
    {
        Name = "Office of the Police, Fire and Crime Commissioner for Essex",
        CommissionerName = "Roger Hirst",
        CommissionerTitle = "Police, Fire and Crime Commissioner",
        LetterheadLines =
        [
            "Kelvedon Park, London Road, Rivenhall, Witham CM8 3HB",
            "Telephone: 01245 291600",
            "E-mail: pfcc@essex.police.uk",
            "www.essex.pfcc.police.uk",
        ],
        Strapline = "Safe and secure communities are the bedrock on which we build wellbeing and prosperity for all",
        Logo = TestImages.Logo,
    };

    public static Recipient HomeSecretary { get; } = new()
    {
        Name = "Rt Hon Priti Patel MP",
        Title = "Home Secretary",
        AddressLines = ["Home Office", "2 Marsham Street", "London", "SW1P 4DF"],
        Email = "section55responses@homeoffice.gov.uk",
    };

    public static Recipient ChiefInspector { get; } = new()
    {
        Name = "Sir Thomas Winsor",
        Title = "HM Chief Inspector of Constabulary",
        AddressLines = ["HMICFRS", "10 South Colonnade", "London", "E14 4PU"],
    };

    public static Provenance ForceBriefing { get; } = new()
    {
        SuppliedBy = "Det Chief Supt Eamonn Bridger, Essex Police",
        ReceivedOn = new DateOnly(2021, 6, 16),
        SourceFileName = "MSHT briefing note June 2021.docx",
    };

    /// <summary>Only what a letter must have: one recipient, one recommendation, one answer, nothing optional.</summary>
    public static Letter Minimal { get; } = new()
    {
        Opcc = new OpccProfile
        {
            Name = "Office of the Police and Crime Commissioner for Suffolk",
            CommissionerName = "Tim Passmore",
            CommissionerTitle = "Police and Crime Commissioner",
        },
        Date = new DateOnly(2021, 6, 30),
        Recipients = [new Recipient { Name = "The Rt Hon Priti Patel MP", AddressLines = ["Home Office", "2 Marsham Street", "London"] }],
        Salutation = "Dear Home Secretary",
        Subject = "HMICFRS report: The hidden victims",
        Report = HiddenVictims with { Recommendations = [HiddenVictims.Recommendations[1]] },
        StatutoryCitation = "Section 55 of the Police Act 1996",
        Responses =
        [
            new RecommendationResponse { Ref = "3", Status = ResponseStatus.ActionTaken, Commentary = "The Constabulary has reassured me that its resources are deployed well." },
        ],
        Closing = "Yours sincerely",
        Signatory = new Signatory { Name = "Tim Passmore", Title = "Police and Crime Commissioner" },
    };

    /// <summary>Every element a letter can have: logo, strapline, two recipients, references, markup, cc, an appendix, a signature.</summary>
    public static Letter Full { get; } = new()
    {
        Opcc = Essex,
        References = [new("Your ref", "n/a"), new("Our ref", "20210719SH"), new("Enquiries to", "Suzanne Harris, pfcc@essex.police.uk")],
        Date = new DateOnly(2021, 7, 19),
        Recipients = [HomeSecretary, ChiefInspector],
        Salutation = "Dear Home Secretary,",
        Subject = "HMICFRS report: The hidden victims (published 26 May 2021)",
        Report = HiddenVictims,
        StatutoryCitation = "Section 55 of the Police Act 1996",
        Opening = "I write in response to [the report](https://www.justiceinspectorates.gov.uk/hmicfrs/) on Hestia's super-complaint on the police response to victims of modern slavery, issued by HMICFRS, the College of Policing and the IOPC.",
        Context = """
            I acknowledge the recommendations made in this report and understand that:

            - recommendations 2, 3 and 4 are applicable to all forces, including Essex Police; and
            - recommendations 4 and 6c are applicable to **Police and Crime Commissioners**.

            It is pleasing to see the recognition that *forces have, overall, strengthened their approach*.[^1]

            [^1]: See the [summary of findings](https://www.justiceinspectorates.gov.uk/hmicfrs/) in the report.
            """,
        Responses =
        [
            new RecommendationResponse
            {
                Ref = "2",
                Assurance = new Assurance
                {
                    Text = "All officers complete the national e-learning package. Specialist advice is on the force intranet.",
                    Provenance = ForceBriefing,
                },
                Commentary = "I am assured that officers and staff are supported.",
                Status = ResponseStatus.ActionTaken,
            },
            new RecommendationResponse
            {
                Ref = "3",
                Assurance = new Assurance
                {
                    Text = "The Modern Slavery and Human Trafficking Team, with a strength of 15, investigates all offences.",
                    Presentation = AssurancePresentation.Summarised,
                    Summary = "The force has a dedicated team of 15.",
                    Provenance = ForceBriefing,
                },
                Status = ResponseStatus.ActionTaken,
            },
            new RecommendationResponse
            {
                Ref = "4",
                Commentary = """
                    I continue to financially support the modern slavery and exploitation helpline run by Unseen (UK), and I fund:

                    - Justice and Care, who host a victim navigator; and
                    - local groups who support this work.
                    """,
                Status = ResponseStatus.ActionProposed,
            },
            new RecommendationResponse
            {
                Ref = "6c",
                Commentary = "I will work with the APCC to report on this progress to HMICFRS.",
                Status = ResponseStatus.ActionProposed,
            },
        ],
        Accountability = "I will continue to hold the Chief Constable to account, including through the monthly Performance and Resources Scrutiny Board.",
        Publication = "This response is published on [my website](https://www.essex.pfcc.police.uk).",
        Closing = "Yours sincerely",
        Signatory = new Signatory
        {
            Name = "Roger Hirst",
            Title = "Police, Fire and Crime Commissioner",
            Signature = TestImages.Signature,
            SignedOn = new DateOnly(2021, 7, 19),
        },
        Cc = ["Ben-Julian Harrington, Chief Constable, Essex Police", "Chair, Essex Police, Fire and Crime Panel"],
        Appendices =
        [
            new Appendix { Title = "Appendix A - Recommendations", Body = "The recommendations relevant to Essex, as the report words them.", Recommendations = ["2", "3", "4", "6"] },
        ],
        Identity = new DocumentIdentity("d-7f3a", "3"),
    };

    /// <summary>One response per way of presenting the force's assurance: quoted in full, summarised, annex only.</summary>
    public static Letter EveryAssurancePresentation { get; } = Minimal with
    {
        Report = HiddenVictims with { Recommendations = [.. HiddenVictims.Recommendations.Take(3)] },
        Responses =
        [
            Assured("2", AssurancePresentation.QuotedInFull, null),
            Assured("3", AssurancePresentation.Summarised, "The force has a dedicated team."),
            Assured("4", AssurancePresentation.AnnexOnly, null),
        ],
    };

    /// <summary>Recommendation 4 has no response and recommendation 3 has no status: a draft with gaps.</summary>
    public static Letter Incomplete { get; } = Minimal with
    {
        Report = HiddenVictims with { Recommendations = [.. HiddenVictims.Recommendations.Take(3)] },
        Responses =
        [
            new RecommendationResponse { Ref = "2", Commentary = "Assured.", Status = ResponseStatus.ActionTaken },
            new RecommendationResponse { Ref = "3", Commentary = "Awaiting the force's reply." },
        ],
    };

    /// <summary>Responses to single sub-items ("2e", "6c") and a refusal with a reason.</summary>
    public static Letter SubItemResponses { get; } = Minimal with
    {
        Report = HiddenVictims,
        Responses =
        [
            new RecommendationResponse { Ref = "2e", Commentary = "Victims are told what support is available.", Status = ResponseStatus.ActionTaken },
            new RecommendationResponse { Ref = "3", Commentary = "Resources are deployed well.", Status = ResponseStatus.ActionTaken },
            new RecommendationResponse { Ref = "4", Status = ResponseStatus.NoAction, Reason = "The helpline is funded **nationally**." },
            new RecommendationResponse { Ref = "6c", Commentary = "I will report through the APCC.", Status = ResponseStatus.ActionProposed },
        ],
    };

    /// <summary>Every fixture by name, for tests that must hold for all of them.</summary>
    public static IEnumerable<(string Name, Letter Letter)> All =>
    [
        (nameof(Minimal), Minimal),
        (nameof(Full), Full),
        (nameof(EveryAssurancePresentation), EveryAssurancePresentation),
        (nameof(Incomplete), Incomplete),
        (nameof(SubItemResponses), SubItemResponses),
        ("500 recommendations", SyntheticLetters.WithRecommendations(500)),
    ];

    private static RecommendationResponse Assured(string reference, AssurancePresentation presentation, string? summary) => new()
    {
        Ref = reference,
        Assurance = new Assurance
        {
            Text = $"The force's full assurance on recommendation {reference}.",
            Presentation = presentation,
            Summary = summary,
            Provenance = ForceBriefing,
        },
        Status = ResponseStatus.ActionTaken,
    };
}
