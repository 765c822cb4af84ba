using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;
using ResponseDrafter.TestSupport;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace ResponseDrafter.Documents.Tests.Assembly;

[TestClass]
public sealed class LetterAssemblerTests
{
    public static IEnumerable<object[]> Fixtures => SampleLetters.All.Select(f => new object[] { f.Name });

    private static AssembledLetter Assembled(Letter letter, LetterTemplate? template = null)
    {
        var result = LetterAssembler.Assemble(letter, template ?? LetterTemplate.Default);
        Assert.IsEmpty(result.Problems, string.Join("\n", result.Problems));
        Assert.IsNotNull(result.Letter);
        WordDocuments.AssertValid(result.Letter.Docx);
        return result.Letter;
    }

    private static byte[] Docx(Letter letter) => Assembled(letter).Docx;

    [TestMethod]
    [DynamicData(nameof(Fixtures))]
    public void EveryFixtureAssemblesIntoAValidDocument(string fixture)
    {
        var letter = SampleLetters.All.Single(f => f.Name == fixture).Letter;

        var docx = Docx(letter);

        Assert.Contains(letter.Subject, WordDocuments.BodyText(docx));
    }

    [TestMethod]
    public void InvalidLetterGivesProblemsAndNoDocument()
    {
        var result = LetterAssembler.Assemble(SampleLetters.Minimal with { Salutation = string.Empty }, LetterTemplate.Default);

        Assert.IsNull(result.Letter);
        Assert.IsNotEmpty(result.Problems);
    }

    [TestMethod]
    public void EmptyOptionalRegionsVanishWithoutLeavingEmptyParagraphs()
    {
        var docx = Docx(SampleLetters.Minimal);

        var tags = WordDocuments.Tags(docx);
        string[] gone = ["letterhead.logo", "letterhead.lines", "letterhead.strapline", "references", "recipient.title", "recipient.email",
            "opening", "context", "response.assurance", "accountability", "publication", "signatory.signature", "signatory.date", "cc", "appendices", "annex"];
        Assert.IsEmpty(gone.Where(tags.Contains).ToList(), "these should have gone");
        var empty = WordDocuments.Read(docx, d => d.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>()
            .Where(p => p.InnerText.Length == 0 && p.ParagraphProperties?.ParagraphStyleId?.Val?.Value != "SignatureSpace")
            .Count());
        Assert.AreEqual(0, empty, "no blank paragraphs other than the signature space");
        Assert.DoesNotContain("cc:", WordDocuments.BodyText(docx));
        Assert.DoesNotContain("Signed on", string.Join("\n", WordDocuments.BodyText(docx)));
    }

    [TestMethod]
    public void ControlsKeepTheirTagsWithoutThePlaceholderFlag()
    {
        var docx = Docx(SampleLetters.Full);

        var tags = WordDocuments.Tags(docx);
        string[] kept = ["opcc.name", "date", "recipient", "subject", "response:2", "response.commentary", "appendix", "assurance:3"];
        Assert.IsEmpty(kept.Where(t => !tags.Contains(t)).ToList());
        Assert.AreEqual(0, WordDocuments.Read(docx, d => d.MainDocumentPart!.Document!.Descendants<ShowingPlaceholder>().Count()));
        Assert.DoesNotContain("[", string.Join(string.Empty, WordDocuments.BodyText(docx).Where(t => t.StartsWith('[') && t.EndsWith(']'))));
    }

    [TestMethod]
    public void RecipientsRepeatInOrder()
    {
        var text = WordDocuments.BodyText(Docx(SampleLetters.Full));

        var patel = text.ToList().IndexOf("Rt Hon Priti Patel MP");
        Assert.AreEqual("Home Secretary", text[patel + 1]);
        Expect.Sequence(text.Skip(patel + 2).Take(7), "Home Office", "2 Marsham Street", "London", "SW1P 4DF", "section55responses@homeoffice.gov.uk", "Sir Thomas Winsor", "HM Chief Inspector of Constabulary");
    }

    [TestMethod]
    public void ReferencesPrintLabelAndValue()
    {
        var references = WordDocuments.ParagraphsInStyle(Docx(SampleLetters.Full), "Reference");

        Expect.Sequence(references, "Your ref: n/a", "Our ref: 20210719SH", "Enquiries to: Suzanne Harris, pfcc@essex.police.uk");
    }

