using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Publication;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;
using A = DocumentFormat.OpenXml.Drawing;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace ResponseDrafter.Documents.Tests.Publication;

/// <summary>
/// Word's Accessibility Checker, as the server runs it (<see cref="AccessibilityCheck"/>): every letter the built-in
/// and a restyled template assemble passes, signed or not; a letter broken in exactly one way is caught for exactly that.
/// </summary>
[TestClass]
public sealed class AccessibilityCheckTests
{
    public static IEnumerable<object[]> Combinations =>
        PrintedLetters.Templates.SelectMany(t => PrintedLetters.Letters.Select(l => new object[] { t.Template, l.Name }));

    [TestMethod]
    [DynamicData(nameof(Combinations))]
    public void EveryAssembledLetterPassesInBothForms(string template, string letter)
    {
        var value = PrintedLetters.Letters.Single(l => l.Name == letter).Letter;
        var chosen = PrintedLetters.Templates.Single(t => t.Template == template).Value;
        foreach (var form in new[] { LetterForm.Final, LetterForm.Editing })
        {
            var docx = LetterAssembler.Assemble(value, chosen, form).Letter!.Docx;

            var findings = AccessibilityCheck.Check(docx);

            Assert.IsEmpty(findings, $"{template} × {letter} ({form}):\n{string.Join("\n", findings)}");
        }
    }

    [TestMethod]
    public void ALetterSignedByLetterSigningPasses()
    {
        var approved = LetterAssembler.Assemble(SampleLetters.Full with { Signatory = SampleLetters.Full.Signatory with { Signature = null, SignedOn = null } },
            LetterTemplate.Default, LetterForm.Editing).Letter!.Docx;

        var signed = LetterSigning.Sign(approved, TestImages.Signature, "19 July 2021");

        Assert.IsEmpty(AccessibilityCheck.Check(signed), string.Join("\n", AccessibilityCheck.Check(signed)));
        Assert.AreEqual(2, WordDocuments.Read(signed, d => d.MainDocumentPart!.Document!.Descendants<Wp.DocProperties>().Count()), "the logo and the signature");
    }

    [TestMethod]
    public void ASignatureWithoutAltTextIsCaughtOnTheSignedLetter()
    {
        var approved = LetterAssembler.Assemble(SampleLetters.Minimal, LetterTemplate.Default, LetterForm.Editing).Letter!.Docx;

        var signed = LetterSigning.Sign(approved, TestImages.Signature with { AltText = "" }, "19 July 2021");

        var finding = AccessibilityCheck.Check(signed).Single();
        Assert.AreEqual(AccessibilityCheck.PictureWithoutAltText, finding.Code);
        Assert.AreEqual("signatory.signature", finding.Region);
        Assert.AreEqual("Signature", finding.Where);
    }

    [TestMethod]
    public void TheBuiltInTemplatePasses() => Assert.IsEmpty(AccessibilityCheck.Check(LetterTemplate.Default.Docx));

    [TestMethod]
    public void ADocumentWithoutATitleIsCaught()
    {
        var docx = Clean(d => d.PackageProperties.Title = "");

        Only(docx, AccessibilityCheck.TitleMissing, FindingSeverity.Error);
    }

    [TestMethod]
    public void ADocumentWithoutALanguageIsCaught()
    {
        var docx = Clean(d =>
        {
            foreach (var language in d.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Descendants<Languages>().ToList())
            {
                language.Remove();
            }
        });

        Only(docx, AccessibilityCheck.LanguageMissing, FindingSeverity.Error);
    }

    [TestMethod]
    public void LanguageOnEveryRunIsEnough()
    {
        var docx = Clean(d =>
        {
            foreach (var language in d.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Descendants<Languages>().ToList())
            {
                language.Remove();
            }

            foreach (var run in d.MainDocumentPart.Document!.Body!.Descendants<Run>())
            {
                (run.RunProperties ??= new RunProperties()).Append(new Languages { Val = "en-GB" });
            }
        });

        Assert.IsEmpty(AccessibilityCheck.Check(docx));
    }

    [TestMethod]
    public void AHeadingThreeStraightAfterAHeadingOneIsCaught()
    {
        var docx = Clean(d => Subject(d).InsertAfterSelf(new Paragraph(
            new ParagraphProperties(new OutlineLevel { Val = 2 }), new Run(new Text("Our approach")))));

        var finding = Only(docx, AccessibilityCheck.HeadingSkipped, FindingSeverity.Error);
        Assert.AreEqual("Our approach", finding.Excerpt);
        StringAssert.Contains(finding.Message, "A Heading 3 follows a Heading 1");
    }

