using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.TestSupport;

/// <summary>
/// A long letter to chief constables: every recommendation with sub-items, every response with markup, a footnote and
/// the force's assurance. The benchmarks measure it and docs/performance.md records their figures, so its content
/// stays as it is; tests that need "a long letter" use it too, which also proves the measured letter valid.
/// </summary>
public static class SyntheticLetters
{
    public static Letter WithRecommendations(int count)
    {
        var recommendations = Enumerable.Range(1, count).Select(n => new Recommendation
        {
            Number = n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Addressees = ["chief constables"],
            Text = $"By 31 March 2027, chief constables should review how their force records and responds to recommendation {n} and act on the findings.",
            SubItems =
            [
                new SubItem { Label = "a", Text = "identify possible victims at first contact;" },
                new SubItem { Label = "b", Text = "make good-quality referrals; and" },
                new SubItem { Label = "c", Text = "review the outcome within 28 days." },
            ],
        }).ToList();

        var responses = recommendations.Select(r => new RecommendationResponse
        {
            Ref = r.Number,
            Status = ResponseStatus.ActionTaken,
            Commentary = $"I am assured by the **Chief Constable's** response to recommendation {r.Number}. " +
                "Progress will be reported to the [Police and Crime Panel](https://example.org/panel).[^1]\n\n" +
                "[^1]: Minutes are published on the OPCC website.",
            Assurance = new Assurance
            {
                Text = "The force has:\n\n- updated its guidance on the intranet;\n- trained *all* front-line officers; and\n- audited 50 cases.\n\nA further audit is planned for next year.",
                Provenance = new Provenance { SuppliedBy = "Det Chief Supt A Example", ReceivedOn = new DateOnly(2026, 10, 1) },
            },
        }).ToList();

        return new Letter
        {
            Opcc = new OpccProfile
            {
                Name = "Office of the Police and Crime Commissioner for Wessex",
                CommissionerName = "Alex Example",
                CommissionerTitle = "Police and Crime Commissioner",
                LetterheadLines = ["1 High Street, Winchester SO23 1AA", "Telephone: 01234 567890"],
            },
            References = [new LetterReference("Our ref", "BENCH/1")],
            Date = new DateOnly(2026, 11, 2),
            Recipients =
            [
                new Recipient
                {
                    Name = "Rt Hon Example MP",
                    Title = "Home Secretary",
                    AddressLines = ["Home Office", "2 Marsham Street", "London SW1P 4DF"],
                },
            ],
            Salutation = "Dear Home Secretary",
            Subject = "PEEL 2026: an inspection of Wessex Police",
            Report = new ReportInfo
            {
                Title = "PEEL 2026: an inspection of Wessex Police",
                PublishedOn = new DateOnly(2026, 10, 20),
                Kind = ReportKind.Peel,
                Recommendations = recommendations,
            },
            StatutoryCitation = "Section 55 of the Police Act 1996",
            Opening = "I write in response to the report.",
            Responses = responses,
            Signatory = new Signatory { Name = "Alex Example", Title = "Police and Crime Commissioner" },
            Cc = ["Chief Constable, Wessex Police"],
            Appendices = [new Appendix { Title = "Appendix A - Recommendations", Recommendations = recommendations.Select(r => r.Number).ToList() }],
        };
    }
}
