namespace ResponseDrafter.Documents.Assembly;

/// <summary>The content and relationship types of the parts assembly adds.</summary>
internal sealed record PartTypes(string ContentType, string RelationshipType)
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string Wordprocessing = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

    public static readonly PartTypes Styles = new(Wordprocessing + "styles+xml", Relationships + "styles");
    public static readonly PartTypes Numbering = new(Wordprocessing + "numbering+xml", Relationships + "numbering");
    public static readonly PartTypes Footnotes = new(Wordprocessing + "footnotes+xml", Relationships + "footnotes");
    public static readonly PartTypes CustomXml = new("application/xml", Relationships + "customXml");
    public static readonly PartTypes CustomXmlProperties = new("application/vnd.openxmlformats-officedocument.customXmlProperties+xml", Relationships + "customXmlProps");
    public static readonly PartTypes CoreProperties = new(
        "application/vnd.openxmlformats-package.core-properties+xml", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties");

    public const string Hyperlink = Relationships + "hyperlink";
    public const string Image = Relationships + "image";
}