    [TestMethod]
    public void ResponsesFollowLetterOrderUnderTheirOwnHeadings()
    {
        var headings = WordDocuments.ParagraphsInStyle(Docx(SampleLetters.SubItemResponses), "Heading2");

        Expect.Sequence(headings, "Recommendation 2e", "Recommendation 3", "Recommendation 4", "Recommendation 6c");
    }

    [TestMethod]
    public void HeadingsSayWhatKindOfItemIsAnswered()
    {
        var report = SampleLetters.Minimal.Report with
        {
            Kind = ReportKind.Peel,
            Recommendations =
            [
                new Recommendation { Number = "1", Kind = RecommendationKind.CauseOfConcern, Addressees = ["chief constables"], Text = "The force should improve." },
                new Recommendation { Number = "3", Kind = RecommendationKind.AreaForImprovement, Addressees = ["chief constables"], Text = "The force should record." },
            ],
        };
        var letter = SampleLetters.Minimal with
        {
            Report = report,
            Responses = [new() { Ref = "1", Commentary = "Done.", Status = ResponseStatus.ActionTaken }, new() { Ref = "3", Commentary = "Done.", Status = ResponseStatus.ActionTaken }],
        };

        var headings = WordDocuments.ParagraphsInStyle(Docx(letter), "Heading2");

        Expect.Sequence(headings, "Cause of concern 1", "Area for improvement 3");
    }

    [TestMethod]
    public void WholeRecommendationIsQuotedVerbatimWithItsLetteredSubItems()
    {
        var docx = Docx(SampleLetters.Full);

        var text = WordDocuments.BodyText(docx);
        Assert.Contains(SampleLetters.HiddenVictims.Recommendations[0].Text, text);
        var subItems = WordDocuments.ParagraphsInStyle(docx, "SubItem");
        Assert.Contains("e.understand how to advise victims what support is available them;", subItems);
        Assert.Contains("a.easily access information and advice on modern slavery and human trafficking through their force systems;", subItems);
    }

    [TestMethod]
    public void SubItemResponseQuotesOnlyTheSubItem()
    {
        var docx = Docx(SampleLetters.SubItemResponses);

        var recommendations = WordDocuments.ParagraphsInStyle(docx, "Recommendation");
        Assert.AreEqual("understand how to advise victims what support is available them;", recommendations[0]);
        Assert.IsEmpty(WordDocuments.ParagraphsInStyle(docx, "SubItem"));
    }

    [TestMethod]
    public void StatusIsSaidInPlainWords()
    {
        var statuses = WordDocuments.ParagraphsInStyle(Docx(SampleLetters.SubItemResponses), "Status");

        Expect.Sequence(statuses, "Status: Action taken", "Status: Action taken", "Status: No action will be taken: The helpline is funded nationally.", "Status: Action proposed");
    }

    [TestMethod]
    public void AssuranceQuotedInFullIsAQuoteWithAttribution()
    {
        var docx = Docx(SampleLetters.EveryAssurancePresentation);

        Assert.Contains("The force's full assurance on recommendation 2.", WordDocuments.ParagraphsInStyle(docx, "Quote"));
        Assert.Contains("Assurance supplied by Det Chief Supt Eamonn Bridger, Essex Police, received 16 June 2021", WordDocuments.ParagraphsInStyle(docx, "Attribution"));
    }

    [TestMethod]
    public void SummarisedAndAnnexOnlyAssurancesGoInFullToTheAnnex()
    {
        var docx = Docx(SampleLetters.EveryAssurancePresentation);
        var text = WordDocuments.BodyText(docx);

        var annex = text.ToList().IndexOf("Annex: Force assurance");
        Assert.IsGreaterThan(0, annex, "the annex is there");
        var body = text.Take(annex).ToList();
        Assert.Contains("The force has a dedicated team.", body);
        Assert.DoesNotContain("The force's full assurance on recommendation 3.", body);
        Assert.IsTrue(body.Any(p => p.StartsWith("The force's assurance, supplied by", StringComparison.Ordinal) && p.EndsWith("annex.", StringComparison.Ordinal)));
        Expect.Sequence(
            text.Skip(annex + 1),
            "Recommendation 3",
            "The force's full assurance on recommendation 3.",
            "Assurance supplied by Det Chief Supt Eamonn Bridger, Essex Police, received 16 June 2021. Source file: MSHT briefing note June 2021.docx",
            "Recommendation 4",
            "The force's full assurance on recommendation 4.",
            "Assurance supplied by Det Chief Supt Eamonn Bridger, Essex Police, received 16 June 2021. Source file: MSHT briefing note June 2021.docx");
    }