    [TestMethod]
    public void AHeadingTwoAfterAHeadingOneAndBackUpAreInOrder()
    {
        var docx = Clean(d => Subject(d).InsertAfterSelf(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Heading2" }), new Run(new Text("Our approach")))));

        Assert.IsEmpty(AccessibilityCheck.Check(docx));
    }

    [TestMethod]
    public void APictureWithoutAltTextIsCaughtWhereItIs()
    {
        var docx = Clean(d => Logo(d).Description = "");

        var finding = Only(docx, AccessibilityCheck.PictureWithoutAltText, FindingSeverity.Error);
        Assert.AreEqual("letterhead.logo", finding.Region);
        Assert.AreEqual("Logo", finding.Where);
        StringAssert.StartsWith(finding.Excerpt, "Picture ");
    }

    [TestMethod]
    public void APictureMarkedDecorativeNeedsNoAltText()
    {
        var docx = Clean(d =>
        {
            var logo = Logo(d);
            logo.Description = null;
            var decorative = new OpenXmlUnknownElement("adec", "decorative", "http://schemas.microsoft.com/office/drawing/2017/decorative");
            decorative.SetAttribute(new OpenXmlAttribute("val", string.Empty, "1"));
            logo.Append(new A.NonVisualDrawingPropertiesExtensionList(
                new A.NonVisualDrawingPropertiesExtension(decorative) { Uri = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}" }));
        });

        Assert.IsEmpty(AccessibilityCheck.Check(docx));
    }

    [TestMethod]
    public void AltTextThatIsAFileNameIsCaught()
    {
        var docx = Clean(d => Logo(d).Description = "opcc-logo.png");

        var finding = Only(docx, AccessibilityCheck.AltTextIsFileName, FindingSeverity.Error);
        StringAssert.Contains(finding.Message, "opcc-logo.png");
    }

    [TestMethod]
    public void WordsInRedAndNothingElseAreCaught()
    {
        var docx = Clean(d => Salutation(d).Append(Coloured(" (urgent)", new Color { Val = "FF0000" })));

        var finding = Only(docx, AccessibilityCheck.ColourOnly, FindingSeverity.Error);
        StringAssert.Contains(finding.Message, "(urgent)");
        StringAssert.Contains(finding.Message, "colour");
    }

    [TestMethod]
    public void HighlightedWordsAndNothingElseAreCaught()
    {
        var docx = Clean(d => Salutation(d).Append(Coloured(" (urgent)", new Highlight { Val = HighlightColorValues.Yellow })));

        StringAssert.Contains(Only(docx, AccessibilityCheck.ColourOnly, FindingSeverity.Error).Message, "highlighting");
    }

    [TestMethod]
    public void WordsInRedThatAreAlsoBoldOrInTheStyleColourPass()
    {
        var docx = Clean(d =>
        {
            Salutation(d).Append(Coloured(" (urgent)", new Bold(), new Color { Val = "FF0000" }));
            Salutation(d).Append(Coloured(" black", new Color { Val = "auto" }));
            Subject(d).Append(Coloured(" again", new Color { Val = "1F3864" }));
        });

        Assert.IsEmpty(AccessibilityCheck.Check(docx), string.Join("\n", AccessibilityCheck.Check(docx)));
    }

    [TestMethod]
    public void ALinkShowingItsAddressDespiteATitleIsAdviceOnly()
    {
        var docx = Clean(d =>
        {
            var main = d.MainDocumentPart!;
            var relationship = main.AddHyperlinkRelationship(new Uri("https://www.example.org/report"), isExternal: true);
            Salutation(d).Append(new Hyperlink(Coloured("https://www.example.org/report", new RunStyle { Val = "Hyperlink" }))
            {
                Id = relationship.Id,
                Tooltip = "The inspection report",
            });
        });

        var finding = Only(docx, AccessibilityCheck.LinkTextIsAddress, FindingSeverity.Advice);
        StringAssert.Contains(finding.Message, "The inspection report");
        Assert.IsFalse(AccessibilityCheck.Fails(AccessibilityCheck.Check(docx)));
    }

    [TestMethod]
    public void ALinkShowingItsAddressWithNoTitlePasses()
    {
        var docx = Clean(d =>
        {
            var relationship = d.MainDocumentPart!.AddHyperlinkRelationship(new Uri("https://www.example.org/report"), isExternal: true);
            Salutation(d).Append(new Hyperlink(Coloured("https://www.example.org/report", new RunStyle { Val = "Hyperlink" })) { Id = relationship.Id });
        });

        Assert.IsEmpty(AccessibilityCheck.Check(docx));
    }

    [TestMethod]
    public void ADataTableWithoutAHeaderRowIsCaught()
    {
        var docx = Clean(d => Subject(d).InsertAfterSelf(Table(style: "TableGrid", header: false)));

        var finding = Only(docx, AccessibilityCheck.TableWithoutHeaderRow, FindingSeverity.Error);
        Assert.AreEqual("Force", finding.Excerpt);
    }

    [TestMethod]
    [DataRow("TableGrid", true, DisplayName = "a data table with a header row")]
    [DataRow(null, false, DisplayName = "a layout table (no table style)")]
    [DataRow("TableNormal", false, DisplayName = "a layout table (Table Normal)")]
    public void DataTablesWithAHeaderRowAndLayoutTablesPass(string? style, bool header)
    {
        var docx = Clean(d => Subject(d).InsertAfterSelf(Table(style, header)));

        Assert.IsEmpty(AccessibilityCheck.Check(docx));
    }

    [TestMethod]
    public void ALayoutTableInThePageHeaderPasses()
    {
        var docx = Clean(d => d.MainDocumentPart!.HeaderParts.First().Header!.Append(Table(style: null, header: false)));

        Assert.IsEmpty(AccessibilityCheck.Check(docx));
    }

    private static AccessibilityFinding Only(byte[] docx, string code, FindingSeverity severity)
    {
        var findings = AccessibilityCheck.Check(docx);
        Assert.HasCount(1, findings, string.Join("\n", findings));
        Assert.AreEqual(code, findings[0].Code, findings[0].ToString());
        Assert.AreEqual(severity, findings[0].Severity);
        Assert.IsFalse(string.IsNullOrWhiteSpace(findings[0].Fix));
        return findings[0];
    }

    /// <summary>The full sample letter (logo, headings, links, footnotes) from the built-in template, changed by <paramref name="edit"/>.</summary>
    private static byte[] Clean(Action<WordprocessingDocument> edit)
    {
        var docx = LetterAssembler.Assemble(SampleLetters.Full, LetterTemplate.Default, LetterForm.Editing).Letter!.Docx;
        Assert.IsEmpty(AccessibilityCheck.Check(docx), "the letter before the change");
        return WordDocuments.Edit(docx, d =>
        {
            if (d.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().All(s => s.StyleId != "TableGrid"))
            {
                d.MainDocumentPart.StyleDefinitionsPart.Styles.Append(new Style(new StyleName { Val = "Table Grid" }) { Type = StyleValues.Table, StyleId = "TableGrid" });
            }

            edit(d);
        });
    }

    private static Paragraph Subject(WordprocessingDocument d) => WordDocuments.Control(d, "subject").Ancestors<Paragraph>().First();

    private static Paragraph Salutation(WordprocessingDocument d) => WordDocuments.Control(d, "salutation").Ancestors<Paragraph>().First();

    private static Wp.DocProperties Logo(WordprocessingDocument d) => WordDocuments.Control(d, "letterhead.logo").Descendants<Wp.DocProperties>().Single();

    private static Run Coloured(string text, params OpenXmlElement[] properties) =>
        new(new RunProperties(properties), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Table Table(string? style, bool header)
    {
        var properties = new TableProperties();
        if (style is not null)
        {
            properties.Append(new TableStyle { Val = style });
        }

        var first = new TableRow(new TableCell(new Paragraph(new Run(new Text("Force")))), new TableCell(new Paragraph(new Run(new Text("Grade")))));
        if (header)
        {
            first.PrependChild(new TableRowProperties(new TableHeader()));
        }

        return new Table(properties, new TableGrid(new GridColumn { Width = "4000" }, new GridColumn { Width = "4000" }), first,
            new TableRow(new TableCell(new Paragraph(new Run(new Text("Essex")))), new TableCell(new Paragraph(new Run(new Text("Good"))))));
    }
}
