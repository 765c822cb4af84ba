using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Templates;

/// <summary>
/// Builds the built-in Section 55 template, so that templates/section55.xml is reproducible:
/// <c>responsedrafter build-default-template -o templates/section55.xml</c> writes <see cref="BuildFlatOpc"/>.
/// </summary>
public static class DefaultTemplateBuilder
{
    internal const string ResourceName = "ResponseDrafter.Documents.Templates.section55.xml";

    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1134;

    /// <summary>The template as pretty-printed Flat OPC XML (the single-file form Word opens and saves), byte-for-byte stable.</summary>
    public static string BuildFlatOpc()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            Build(document);
        }

        using var built = WordprocessingDocument.Open(stream, isEditable: false);
        return Format(built.ToFlatOpcDocument());
    }

    private static void Build(WordprocessingDocument document)
    {
        // Written as a part of its own: System.IO.Packaging would name it after a fresh GUID on every build.
        using (var core = document.AddNewPart<CoreFilePropertiesPart>("application/vnd.openxmlformats-package.core-properties+xml", "rIdCore").GetStream(FileMode.Create))
        {
            core.Write(CoreProperties);
        }

        var main = document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rIdMain");
        main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = DefaultTemplateStyles.Build();
        main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = Settings();
        main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering").Numbering = new Numbering();
        main.AddNewPart<FootnotesPart>("rIdFootnotes").Footnotes = Footnotes();
        main.AddNewPart<HeaderPart>("rIdHeaderFirst").Header = new Header(EmptyParagraph("Header"));
        main.AddNewPart<HeaderPart>("rIdHeader").Header = new Header(P("Header", Inline("report.title", "[Report title]")));
        main.AddNewPart<FooterPart>("rIdFooterFirst").Footer = new Footer(EmptyParagraph("Footer"));
        main.AddNewPart<FooterPart>("rIdFooter").Footer = new Footer(PageNumberParagraph());
        main.Document = new Document(new Body(Content().Append(Section())));
        foreach (var (prefix, uri) in Namespaces)
        {
            main.Document.AddNamespaceDeclaration(prefix, uri);
        }
    }

    /// <summary>Declared once at the root, so that hyperlinks and pictures added on assembly need no declarations of their own.</summary>
    private static readonly (string Prefix, string Uri)[] Namespaces =
    [
        ("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
        ("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
        ("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
        ("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        ("pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"),
    ];

    private static ReadOnlySpan<byte> CoreProperties =>
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Section 55 response</dc:title><dc:creator>ResponseDrafter</dc:creator></cp:coreProperties>
        """u8;

    private static IEnumerable<OpenXmlElement> Content() =>
    [
        Block("letterhead.logo", P("Letterhead", Placeholder("[Logo]"))),
        P("LetterheadName", Inline("opcc.name", "[OPCC name]")),
        Block("letterhead.lines", P("Letterhead", Placeholder("[Address, telephone, email and website, one line each]"))),
        P("Strapline", Inline("letterhead.strapline", "[Strapline]")),
        Block("recipients", Block("recipient",
            P("Addressee", Inline("recipient.name", "[Recipient name]")),
            P("Address", Inline("recipient.title", "[Recipient title]")),
            Block("recipient.address", P("Address", Placeholder("[Address, one line each]"))),
            P("Address", Inline("recipient.email", "[Recipient email]")))),
        Block("references", Block("reference",
            P("Reference", Inline("reference.label", "[Label]"), R(": "), Inline("reference.value", "[Reference]")))),
        P("Date", Inline("date", "[Date]")),
        P(null, Inline("salutation", "[Dear Home Secretary]")),
        P("Heading1", Inline("subject", "[Subject: the report's title]")),
        P(null, R("Response under "), Inline("citation", "[Section 55 of the Police Act 1996]"), R(" to the report published on "), Inline("report.published", "[date]"), R(".")),
        Block("opening", P(null, Placeholder("[Opening: acknowledges the report and the statutory basis]"))),
        Block("context", P(null, Placeholder("[Context: local context, and which recommendations apply to whom]"))),
        Block("responses", Block("response",
            P("Heading2", Inline("response.heading", "[Recommendation 2]")),
            Block("response.text", P("Recommendation", Placeholder("[The recommendation, verbatim]"))),
            Block("subitems", Block("subitem",
                P("SubItem", Inline("subitem.label", "[a.]"), new Run(new TabChar()), Inline("subitem.text", "[Sub-item, verbatim]")))),
            Block("response.assurance", P("Quote", Placeholder("[The force's assurance]"))),
            Block("response.commentary", P(null, Placeholder("[The commissioner's commentary]"))),
            P("Status", R("Status: ", bold: true), Inline("response.status", "[Action taken]")))),
        Block("accountability", P(null, Placeholder("[How the commissioner will hold the chief constable to account]"))),
        Block("publication", P(null, Placeholder("[Where this response is published]"))),
        P(null, Inline("closing", "[Yours sincerely]")),
        P("SignatureSpace", Inline("signatory.signature", "[Signature]")),
        P("Address", Inline("signatory.name", "[Commissioner's name]", bold: true)),
        P("Address", Inline("signatory.title", "[Commissioner's title]")),
        P("Address", R("Signed on "), Inline("signatory.date", "[date signed]")),
        Block("cc", P("CopiesHeading", Inline("cc.label", "[cc:]")), Block("cc.entry", P("Address", Inline("cc.text", "[Name, title, organisation]")))),
        Block("appendices", Block("appendix",
            P("Heading1", pageBreakBefore: true, Inline("appendix.title", "[Appendix A - Recommendations]")),
            Block("appendix.body", P(null, Placeholder("[Appendix text]"))),
            Block("recommendations", Block("recommendation",
                P("Heading2", Inline("recommendation.heading", "[Recommendation 2: To chief constables]")),
                Block("recommendation.text", P(null, Placeholder("[The recommendation, verbatim]"))),
                Block("subitems", Block("subitem",
                    P("SubItem", Inline("subitem.label", "[a.]"), new Run(new TabChar()), Inline("subitem.text", "[Sub-item, verbatim]")))))))),
        Block("annex",
            P("Heading1", pageBreakBefore: true, R("Annex: Force assurance")),
            Block("assurance",
                P("Heading2", Inline("assurance.heading", "[Recommendation 3]")),
                Block("assurance.text", P(null, Placeholder("[The force's assurance in full]"))),
                P("Attribution", Inline("assurance.attribution", "[Supplied by, received on, source file]")))),
    ];

    private static SectionProperties Section() => new(
        new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdHeader" },
        new HeaderReference { Type = HeaderFooterValues.First, Id = "rIdHeaderFirst" },
        new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" },
        new FooterReference { Type = HeaderFooterValues.First, Id = "rIdFooterFirst" },
        new PageSize { Width = PageWidth, Height = PageHeight },
        new PageMargin { Top = Margin, Right = Margin, Bottom = Margin, Left = Margin, Header = 567, Footer = 567, Gutter = 0 },
        new Columns { Space = "708" },
        new TitlePage(),
        new DocGrid { LinePitch = 360 });

    private static Settings Settings() => new(
        new Zoom { Percent = "100" },
        new DefaultTabStop { Val = 720 },
        new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
        new FootnoteDocumentWideProperties(new FootnoteSpecialReference { Id = -1 }, new FootnoteSpecialReference { Id = 0 }),
        new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }),
        new ThemeFontLanguages { Val = "en-GB" });

    private static Footnotes Footnotes() => new(
        new Footnote(new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new Run(new SeparatorMark())))
        { Type = FootnoteEndnoteValues.Separator, Id = -1 },
        new Footnote(new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new Run(new ContinuationSeparatorMark())))
        { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });

    private static Paragraph PageNumberParagraph() => new(
        new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
        new Run(new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new Text("2")),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }));

    private static Paragraph EmptyParagraph(string style) => new(new ParagraphProperties(new ParagraphStyleId { Val = style }));

    private static Paragraph P(string? style, params OpenXmlElement[] content) => P(style, pageBreakBefore: false, content);

    private static Paragraph P(string? style, bool pageBreakBefore, params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph();
        if (style is not null || pageBreakBefore)
        {
            var properties = new ParagraphProperties();
            if (style is not null)
            {
                properties.Append(new ParagraphStyleId { Val = style });
            }

            if (pageBreakBefore)
            {
                properties.Append(new PageBreakBefore());
            }

            paragraph.Append(properties);
        }

        paragraph.Append(content);
        return paragraph;
    }

    private static Run R(string text, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Run Placeholder(string text, bool bold = false)
    {
        var properties = new RunProperties(new RunStyle { Val = "PlaceholderText" });
        if (bold)
        {
            properties.Append(new Bold());
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static SdtRun Inline(string tag, string placeholder, bool bold = false) =>
        new(Properties(tag, showingPlaceholder: true), new SdtContentRun(Placeholder(placeholder, bold)));

    private static SdtBlock Block(string tag, params OpenXmlElement[] content)
    {
        var leaf = TemplateVocabulary.Find(tag)!.Kind is not (TagKind.Region or TagKind.Item);
        return new SdtBlock(Properties(tag, showingPlaceholder: leaf), new SdtContentBlock(content));
    }

    private static SdtProperties Properties(string tag, bool showingPlaceholder)
    {
        var spec = TemplateVocabulary.Find(tag) ?? throw new ArgumentException($"'{tag}' is not in the tag vocabulary.", nameof(tag));
        var properties = new SdtProperties(new SdtAlias { Val = spec.Alias }, new Tag { Val = tag });
        if (showingPlaceholder)
        {
            properties.Append(new ShowingPlaceholder());
        }

        return properties;
    }

    /// <summary>Indented, LF line ends, no BOM: so that a change to the template reads as a small diff.</summary>
    private static string Format(XDocument flatOpc)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            flatOpc.Save(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