    [TestMethod]
    public void AppendixReproducesRecommendationsAsTheReportWordsThem()
    {
        var docx = Docx(SampleLetters.Full);
        var text = WordDocuments.BodyText(docx).ToList();

        var appendix = text.IndexOf("Appendix A - Recommendations");
        var reproduced = text.Skip(appendix).ToList();
        Assert.Contains("Recommendation 2: To chief constables", reproduced);
        Assert.Contains("Recommendation 4: To chief constables, and police and crime commissioners", reproduced);
        var six = reproduced.IndexOf("Recommendation 6: Monitoring of recommendations");
        Assert.IsGreaterThan(0, six);
        Assert.StartsWith("a.Home Office to provide a report", reproduced[six + 1]);
        Assert.StartsWith("c.Association of Police and Crime Commissioners", reproduced[six + 3]);
        Assert.IsTrue(WordDocuments.Read(docx, d => d.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>()
            .Single(p => p.InnerText == "Appendix A - Recommendations").ParagraphProperties!.PageBreakBefore is not null), "the appendix starts a new page");
    }

    [TestMethod]
    public void IncompleteLetterIsMarkedDraftOnEveryPage()
    {
        var assembled = Assembled(SampleLetters.Incomplete);

        Assert.IsNotEmpty(assembled.Gaps);
        var marks = WordDocuments.Read(assembled.Docx, d =>
        {
            var section = d.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!;
            return section.Elements<HeaderReference>()
                .Select(r => ((HeaderPart)d.MainDocumentPart.GetPartById(r.Id!)).Header!.InnerText)
                .ToList();
        });
        Assert.HasCount(2, marks, "first page and following pages");
        Assert.IsTrue(marks.All(m => m.Contains(DraftMarking.Text(assembled.Gaps.Count), StringComparison.Ordinal)), string.Join(" | ", marks));
    }

    [TestMethod]
    public void DraftMarkingIsTaggedForTheAddIn()
    {
        var docx = Docx(SampleLetters.Incomplete);

        var tags = WordDocuments.Read(docx, d => d.MainDocumentPart!.HeaderParts
            .SelectMany(h => h.Header!.Descendants<SdtRun>())
            .Select(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value)
            .ToList());

        Assert.AreEqual(2, tags.Count(t => t == DraftMarking.Tag));
    }

    [TestMethod]
    public void CompleteLetterIsNotMarkedDraft()
    {
        var assembled = Assembled(SampleLetters.Full);

        Assert.IsEmpty(assembled.Gaps, string.Join("\n", assembled.Gaps));
        var headers = WordDocuments.Read(assembled.Docx, d => string.Concat(d.MainDocumentPart!.HeaderParts.Select(h => h.Header!.InnerText)));
        Assert.DoesNotContain("Draft", headers);
    }

    [TestMethod]
    public void DocumentPropertiesCarryTheLetter()
    {
        var docx = Docx(SampleLetters.Full);

        WordDocuments.Read(docx, d =>
        {
            Assert.AreEqual(SampleLetters.Full.Subject, d.PackageProperties.Title);
            Assert.AreEqual(SampleLetters.HiddenVictims.Title, d.PackageProperties.Subject);
            Assert.AreEqual(SampleLetters.Essex.Name, d.PackageProperties.Creator);
            return 0;
        });
    }

    [TestMethod]
    public void CustomXmlPartIdentifiesTheDraft()
    {
        var docx = Docx(SampleLetters.Full);

        var identity = WordDocuments.Read(docx, DraftIdentityPart.Read);
        var reportTitle = WordDocuments.Read(docx, d =>
        {
            var part = d.MainDocumentPart!.CustomXmlParts.Single();
            using var stream = part.GetStream();
            return System.Xml.Linq.XElement.Load(stream).Element((System.Xml.Linq.XNamespace)DraftIdentityPart.Namespace + DraftIdentityPart.ReportTitle)!.Value;
        });

        Assert.AreEqual(new DocumentIdentity("d-7f3a", "3"), identity);
        Assert.AreEqual(SampleLetters.HiddenVictims.Title, reportTitle);
    }

