using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>What the letter says, tag by tag: the fields that fill the template's controls.</summary>
internal sealed class LetterFields
{
    private const string BodyStyle = "Normal";
    private const string AttributionStyle = "Attribution";

    private static readonly long LogoWidth = 6 * Pictures.EmuPerCentimetre;
    private static readonly long LogoHeight = (long)(2.5 * Pictures.EmuPerCentimetre);
    internal static readonly long SignatureWidth = 5 * Pictures.EmuPerCentimetre;
    internal static readonly long SignatureHeight = 2 * Pictures.EmuPerCentimetre;

    private readonly Letter letter;
    private readonly Dictionary<string, RefTarget> targets = new(StringComparer.Ordinal);

    private LetterFields(Letter letter)
    {
        this.letter = letter;
        foreach (var recommendation in letter.Report.Recommendations)
        {
            targets.TryAdd(RecommendationRefs.Key(RecommendationRefs.Of(recommendation)), new RefTarget(recommendation, null));
            foreach (var subItem in recommendation.SubItems)
            {
                targets.TryAdd(RecommendationRefs.Key(RecommendationRefs.Of(recommendation, subItem)), new RefTarget(recommendation, subItem));
            }
        }
    }

    public static Fields For(Letter letter) => new LetterFields(letter).Top();

