using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Import;

namespace ResponseDrafter.Documents.Templates;

/// <summary>Something wrong with a template: the tag concerned, where it is, and what is wrong.</summary>
public sealed record TemplateProblem(string Tag, string Location, string Message);

public sealed record TemplateLoadResult(LetterTemplate? Template, IReadOnlyList<TemplateProblem> Problems)
{
    /// <summary>Why the file was refused as an upload before its tags were looked at; null when it passed inspection.</summary>
    public UploadRefusal? Refusal { get; init; }
}

/// <summary>A validated letter template (.docx bytes whose variable parts are tagged content controls).</summary>
public sealed class LetterTemplate
{
    private static readonly Lazy<LetterTemplate> BuiltIn = new(LoadDefault);

    private readonly Lazy<AssemblySource> source;

    private LetterTemplate(byte[] docx)
    {
        Docx = docx;
        source = new Lazy<AssemblySource>(() => AssemblySource.From(docx));
    }

    public byte[] Docx { get; }

    /// <summary>The template compiled for assembly, once per template (see <see cref="AssemblySource"/>).</summary>
    internal AssemblySource Source => source.Value;

    /// <summary>The built-in Section 55 template (templates/section55.xml).</summary>
    public static LetterTemplate Default => BuiltIn.Value;

    /// <summary>
    /// Validates an uploaded .docx and reports every problem at once. A template is an untrusted file: it is inspected
    /// as every upload is (<see cref="WordUpload"/>: sizes, bounded XML, no DTD, a main part) before the Open XML SDK
    /// builds anything from it, and every macro project, ActiveX control, external link other than a hyperlink
    /// (attached template, linked picture, OLE link, subdocument, frame) and embedded object is named as a problem,
    /// because every letter rendered from the template would carry it.
    /// </summary>
    public static TemplateLoadResult Load(byte[] docx, string? fileName = null, UploadLimits? limits = null)
    {
        limits ??= UploadLimits.Default;
        if ((WordUpload.Inspect(docx, fileName ?? "template.docx", limits) ?? WordUpload.InspectXml(docx, fileName ?? "template.docx", limits)) is { } refusal)
        {
            IReadOnlyList<string> items = refusal.Items.Count > 0 ? [.. refusal.Items.Select(i => $"The template carries {i}, which every letter made from it would carry; remove it in Word and upload the template again.")]
                : [refusal.Message];
            return new TemplateLoadResult(null, [.. items.Select(m => new TemplateProblem(string.Empty, "file", m))]) { Refusal = refusal };
        }

        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(docx, writable: false), isEditable: false,
                new OpenSettings { MaxCharactersInPart = limits.MaxPartBytes });
            if (document.DocumentType is WordprocessingDocumentType.MacroEnabledDocument or WordprocessingDocumentType.MacroEnabledTemplate)
            {
                return Rejected("The file is macro-enabled (.docm/.dotm); save it as a Word Document (.docx) without macros.");
            }

            var problems = TemplateInspector.Inspect(document);
            if (problems.Count > 0)
            {
                return new TemplateLoadResult(null, problems);
            }

            var bytes = document.DocumentType == WordprocessingDocumentType.Template ? AsDocument(docx) : docx.ToArray();
            return new TemplateLoadResult(new LetterTemplate(bytes), []);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException or IOException)
        {
            return Rejected("The file is not a Word document, or it is damaged; open it in Word and save it as a .docx.");
        }
    }

    /// <summary>Builds a template from the Flat OPC XML form Word saves (Word XML Document).</summary>
    internal static LetterTemplate FromFlatOpc(string flatOpc)
    {
        var stream = new MemoryStream();
        using (WordprocessingDocument.FromFlatOpcString(flatOpc, stream, isEditable: true))
        {
        }

        var result = Load(stream.ToArray());
        return result.Template ?? throw new InvalidOperationException(
            "The template is invalid: " + string.Join("; ", result.Problems.Select(p => $"{p.Tag} at {p.Location}: {p.Message}")));
    }

    private static LetterTemplate LoadDefault()
    {
        using var resource = typeof(LetterTemplate).Assembly.GetManifestResourceStream(DefaultTemplateBuilder.ResourceName)
            ?? throw new InvalidOperationException($"The built-in template resource {DefaultTemplateBuilder.ResourceName} is missing from the assembly.");
        using var reader = new StreamReader(resource);
        return FromFlatOpc(reader.ReadToEnd());
    }

    private static TemplateLoadResult Rejected(string message) => new(null, [new TemplateProblem(string.Empty, "file", message)]);

    /// <summary>A .dotx is accepted as a template, but assembled letters must be documents.</summary>
    private static byte[] AsDocument(byte[] dotx)
    {
        using var stream = new MemoryStream();
        stream.Write(dotx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            document.ChangeDocumentType(WordprocessingDocumentType.Document);
        }

        return stream.ToArray();
    }
}