    [TestMethod]
    public void DraftWithoutIdentityStillGetsAnEmptyIdentityPart()
    {
        Assert.AreEqual(DocumentIdentity.None, WordDocuments.Read(Docx(SampleLetters.Minimal), DraftIdentityPart.Read));
    }

    [TestMethod]
    public void ReassemblyReplacesTheIdentityPart()
    {
        var first = Docx(SampleLetters.Full);
        var templateWithIdentity = WordDocuments.Edit(LetterTemplate.Default.Docx, d =>
        {
            var old = d.MainDocumentPart!.AddCustomXmlPart(CustomXmlPartType.CustomXml);
            using var source = WordDocuments.Read(first, r => new MemoryStream(ReadAll(r.MainDocumentPart!.CustomXmlParts.Single())));
            old.FeedData(source);
        });
        var template = LetterTemplate.Load(templateWithIdentity).Template!;

        var docx = Assembled(SampleLetters.Minimal, template).Docx;

        Assert.AreEqual(1, WordDocuments.Read(docx, d => d.MainDocumentPart!.CustomXmlParts.Count()));
        Assert.AreEqual(DocumentIdentity.None, WordDocuments.Read(docx, DraftIdentityPart.Read));
    }

    [TestMethod]
    public void DatesAreInUkLongForm()
    {
        var text = WordDocuments.BodyText(Docx(SampleLetters.Full));

        Assert.Contains("19 July 2021", text);
        Assert.Contains("Signed on 19 July 2021", text);
    }

    [TestMethod]
    public void OrdinalDateStyleIsHonoured()
    {
        var text = WordDocuments.BodyText(Docx(SampleLetters.Full with { Date = new DateOnly(2017, 12, 22), DateStyle = DateStyle.Ordinal }));

        Assert.Contains("22nd December 2017", text);
    }

    [TestMethod]
    public void LogoAndSignatureAreInlinePicturesWithAltTextAndUniqueIds()
    {
        var docx = Docx(SampleLetters.Full);

        var pictures = WordDocuments.Read(docx, d => d.MainDocumentPart!.Document!.Body!.Descendants<Wp.Inline>()
            .Select(i => (i.DocProperties!.Id!.Value, i.DocProperties.Description!.Value, i.Extent!.Cx!.Value, i.Extent.Cy!.Value))
            .ToList());
        Assert.HasCount(2, pictures);
        Assert.AreEqual(2, pictures.Select(p => p.Item1).Distinct().Count());
        Assert.AreEqual(TestImages.Logo.AltText, pictures[0].Item2);
        Assert.AreEqual(TestImages.Signature.AltText, pictures[1].Item2);
        Assert.AreEqual(6 * 360000L, pictures[0].Item3, "360 px at 96 dpi is 9.5 cm, capped to 6 cm");
        Assert.AreEqual(3, pictures[0].Item3 / pictures[0].Item4, "the aspect ratio is kept");
        Assert.AreEqual(2, WordDocuments.Read(docx, d => d.MainDocumentPart!.ImageParts.Count()));
    }

    [TestMethod]
    public void RichTextBecomesRealWordStructure()
    {
        var docx = Docx(SampleLetters.Full);

        WordDocuments.Read(docx, d =>
        {
            var body = d.MainDocumentPart!.Document!.Body!;
            Assert.IsNotEmpty(body.Descendants<Hyperlink>().ToList(), "links");
            Assert.IsNotEmpty(body.Descendants<FootnoteReference>().ToList(), "footnotes");
            Assert.IsNotEmpty(body.Descendants<NumberingProperties>().ToList(), "bullets");
            return 0;
        });
    }

    [TestMethod]
    public void RestyledTemplateStillAssembles()
    {
        var template = LetterTemplate.Load(TemplateEdits.Restyled(LetterTemplate.Default.Docx)).Template!;

        var docx = Assembled(SampleLetters.Full, template).Docx;

        var text = WordDocuments.BodyText(docx);
        Assert.Contains("PRIVATE AND CONFIDENTIAL", text);
        Assert.Contains(SampleLetters.Full.Salutation, text);
        Assert.AreEqual(1701, WordDocuments.Read(docx, d => (int)d.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<PageMargin>()!.Left!.Value));
    }

