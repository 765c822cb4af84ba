namespace ResponseDrafter.Documents.Templates;

/// <summary>What a tagged content control holds, which decides how assembly fills it.</summary>
public enum TagKind
{
    /// <summary>One line of plain text (inline control). Empty: the paragraph holding it is removed.</summary>
    Text,

    /// <summary>Lines of plain text, one paragraph each, cloned from the placeholder paragraph (block control).</summary>
    Lines,

    /// <summary>Rich text: paragraphs, lists, links, footnotes in the placeholder paragraph's style (block control).</summary>
    RichText,

    /// <summary>A picture (PNG or JPEG).</summary>
    Picture,

    /// <summary>A repeating region: holds one item template, repeated once per entry (block control).</summary>
    Region,

    /// <summary>The item template inside a repeating region (block control).</summary>
    Item,
}

/// <summary>Whether a control wraps runs inside a paragraph or whole paragraphs.</summary>
public enum TagLevel
{
    Inline,
    Block,
}

/// <summary>
/// One tag of the vocabulary. <see cref="Parent"/> is the item (or region, for an item) it must sit
/// directly inside; null for tags that sit at the top of the document. Required tags must be in the
/// template (once per enclosing item); only <see cref="TagKind.Text"/> tags may appear more than once.
/// </summary>
public sealed record TagSpec(string Tag, TagKind Kind, TagLevel Level, IReadOnlyList<string> Parents, bool Required, string Alias, string Fills)
{
    public bool Repeatable => Kind == TagKind.Text;

    /// <summary>Top-level text, lines and pictures may also sit in headers and footers (a letterhead, a running title).</summary>
    public bool AllowedInHeaderOrFooter => Parents.Count == 0 && Kind is TagKind.Text or TagKind.Lines or TagKind.Picture;
}

