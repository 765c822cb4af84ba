using System.Security.Cryptography;
using System.Xml;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Documents.Drafting;

/// <summary>
/// A tagged content control of a letter, read back. <see cref="Path"/> is the names from the top of the body joined
/// by '/' ("responses/response:2/response.commentary"). <see cref="Markup"/> is the content as the rich-text markup of
/// templates/markup.md for rich-text controls, and the escaped plain text of each paragraph otherwise. A control that
/// shows only its placeholder, or holds nothing, has no paragraphs and empty markup.
/// </summary>
/// <remarks>
/// Read back, a plain region's paragraphs and markup are made when first asked for: a container such as "responses"
/// holds every paragraph of the regions inside it, and most readers only want the regions at the leaves. Making them
/// twice, when two threads ask at once, gives equal values, so no lock is taken. A letter has thousands of regions,
/// so their names and paths are made on demand too.
/// </remarks>
public sealed class DocumentRegion
{
    private readonly BodyText? body;
    private readonly int firstParagraph;
    private readonly int paragraphCount;
    private IReadOnlyList<string>? paragraphs;
    private string? markup;
    private string? name;
    private string? path;

    public DocumentRegion(string tag, string? key, string path, IReadOnlyList<string> paragraphs, string markup, bool locked, string? alias, IReadOnlyList<DocumentRegion> children)
        : this(tag, key, paragraphs, markup, locked, alias, children)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentNullException.ThrowIfNull(markup);
        this.path = path;
    }

    /// <summary>A region whose paragraphs, when <paramref name="paragraphs"/> is null, are <paramref name="count"/> of the body's from <paramref name="first"/>.</summary>
    internal DocumentRegion(string tag, string? key, IReadOnlyList<string>? paragraphs, string? markup, bool locked, string? alias,
        IReadOnlyList<DocumentRegion> children, BodyText? body = null, int first = 0, int count = 0)
    {
        Tag = tag;
        Key = key;
        this.paragraphs = paragraphs;
        this.markup = markup;
        Locked = locked;
        Alias = alias;
        Children = children;
        this.body = body;
        firstParagraph = first;
        paragraphCount = count;
    }

    public string Tag { get; }

    public string? Key { get; }

    public string Path => path ??= Parent is null ? Name : $"{Parent.Path}/{Name}";

    public IReadOnlyList<string> Paragraphs => paragraphs ??= body!.Range(firstParagraph, paragraphCount);

    public string Markup => markup ??= body is null ? MarkupText.Escape(paragraphs![0]) : body.Markup(firstParagraph, paragraphCount);

    public bool Locked { get; }

    public string? Alias { get; }

    public IReadOnlyList<DocumentRegion> Children { get; }

    public string Name => name ??= Key is null ? Tag : $"{Tag}:{Key}";

    public string Text => string.Join("\n", Paragraphs);

    /// <summary>The region this one is inside, set once the read has made it; null at the top of the body.</summary>
    internal DocumentRegion? Parent { get; set; }
}

/// <summary>The document read, or why it could not be.</summary>
public sealed record LetterDocumentRead(LetterDocument? Document, UploadRefusal? Refusal);

/// <summary>
/// A letter's .docx read back: its text, its tagged regions, whether it is marked DRAFT and which draft it is. The
/// document is the draft; this is the index of it that the rest of the product works from. Read streams the parts
/// it needs rather than opening the package with the Open XML SDK, which would cost many times more.
/// </summary>
public sealed class LetterDocument
{
    private LetterDocument(string sha256, DocumentIdentity? identity, IReadOnlyList<string> paragraphs, IReadOnlyList<DocumentRegion> regions, bool markedDraft)
    {
        Sha256 = sha256;
        Identity = identity;
        Paragraphs = paragraphs;
        Regions = regions;
        MarkedDraft = markedDraft;
    }

    /// <summary>Lower-case hex SHA-256 of the exact bytes read.</summary>
    public string Sha256 { get; }