    [TestMethod]
    public void LetterheadMovedIntoTheHeaderIsFilledThere()
    {
        var moved = WordDocuments.Edit(LetterTemplate.Default.Docx, d =>
        {
            var name = WordDocuments.Control(d, "opcc.name").Ancestors<Paragraph>().First();
            var logo = WordDocuments.Control(d, "letterhead.logo");
            name.Remove();
            logo.Remove();
            var first = d.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!.Elements<HeaderReference>().Single(r => r.Type!.Value == HeaderFooterValues.First);
            var header = ((HeaderPart)d.MainDocumentPart.GetPartById(first.Id!)).Header!;
            header.Append(logo, name);
        });
        var template = LetterTemplate.Load(moved).Template!;

        var docx = Assembled(SampleLetters.Full, template).Docx;

        var header = WordDocuments.Read(docx, d => d.MainDocumentPart!.HeaderParts.Single(h => h.ImageParts.Any()).Header!.InnerText);
        Assert.Contains(SampleLetters.Essex.Name, header);
    }

    [TestMethod]
    public void OptionalFieldAloneInATableCellLeavesAnEmptyParagraph()
    {
        var tabled = WordDocuments.Edit(LetterTemplate.Default.Docx, d =>
        {
            var strapline = WordDocuments.Control(d, "letterhead.strapline").Ancestors<Paragraph>().First();
            var table = new Table(
                new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }),
                new TableGrid(new GridColumn { Width = "9638" }),
                new TableRow(new TableCell(new TableCellProperties(new TableCellWidth { Width = "9638", Type = TableWidthUnitValues.Dxa }))));
            strapline.InsertBeforeSelf(table);
            strapline.Remove();
            table.GetFirstChild<TableRow>()!.GetFirstChild<TableCell>()!.Append(strapline);
        });
        var template = LetterTemplate.Load(tabled).Template!;

        var docx = Assembled(SampleLetters.Minimal, template).Docx;

        Assert.AreEqual(1, WordDocuments.Read(docx, d => d.MainDocumentPart!.Document!.Body!.Descendants<TableCell>().Single().Elements<Paragraph>().Count()));
    }

    [TestMethod]
    public void PicturesInsideRepeatedItemsGetIdsOfTheirOwn()
    {
        var illustrated = WordDocuments.Edit(LetterTemplate.Default.Docx, d =>
        {
            var image = d.MainDocumentPart!.AddImagePart(ImagePartType.Png);
            image.FeedData(new MemoryStream(TestImages.Logo.Data));
            var drawing = InlinePicture(d.MainDocumentPart!.GetIdOfPart(image), 101);
            WordDocuments.Control(d, "response.heading").Ancestors<Paragraph>().First().AppendChild(new Run(drawing));
        });
        var template = LetterTemplate.Load(illustrated).Template!;

        var docx = Assembled(SampleLetters.SubItemResponses, template).Docx;

        var ids = WordDocuments.Read(docx, d => d.MainDocumentPart!.Document!.Descendants<Wp.DocProperties>().Select(p => p.Id!.Value).ToList());
        Assert.HasCount(4, ids);
        Assert.AreEqual(4, ids.Distinct().Count());
    }

    [TestMethod]
    public void LargeLettersAssembleEveryResponse()
    {
        var docx = Docx(SyntheticLetters.WithRecommendations(500));

        Assert.HasCount(500, WordDocuments.ParagraphsInStyle(docx, "Status"));
    }

    [TestMethod]
    public void UnwrappedLetterKeepsItsTextWithoutContentControls()
    {
        var docx = Docx(SampleLetters.Full);

        var unwrapped = ContentControls.Unwrapped(docx);

        WordDocuments.AssertValid(unwrapped);
        Assert.IsEmpty(WordDocuments.Tags(unwrapped));
        Expect.Sequence(WordDocuments.BodyText(unwrapped), [.. WordDocuments.BodyText(docx)]);
    }

    private static Drawing InlinePicture(string relationshipId, uint id) =>
        new(new Wp.Inline(
            new Wp.Extent { Cx = 360000, Cy = 360000 },
            new Wp.DocProperties { Id = id, Name = $"Picture {id}" },
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 0, Name = $"Picture {id}" }, new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 360000, Cy = 360000 }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" })));

    private static byte[] ReadAll(OpenXmlPart part)
    {
        using var stream = part.GetStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
