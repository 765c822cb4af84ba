using System.Text.RegularExpressions;

namespace ResponseDrafter.Documents.Rules;

/// <summary>What a phrase from a report names: the local bodies a letter speaks for, the APCC, or any body at all.</summary>
internal readonly record struct Addressed(LocalBody Bodies, bool NamesApcc, bool NamesAnyBody);

/// <summary>Reads addressees in the report's own words ("all chief constables", "PFCCs", "Home Office").</summary>
internal static partial class Addressees
{
    public static Addressed Classify(string? phrase)
    {
        var text = Normalise(phrase);
        var namesApcc = Apcc().IsMatch(text);
        var namesNationalBody = NationalBody().IsMatch(text);

        // Remove national bodies first: "National Police Chiefs' Council" and "Association of Police and
        // Crime Commissioners" contain the words that would otherwise read as local bodies.
        var rest = NationalBody().Replace(Apcc().Replace(text, " "), " ");
        var bodies = ChiefOfficers().IsMatch(rest) ? LocalBody.ChiefConstable : LocalBody.None;
        if (PolicingBodies().IsMatch(ChiefOfficers().Replace(rest, " ")))
        {
            bodies |= LocalBody.PoliceAndCrimeCommissioner;
        }

        return new(bodies, namesApcc, namesApcc || namesNationalBody || bodies != LocalBody.None);
    }

    public static Addressed Classify(IEnumerable<string?> phrases) =>
        phrases.Select(Classify).Aggregate(default(Addressed), (all, one) =>
            new(all.Bodies | one.Bodies, all.NamesApcc || one.NamesApcc, all.NamesAnyBody || one.NamesAnyBody));

    /// <summary>The body a sentence leads with: "Chief constables should …", "Home Office to provide …".</summary>
    public static Addressed Lead(string? sentence)
    {
        var match = Subject().Match(Normalise(sentence));
        return match.Success ? Classify(match.Groups["subject"].Value) : default;
    }

    /// <summary>
    /// The general addressee a sentence leads with when it names no body: "the police", "policing", "the police service",
    /// "government", "law enforcement". In the sentence's own words; null when it leads with a body or with nothing general.
    /// ("Forces" and "the force" are not general: they are the chief constable's, see <see cref="ChiefOfficers"/>.)
    /// </summary>
    public static string? GeneralLead(string? sentence)
    {
        var match = Subject().Match(Normalise(sentence));
        if (!match.Success || Classify(match.Groups["subject"].Value).NamesAnyBody || General().Match(match.Groups["subject"].Value) is not { Success: true } general)
        {
            return null;
        }

        var words = Regex.Escape(general.Value).Replace(@"\ ", @"\s+", StringComparison.Ordinal);
        var inSentence = Regex.Match(sentence!, words, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return inSentence.Success ? inSentence.Value : general.Value;
    }

    public static IEnumerable<string> Sentences(string? text) => SentenceBreak().Split(text ?? string.Empty);

    private static string Normalise(string? phrase) =>
        Whitespace().Replace((phrase ?? string.Empty).Replace('\u2019', '\'').Replace('\u2018', '\'').Replace("&", " and ", StringComparison.Ordinal), " ")
            .Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[.;:!?])\s+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"association of police,? (?:fire )?and crime commissioners|\bapcc\b")]
    private static partial Regex Apcc();

    [GeneratedRegex(@"home office|home secretary|national police chiefs'? council|\bnpcc\b|college of policing|\bhmicfrs\b|\bhmic\b|inspectorate|independent office for police conduct|\biopc\b|national crime agency|\bnca\b|crown prosecution service|\bcps\b|ministry of justice|(?:victims'|anti-slavery|domestic abuse|information|children's) commissioner")]
    private static partial Regex NationalBody();

    [GeneratedRegex(@"chief constables?|chief officers?|commissioners? of (?:police of )?the metropolis|metropolitan police commissioner|commissioner of the city of london police|\bforces\b|(?:^|\b(?:the|each|every|a|this|your)\s+)force\b")]
    private static partial Regex ChiefOfficers();

    [GeneratedRegex(@"police(?:,? fire)?,? and crime commissioners?|\bp(?:f)?ccs?\b|local policing bod(?:y|ies)|\bmayors?\b|\bmopac\b")]
    private static partial Regex PolicingBodies();

    [GeneratedRegex(@"(?:\b(?:the|all|every|each)\s+)?(?:\bpolice(?:\s+services?)?\b|\bpolicing\b|\b(?:central\s+|the\s+)?government\b|\blaw\s+enforcement(?:\s+agencies)?\b)")]
    private static partial Regex General();

    // Lazy and short so that only a body at the head of the sentence counts, not one mentioned later on.
    [GeneratedRegex(@"^(?<subject>(?:\S+\s+){0,14}?\S+?)\s+(?:should|must|will|to|are asked to|is asked to|needs? to)\b")]
    private static partial Regex Subject();
}