    /// <summary>The draft and version the identity part names; null when the document has none.</summary>
    public DocumentIdentity? Identity { get; }

    /// <summary>The body's paragraphs in order, tables included, whitespace collapsed to single spaces, empty ones left out.</summary>
    public IReadOnlyList<string> Paragraphs { get; }

    /// <summary>The body's top-level tagged regions in order, with the regions inside them as children.</summary>
    public IReadOnlyList<DocumentRegion> Regions { get; }

    /// <summary>Whether any header carries the DRAFT marking.</summary>
    public bool MarkedDraft { get; }

    /// <summary>Every region, depth first.</summary>
    public IEnumerable<DocumentRegion> All => Regions.SelectMany(Flatten);

    /// <summary>The region at a path such as "opening" or "responses/response:2/response.commentary"; null when there is none.</summary>
    public DocumentRegion? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var level = Regions;
        DocumentRegion? found = null;
        foreach (var name in path.Split('/'))
        {
            found = level.FirstOrDefault(r => r.Name == name);
            if (found is null)
            {
                return null;
            }

            level = found.Children;
        }

        return found;
    }

    /// <summary>Inspects the file as an upload first; a file that is unsafe, damaged or not a Word document is refused, never thrown.</summary>
    public static LetterDocumentRead Read(byte[] docx, string? fileName = null, UploadLimits? limits = null)
    {
        if (WordUpload.Inspect(docx, fileName, limits, DocxParts.Wanted, out var inspected) is { } refusal)
        {
            return new(null, refusal);
        }

        try
        {
            using var parts = DocxParts.Open(docx, inspected!);
            using var main = parts?.Stream(parts.MainPart);
            if (parts is null || main is null)
            {
                return new(null, WordUpload.NoMainPart(fileName));
            }

            var (paragraphs, regions) = BodyReader.Read(main, IsRichText, () => RunsIn(parts), () => ListsIn(parts));
            var document = new LetterDocument(Convert.ToHexStringLower(SHA256.HashData(docx)), IdentityIn(parts), paragraphs, regions, HasDraftMarking(parts));
            return new(document, null);
        }
        catch (XmlException)
        {
            return new(null, WordUpload.UnreadableXml(fileName));
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or ArgumentException
            or InvalidOperationException or FormatException or UriFormatException)
        {
            return new(null, WordUpload.Damaged(fileName, "Word's own structure inside it cannot be read"));
        }
    }

    private static bool IsRichText(string tag) => TemplateVocabulary.Find(tag)?.Kind == TagKind.RichText;

    private static ParagraphRuns RunsIn(DocxParts parts)
    {
        using var styles = parts.RelatedStream("styles");
        return new ParagraphRuns(StyleChain.Read(styles), parts.Hyperlinks());
    }

    private static ListDefinitions ListsIn(DocxParts parts)
    {
        using var numbering = parts.RelatedStream("numbering");
        return ListDefinitions.Read(numbering);
    }

    private static IEnumerable<DocumentRegion> Flatten(DocumentRegion region) => [region, .. region.Children.SelectMany(Flatten)];

    private static DocumentIdentity? IdentityIn(DocxParts parts)
    {
        foreach (var part in parts.Related("customXml"))
        {
            try
            {
                using var stream = parts.Stream(part);
                if (stream is not null && DraftIdentityPart.FromXml(stream) is { } identity)
                {
                    return identity;
                }
            }
            catch (XmlException)
            {
                // Another producer's custom XML that is not well-formed says nothing about which draft this is.
            }
        }

        return null;
    }

    private static bool HasDraftMarking(DocxParts parts) =>
        parts.Related("header").Select(parts.Text).Any(xml => xml is not null && HasDraftTag(PartRegions.Locate(xml)));

    private static bool HasDraftTag(IReadOnlyList<RegionSpan> spans) => spans.Any(s => s.Tag == DraftMarking.Tag || HasDraftTag(s.Children));
}