/// <summary>The tags a letter template may use (templates/README.md documents them for template authors).</summary>
public static class TemplateVocabulary
{
    public static IReadOnlyList<TagSpec> All { get; } =
    [
        Top("opcc.name", TagKind.Text, required: false, "OPCC name", "The OPCC's name (also the document author)."),
        Top("letterhead.lines", TagKind.Lines, required: false, "Letterhead lines", "Address, telephone, email, website: one paragraph each."),
        Top("letterhead.strapline", TagKind.Text, required: false, "Strapline", "The OPCC's strapline; its paragraph goes when there is none."),
        Top("letterhead.logo", TagKind.Picture, required: false, "Logo", "The OPCC's logo; the control goes when there is none."),
        Top("references", TagKind.Region, required: true, "References", "One 'reference' per labelled reference (Our ref, Your ref, Enquiries to)."),
        Child("reference", TagKind.Item, "references", "Reference", "The item template for one reference."),
        Child("reference.label", TagKind.Text, "reference", "Reference label", "E.g. \"Our ref\"."),
        Child("reference.value", TagKind.Text, "reference", "Reference value", "E.g. \"20210719SH\"; may be empty, and then the label prints alone (\"Your ref:\")."),
        Top("date", TagKind.Text, required: true, "Date", "The letter's date, \"19 July 2021\" or \"19th July 2021\"."),
        Top("recipients", TagKind.Region, required: true, "Recipients", "One 'recipient' address block per recipient."),
        Child("recipient", TagKind.Item, "recipients", "Recipient", "The item template for one address block."),
        Child("recipient.name", TagKind.Text, "recipient", "Recipient name", "E.g. \"Rt Hon Priti Patel MP\"."),
        Child("recipient.title", TagKind.Text, "recipient", "Recipient title", "E.g. \"Home Secretary\"; its paragraph goes when there is none."),
        Child("recipient.address", TagKind.Lines, "recipient", "Recipient address", "The address, one paragraph per line."),
        Child("recipient.email", TagKind.Text, "recipient", "Recipient email", "E.g. the Home Office mailbox; its paragraph goes when there is none.", required: false),
        Top("salutation", TagKind.Text, required: true, "Salutation", "E.g. \"Dear Home Secretary\"."),
        Top("subject", TagKind.Text, required: true, "Subject", "The subject line (also the document title)."),
        Top("citation", TagKind.Text, required: false, "Statutory citation", "How the OPCC cites the duty, e.g. \"Section 55 of the Police Act 1996\"; its paragraph (the citation line) goes when there is none."),
        Top("report.title", TagKind.Text, required: false, "Report title", "The report's title."),
        Top("report.published", TagKind.Text, required: false, "Report published", "The report's publication date."),
        Top("opening", TagKind.RichText, required: true, "Opening", "Rich text acknowledging the report; goes when empty."),
        Top("context", TagKind.RichText, required: true, "Context", "Rich text: local context, which recommendations apply; goes when empty."),
        Top("responses", TagKind.Region, required: true, "Responses", "One 'response' per recommendation or sub-item answered, in letter order."),
        Child("response", TagKind.Item, "responses", "Response", "The item template for one response."),
        Child("response.heading", TagKind.Text, "response", "Response heading", "\"Recommendation 2\", \"Recommendation 6c\", \"Area for improvement 3\"."),
        Child("response.text", TagKind.Lines, "response", "Recommendation text", "The recommendation (or sub-item) text, verbatim."),
        Child("subitems", TagKind.Region, ["response", "recommendation"], "Sub-items", "The lettered sub-items of a whole recommendation; goes when there are none."),
        Child("subitem", TagKind.Item, "subitems", "Sub-item", "The item template for one lettered sub-item."),
        Child("subitem.label", TagKind.Text, "subitem", "Sub-item label", "The label from the report, e.g. \"a.\"."),
        Child("subitem.text", TagKind.Text, "subitem", "Sub-item text", "The sub-item's text, verbatim."),
        Child("response.assurance", TagKind.RichText, "response", "Force assurance", "The force's assurance: quoted in full (in the placeholder's style), summarised, or a pointer to the annex."),
        Child("response.commentary", TagKind.RichText, "response", "Commentary", "The commissioner's own words; goes when empty."),
        Child("response.status", TagKind.Text, "response", "Status", "\"Action taken\", \"Action proposed\" or \"No action will be taken: reason\"; its paragraph goes when unset."),
        Top("accountability", TagKind.RichText, required: true, "Accountability", "Rich text: how the commissioner will hold the chief constable to account."),
        Top("publication", TagKind.RichText, required: true, "Publication", "Rich text: where the response is published."),
        Top("closing", TagKind.Text, required: true, "Closing", "E.g. \"Yours sincerely\"."),
        Top("signatory.signature", TagKind.Picture, TagLevel.Inline, required: false, "Signature", "The signature picture; without one the paragraph stays as signature space."),
        Top("signatory.name", TagKind.Text, required: true, "Signatory name", "The commissioner's name."),
        Top("signatory.title", TagKind.Text, required: true, "Signatory title", "E.g. \"Police, Fire and Crime Commissioner\"."),
        Top("signatory.date", TagKind.Text, required: false, "Date signed", "The day the letter was signed; its paragraph goes until then."),
        Top("cc", TagKind.Region, required: true, "Copies", "The cc block: one 'cc.entry' per copy; the whole block goes when there are none."),
        Child("cc.label", TagKind.Text, "cc", "Copy list label", "The copy list's label from the OPCC profile (\"cc:\", \"Copied to:\"); a template may print its own words instead.", required: false),
        Child("cc.entry", TagKind.Item, "cc", "Copy", "The item template for one cc line."),
        Child("cc.text", TagKind.Text, "cc.entry", "Copy to", "E.g. \"Ben-Julian Harrington, Chief Constable, Essex Police\"."),
        Top("appendices", TagKind.Region, required: true, "Appendices", "One 'appendix' per appendix that has a body or recommendations; goes when there are none."),
        Child("appendix", TagKind.Item, "appendices", "Appendix", "The item template for one appendix."),
        Child("appendix.title", TagKind.Text, "appendix", "Appendix title", "E.g. \"Appendix A - Recommendations\"."),
        Child("appendix.body", TagKind.RichText, "appendix", "Appendix body", "Rich text; goes when empty."),
        Child("recommendations", TagKind.Region, "appendix", "Recommendations", "The recommendations the appendix reproduces; goes when there are none."),
        Child("recommendation", TagKind.Item, "recommendations", "Recommendation", "The item template for one reproduced recommendation."),
        Child("recommendation.heading", TagKind.Text, "recommendation", "Recommendation heading", "\"Recommendation 2: To chief constables\"."),
        Child("recommendation.text", TagKind.Lines, "recommendation", "Recommendation text", "The recommendation text, verbatim."),
        Top("annex", TagKind.Region, required: true, "Force assurance annex", "The full text of assurances summarised or left to the annex; goes when there are none."),
        Child("assurance", TagKind.Item, "annex", "Annexed assurance", "The item template for one annexed assurance."),
        Child("assurance.heading", TagKind.Text, "assurance", "Annexed assurance heading", "The response heading, e.g. \"Recommendation 3\"."),
        Child("assurance.text", TagKind.RichText, "assurance", "Annexed assurance text", "The force's full text."),
        Child("assurance.attribution", TagKind.Text, "assurance", "Annexed assurance attribution", "Who supplied it, when, and the source file."),
    ];

    private static readonly Dictionary<string, TagSpec> ByTag = All.ToDictionary(s => s.Tag, StringComparer.Ordinal);

    private static readonly Dictionary<string, string> ItemOfRegion = All
        .Where(s => s.Kind == TagKind.Item)
        .SelectMany(item => item.Parents.Select(region => (region, item.Tag)))
        .ToDictionary(p => p.region, p => p.Tag, StringComparer.Ordinal);

    public static TagSpec? Find(string tag) => ByTag.GetValueOrDefault(tag);

    /// <summary>The tag of the item template a repeating region holds ("responses" holds "response").</summary>
    public static string ItemOf(string region) => ItemOfRegion[region];

    private static TagSpec Top(string tag, TagKind kind, bool required, string alias, string fills) =>
        Top(tag, kind, DefaultLevel(kind), required, alias, fills);

    private static TagSpec Top(string tag, TagKind kind, TagLevel level, bool required, string alias, string fills) =>
        new(tag, kind, level, [], required, alias, fills);

    private static TagSpec Child(string tag, TagKind kind, string parent, string alias, string fills, bool required = true) =>
        Child(tag, kind, [parent], alias, fills, required);

    private static TagSpec Child(string tag, TagKind kind, IReadOnlyList<string> parents, string alias, string fills, bool required = true) =>
        new(tag, kind, DefaultLevel(kind), parents, required, alias, fills);

    private static TagLevel DefaultLevel(TagKind kind) => kind == TagKind.Text ? TagLevel.Inline : TagLevel.Block;
}