    private Fields Top()
    {
        var opcc = letter.Opcc;
        return new Fields
        {
            ["opcc.name"] = new TextField(opcc.Name),
            ["letterhead.lines"] = new LinesField(opcc.LetterheadLines),
            ["letterhead.strapline"] = new TextField(opcc.Strapline),
            ["letterhead.logo"] = new PictureField(opcc.Logo, LogoWidth, LogoHeight),
            ["references"] = new RegionField([.. letter.References.Select(Reference)]),
            ["date"] = new TextField(Date(letter.Date)),
            ["recipients"] = new RegionField([.. letter.Recipients.Select(Recipient)]),
            ["salutation"] = new TextField(letter.Salutation),
            ["subject"] = new TextField(letter.Subject),
            ["citation"] = new TextField(letter.StatutoryCitation),
            ["report.title"] = new TextField(letter.Report.Title),
            ["report.published"] = new TextField(Date(letter.Report.PublishedOn)),
            ["opening"] = Rich(letter.Opening),
            ["context"] = Rich(letter.Context),
            ["responses"] = new RegionField([.. letter.Responses.Select(Response)]),
            ["accountability"] = Rich(letter.Accountability),
            ["publication"] = Rich(letter.Publication),
            ["closing"] = new TextField(letter.Closing),
            ["signatory.signature"] = new PictureField(letter.Signatory.Signature, SignatureWidth, SignatureHeight),
            ["signatory.name"] = new TextField(letter.Signatory.Name),
            ["signatory.title"] = new TextField(letter.Signatory.Title),
            ["signatory.date"] = new TextField(letter.Signatory.SignedOn is { } signed ? Date(signed) : null),
            ["cc"] = new RegionField([.. letter.Cc.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => new Fields { ["cc.text"] = new TextField(c) })]),
            ["cc.label"] = new TextField(letter.CopyListLabel),
            ["appendices"] = new RegionField([.. letter.Appendices.Where(Prints).Select(Appendix)]),
            ["annex"] = new RegionField([.. letter.Responses.Where(InAnnex).Select(AnnexEntry)]),
        };
    }

    private static Fields Reference(LetterReference reference) => new()
    {
        ["reference.label"] = new TextField(reference.Label),
        ["reference.value"] = new TextField(reference.Value),
    };

    private static Fields Recipient(Recipient recipient) => new()
    {
        ["recipient.name"] = new TextField(recipient.Name),
        ["recipient.title"] = new TextField(recipient.Title),
        ["recipient.address"] = new LinesField(recipient.AddressLines),
        ["recipient.email"] = new TextField(recipient.Email),
    };

    private Fields Response(RecommendationResponse response)
    {
        var target = targets.GetValueOrDefault(RecommendationRefs.Key(response.Ref));
        return new Fields
        {
            Key = response.Ref,
            ["response.heading"] = new TextField(Heading(response)),
            ["response.text"] = new LinesField(Lines(target?.SubItem?.Text ?? target?.Recommendation.Text)),
            ["subitems"] = SubItems(target is { SubItem: null } whole ? whole.Recommendation : null),
            ["response.assurance"] = new BlocksField(Assurance(response), Provenance(response.Assurance)),
            ["response.commentary"] = Rich(response.Commentary),
            ["response.status"] = Status(response),
        };
    }

    private List<BlocksPiece> Assurance(RecommendationResponse response)
    {
        if (response.Assurance is not { } assurance)
        {
            return [];
        }

        var supplied = $"supplied by {assurance.Provenance.SuppliedBy}, received {Date(assurance.Provenance.ReceivedOn)}";
        return assurance.Presentation switch
        {
            AssurancePresentation.Summarised =>
            [
                new BlocksPiece(assurance.Summary, BodyStyle, IsMarkup: true),
                new BlocksPiece($"A summary of the force's assurance, {supplied}; the full text is in the force assurance annex.", AttributionStyle, IsMarkup: false),
            ],
            AssurancePresentation.AnnexOnly =>
            [
                new BlocksPiece($"The force's assurance, {supplied}, is reproduced in full in the force assurance annex.", BodyStyle, IsMarkup: false),
            ],
            _ =>
            [
                new BlocksPiece(assurance.Text, null, IsMarkup: true),
                new BlocksPiece($"Assurance {supplied}", AttributionStyle, IsMarkup: false),
            ],
        };
    }

    /// <summary>"Force assurance: supplied by Essex Police, received 16 June 2021": the locked control's title in Word.</summary>
    private string? Provenance(Assurance? assurance) => assurance is null
        ? null
        : $"Force assurance: supplied by {assurance.Provenance.SuppliedBy}, received {Date(assurance.Provenance.ReceivedOn)}";

    private static bool InAnnex(RecommendationResponse response) =>
        response.Assurance is { Presentation: AssurancePresentation.Summarised or AssurancePresentation.AnnexOnly };

    private Fields AnnexEntry(RecommendationResponse response)
    {
        var assurance = response.Assurance!;
        var provenance = assurance.Provenance;
        var source = string.IsNullOrWhiteSpace(provenance.SourceFileName) ? string.Empty : $". Source file: {provenance.SourceFileName}";
        return new Fields
        {
            Key = response.Ref,
            ["assurance.heading"] = new TextField(Heading(response)),
            ["assurance.text"] = new BlocksField([new BlocksPiece(assurance.Text, null, IsMarkup: true)], Provenance(assurance)),
            ["assurance.attribution"] = new TextField($"Assurance supplied by {provenance.SuppliedBy}, received {Date(provenance.ReceivedOn)}{source}"),
        };
    }

    private static Field Status(RecommendationResponse response) => response.Status switch
    {
        ResponseStatus.ActionTaken => new TextField("Action taken"),
        ResponseStatus.ActionProposed => new TextField("Action proposed"),
        ResponseStatus.NoAction when string.IsNullOrWhiteSpace(response.Reason) => new TextField("No action will be taken"),
        ResponseStatus.NoAction => new RunsField("No action will be taken: ", response.Reason),
        _ => new TextField(null),
    };

    /// <summary>An appendix with neither a body nor a recommendation to reproduce is not printed, heading and all.</summary>
    private bool Prints(Appendix appendix) => EmptyParts.Prints(appendix, targets.ContainsKey);

    private Fields Appendix(Appendix appendix) => new()
    {
        ["appendix.title"] = new TextField(appendix.Title),
        ["appendix.body"] = Rich(appendix.Body),
        ["recommendations"] = new RegionField([.. appendix.Recommendations
            .Select(number => targets.GetValueOrDefault(RecommendationRefs.Key(number)))
            .OfType<RefTarget>()
            .Select(target => Reproduced(target.Recommendation))]),
    };

    /// <summary>"Recommendation 2: To chief constables" then the text; with no addressees, the text follows the number.</summary>
    private static Fields Reproduced(Recommendation recommendation)
    {
        var name = RecommendationRefs.Describe(recommendation, RecommendationRefs.Of(recommendation));
        var addressed = recommendation.Addressees.Count > 0;
        return new Fields
        {
            Key = recommendation.Number,
            ["recommendation.heading"] = new TextField(addressed ? $"{name}: To {JoinAddressees(recommendation.Addressees)}" : $"{name}: {recommendation.Text}"),
            ["recommendation.text"] = new LinesField(addressed ? Lines(recommendation.Text) : []),
            ["subitems"] = SubItems(recommendation),
        };
    }

    private static RegionField SubItems(Recommendation? recommendation) =>
        new([.. (recommendation?.SubItems ?? []).Select(s => new Fields
        {
            ["subitem.label"] = new TextField(Label(s.Label)),
            ["subitem.text"] = new TextField(s.Text),
        })]);

    private string Heading(RecommendationResponse response)
    {
        var reference = response.Ref.Trim();
        return targets.GetValueOrDefault(RecommendationRefs.Key(reference)) is { } target
            ? RecommendationRefs.Describe(target.Recommendation, target.SubItem is null ? RecommendationRefs.Of(target.Recommendation) : RecommendationRefs.Of(target.Recommendation, target.SubItem))
            : $"Recommendation {reference}";
    }

    private static BlocksField Rich(string? markup) => new([new BlocksPiece(markup, null, IsMarkup: true)]);

    private string Date(DateOnly date) => UkDate.Format(date, letter.DateStyle);

    /// <summary>As reports word a list of addressees: "chief constables, and police and crime commissioners".</summary>
    internal static string JoinAddressees(IReadOnlyList<string> addressees) => addressees.Count switch
    {
        1 => addressees[0],
        _ => $"{string.Join(", ", addressees.Take(addressees.Count - 1))}, and {addressees[^1]}",
    };

    private static string Label(string label)
    {
        var trimmed = label.Trim();
        return trimmed.EndsWith('.') || trimmed.EndsWith(')') ? trimmed : trimmed + ".";
    }

    private static List<string> Lines(string? text) =>
        text is null ? [] : text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
}
