using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;
using static ResponseDrafter.Documents.Tests.Drafting.DraftingFixtures;

namespace ResponseDrafter.Documents.Tests.Drafting;

[TestClass]
public sealed partial class LetterPatchTests
{
    private const string Document = "word/document.xml";
    private const string TypedNote = "Note typed in Word by the drafter, outside every region.";

    private static readonly string NewCommentary = """
        The force has now:

        - appointed a victim navigator; and
        - published [its plan](https://example.org/plan).[^1]

        [^1]: The plan was agreed in June.
        """;

    private static PatchResult Patched(byte[] current, byte[] rendered, byte[]? previous)
    {
        var result = LetterPatch.Apply(current, rendered, previous);
        WordDocuments.AssertValid(result.Docx, "the patched draft");
        return result;
    }

    private static Letter WithResponse(Letter letter, string reference, Func<RecommendationResponse, RecommendationResponse> change) =>
        letter with { Responses = [.. letter.Responses.Select(r => r.Ref == reference ? change(r) : r)] };

    /// <summary>The region at the end of the path of names ("responses", "response:2", ...) in the part's text.</summary>
    private static RegionSpan Region(string xml, params string[] path)
    {
        IReadOnlyList<RegionSpan> level = PartRegions.Locate(xml);
        RegionSpan? found = null;
        foreach (var name in path)
        {
            found = level.Single(r => r.Name == name);
            level = found.Children;
        }

        return found!;
    }

    private static string Content(string xml, RegionSpan region) => xml[region.ContentStart..region.ContentEnd];

    private static SdtElement Commentary(WordprocessingDocument document, string response) =>
        WordDocuments.Control(document, response).Descendants<SdtElement>().Single(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value == "response.commentary");

    /// <summary>What the record's markup cannot hold: the paragraph in another style, its words underlined in red.</summary>
    private static void UnderlineInRed(WordprocessingDocument document, string response)
    {
        foreach (var paragraph in Commentary(document, response).Descendants<Paragraph>())
        {
            (paragraph.ParagraphProperties ??= new ParagraphProperties()).ParagraphStyleId = new ParagraphStyleId { Val = "Quote" };
            foreach (var run in paragraph.Descendants<Run>())
            {
                var properties = run.RunProperties ??= new RunProperties();
                properties.Underline = new Underline { Val = UnderlineValues.Single };
                properties.Color = new Color { Val = "C00000" };
            }
        }
    }

    /// <summary>What Word does when someone retypes a word: the run split, revision ids, a proofing mark and a bookmark.</summary>
    private static void RetypeAssuredAsSatisfied(WordprocessingDocument document)
    {
        var commentary = WordDocuments.Control(document, "response:2").Descendants<SdtElement>()
            .Single(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value == "response.commentary");
        var paragraph = commentary.Descendants<Paragraph>().Single();
        paragraph.RsidParagraphAddition = "00A1B2C3";
        paragraph.RsidRunAdditionDefault = "00A1B2C3";
        foreach (var run in paragraph.Elements<Run>().ToList())
        {
            run.Remove();
        }

        paragraph.Append(
            new Run(new Text("I am ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
            new ProofError { Type = ProofingErrorValues.SpellStart },
            new BookmarkStart { Id = "0", Name = "_GoBack" },
            new Run(new Text("satisfied")) { RsidRunAddition = "00D4E5F6" },
            new BookmarkEnd { Id = "0" },
            new ProofError { Type = ProofingErrorValues.SpellEnd },
            new Run(new LastRenderedPageBreak(), new Text(" that officers and staff are supported.") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
    }

    [TestMethod]
    public void AParagraphTypedOutsideEveryRegionSurvivesReassemblyByteForByte()
    {
        var edited = WordDocuments.Edit(Draft(SampleLetters.Full), document =>
        {
            var salutation = WordDocuments.Control(document, "salutation").Ancestors<Paragraph>().First();
            salutation.InsertAfterSelf(new Paragraph(new Run(new Text(TypedNote))) { RsidParagraphAddition = "00C0FFEE" });
            RetypeAssuredAsSatisfied(document);
        });

        // The add-in keeps the record in step with what is typed in a region, so response 2's record has the new word.
        var record = WithResponse(SampleLetters.Full, "2", r => r with { Commentary = "I am satisfied that officers and staff are supported." });
        record = WithResponse(record, "4", r => r with { Commentary = NewCommentary });
        var previous = Draft(WithResponse(SampleLetters.Full, "2", r => r with { Commentary = "I am satisfied that officers and staff are supported." }));
        var result = Patched(edited, Draft(record), previous);

        Expect.Sequence(result.Changed, "responses/response:4/response.commentary");
        Assert.IsEmpty(result.Missing);
        var before = Text(edited, Document);
        var after = Text(result.Docx, Document);
        var changedBefore = Region(before, "responses", "response:4", "response.commentary");
        SameOutside(before, after, (changedBefore.ContentStart, changedBefore.ContentEnd));
        var note = before[before.LastIndexOf("<w:p ", before.IndexOf(TypedNote, StringComparison.Ordinal), StringComparison.Ordinal)..(before.IndexOf(TypedNote, StringComparison.Ordinal) + TypedNote.Length)];
        Assert.Contains(note, after, "the typed paragraph is byte-identical");
        Assert.AreEqual(
            Content(before, Region(before, "responses", "response:2", "response.commentary")),
            Content(after, Region(after, "responses", "response:2", "response.commentary")),
            "response 2 keeps Word's own XML for the retyped word");

        var commentary = WordDocuments.Read(result.Docx, d =>
        {
            var control = WordDocuments.Control(d, "response:4").Descendants<SdtElement>().Single(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value == "response.commentary");
            var link = control.Descendants<Hyperlink>().Single();
            var footnote = d.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<Footnote>().Single(f => f.Id?.Value == control.Descendants<FootnoteReference>().Single().Id!.Value);
            var numbered = control.Descendants<NumberingId>().Select(n => n.Val!.Value).Distinct().Single();
            var listed = d.MainDocumentPart.NumberingDefinitionsPart!.Numbering!.Elements<NumberingInstance>().Any(n => n.NumberID!.Value == numbered);
            return (Text: control.InnerText, Link: d.MainDocumentPart.HyperlinkRelationships.Single(h => h.Id == link.Id!.Value).Uri.OriginalString, Note: footnote.InnerText, Listed: listed);
        });
        Assert.Contains("appointed a victim navigator", commentary.Text);
        Assert.AreEqual("https://example.org/plan", commentary.Link);
        Assert.Contains("The plan was agreed in June.", commentary.Note);
        Assert.IsTrue(commentary.Listed, "the bullets' list is defined in the numbering part");
        var expected = new[] { Document, "word/_rels/document.xml.rels", "word/footnotes.xml", "word/numbering.xml" };
        Assert.IsEmpty(Differing(edited, result.Docx).Except(expected).ToList(), "only the parts that needed additions change");
    }

    [TestMethod]
    public void ListsInANewAssuranceAreDefinedInADocumentFromTheBuiltInTemplate()
    {
        // The built-in template's numbering part is an empty, self-closed root until a list is written.
        var current = Draft(SampleLetters.EveryAssurancePresentation);
        var record = WithResponse(SampleLetters.EveryAssurancePresentation, "2", r => r with
        {
            Assurance = r.Assurance! with { Text = "The force will:\n\n1. train staff\n2. audit cases\n\n- and report" },
        });

        var result = Patched(current, Draft(record), current);

        Assert.IsTrue(result.Changed.Any(c => c.StartsWith("responses/response:2/", StringComparison.Ordinal)), string.Join("; ", result.Changed));
        var lists = WordDocuments.Read(result.Docx, d =>
        {
            var used = WordDocuments.Control(d, "response:2").Descendants<NumberingId>().Select(n => n.Val!.Value).Distinct().ToList();
            var defined = d.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!.Elements<NumberingInstance>().Select(n => n.NumberID!.Value).ToHashSet();
            return (Used: used, Defined: defined);
        });
        Assert.HasCount(2, lists.Used, "a numbered list and a bulleted one");
        Assert.IsTrue(lists.Used.All(lists.Defined.Contains), "each list the assurance uses is defined in the numbering part");
    }

    [TestMethod]
    public void ChoosingADifferentRecommendationAddsItsResponseInPlaceAndRemovesTheOneDropped()
    {
        var current = Draft(SampleLetters.Full with { Responses = [.. SampleLetters.Full.Responses.Where(r => r.Ref != "4")] });
        var rendered = Draft(SampleLetters.Full with { Responses = [.. SampleLetters.Full.Responses.Where(r => r.Ref != "3")] });

        var result = Patched(current, rendered, current);

        Assert.Contains("responses", result.Changed);
        var after = Text(result.Docx, Document);
        var before = Text(current, Document);
        Expect.Sequence(Region(after, "responses").Children.Select(c => c.Name), "response:2", "response:4", "response:6c");
        foreach (var kept in new[] { "response:2", "response:6c" })
        {
            var was = Region(before, "responses", kept);
            var now = Region(after, "responses", kept);
            Assert.AreEqual(before[was.Start..was.End], after[now.Start..now.End], $"{kept} is untouched");
        }

        var fresh = Text(rendered, Document);
        var added = Region(fresh, "responses", "response:4");
        var inserted = Region(after, "responses", "response:4");
        Assert.AreEqual(
            ListNumber().Replace(fresh[added.Start..added.End], "list"),
            ListNumber().Replace(after[inserted.Start..inserted.End], "list"),
            "the new response is the rendered one, its list numbered afresh in this document");
        Assert.IsFalse(WordDocuments.Tags(result.Docx).Contains("assurance:3"), "the annexed assurance of the dropped response goes with it");
    }

    [TestMethod]
    public void AnUnchangedRecordChangesNothing()
    {
        var current = Draft(SampleLetters.Full);

        var result = Patched(current, Draft(SampleLetters.Full), current);

        Assert.IsEmpty(result.Changed);
        Assert.IsEmpty(result.Missing);
        CollectionAssert.AreEqual(current, result.Docx);
    }

    [TestMethod]
    public void WordsBookkeepingIsNotAChange()
    {
        var edited = WordDocuments.Edit(Draft(SampleLetters.Full), RetypeAssuredAsSatisfied);
        var record = WithResponse(SampleLetters.Full, "2", r => r with { Commentary = "I am satisfied that officers and staff are supported." });

        // The record changed the words as they were typed; without a baseline the words are compared with the document's.
        foreach (var previous in new[] { Draft(SampleLetters.Full), null })
        {
            var result = Patched(edited, Draft(record), previous);

            Assert.IsEmpty(result.Changed);
            CollectionAssert.AreEqual(edited, result.Docx);
        }
    }

    [TestMethod]
    public void WithoutABaselineAnEditedRegionIsPatchedWhenTheRecordSaysOtherwise()
    {
        var edited = WordDocuments.Edit(Draft(SampleLetters.Full), RetypeAssuredAsSatisfied);

        var result = Patched(edited, Draft(SampleLetters.Full), previous: null);

        Expect.Sequence(result.Changed, "responses/response:2/response.commentary");
        Assert.Contains("I am assured that officers and staff are supported.", WordDocuments.BodyText(result.Docx));
    }

    [TestMethod]
    public void AnEditInWordTheRecordCannotHoldSurvivesAPatchOfAnotherRegion()
    {
        var previous = Draft(SampleLetters.Full);
        var edited = WordDocuments.Edit(previous, d => UnderlineInRed(d, "response:2"));
        var rendered = Draft(WithResponse(SampleLetters.Full, "4", r => r with { Commentary = "I have asked the force for a further update." }));

        var result = Patched(edited, rendered, previous);

        Expect.Sequence(result.Changed, "responses/response:4/response.commentary");
        var before = Text(edited, Document);
        var after = Text(result.Docx, Document);
        var changed = Region(before, "responses", "response:4", "response.commentary");
        SameOutside(before, after, (changed.ContentStart, changed.ContentEnd));
        Assert.AreEqual(
            Content(before, Region(before, "responses", "response:2", "response.commentary")),
            Content(after, Region(after, "responses", "response:2", "response.commentary")),
            "the underlined commentary is byte-identical");
        Assert.Contains("responses/response:2/response.commentary", LetterPatch.Apply(edited, rendered, previous: null).Changed, "without the baseline it would have been lost");
    }

    [TestMethod]
    public void LinksFootnotesAndListsRenumberedByAnEarlierChangeAreNotChanges()
    {
        var letter = WithResponse(SampleLetters.Full, "4", r => r with { Commentary = NewCommentary });
        var previous = Draft(letter);
        var rendered = Draft(WithResponse(letter, "2", r => r with { Commentary = NewCommentary }));

        var result = Patched(previous, rendered, previous);

        Expect.Sequence(result.Changed, "responses/response:2/response.commentary");
        var before = Text(previous, Document);
        var after = Text(result.Docx, Document);
        var changed = Region(before, "responses", "response:2", "response.commentary");
        SameOutside(before, after, (changed.ContentStart, changed.ContentEnd));
    }

    [TestMethod]
    public void ARegionTheRecordChangedIsPatchedEvenIfEditedInWord()
    {
        var previous = Draft(SampleLetters.Full);
        var edited = WordDocuments.Edit(previous, d => UnderlineInRed(d, "response:2"));
        var rendered = Draft(WithResponse(SampleLetters.Full, "2", r => r with { Commentary = "I am not yet assured that officers and staff are supported." }));

        var result = Patched(edited, rendered, previous);

        Expect.Sequence(result.Changed, "responses/response:2/response.commentary");
        var commentary = WordDocuments.Read(result.Docx, d => (Commentary(d, "response:2").InnerText, Underlined: Commentary(d, "response:2").Descendants<Underline>().Any()));
        Assert.AreEqual("I am not yet assured that officers and staff are supported.", commentary.InnerText);
        Assert.IsFalse(commentary.Underlined, "the record's words come with the record's formatting");
    }

    [TestMethod]
    public void ARegionTheDrafterDeletedIsReportedAndNotRecreated()
    {
        var edited = WordDocuments.Edit(Draft(SampleLetters.Full), d => WordDocuments.Control(d, "publication").Remove());

        var result = Patched(edited, Draft(SampleLetters.Full with { Publication = "Published on the website." }), Draft(SampleLetters.Full));

        Expect.Sequence(result.Missing, "publication");
        Assert.IsEmpty(result.Changed);
        Assert.DoesNotContain("publication", WordDocuments.Tags(result.Docx));
    }

    [TestMethod]
    public void TheDraftMarkingGoesWhenTheLetterIsCompleteAndReturnsWhenItIsNot()
    {
        var incomplete = SampleLetters.Full with { Responses = [.. SampleLetters.Full.Responses.Select(r => r.Ref == "3" ? r with { Status = null } : r)] };
        var complete = Draft(SampleLetters.Full);

        var marked = Patched(complete, Draft(incomplete), complete);
        var unmarked = Patched(marked.Docx, complete, Draft(incomplete));

        Assert.Contains("header:draft", marked.Changed);
        Assert.Contains("header:draft", unmarked.Changed);
        foreach (var header in Entries(complete).Keys.Where(k => k.StartsWith("word/header", StringComparison.Ordinal)))
        {
            var plain = Text(complete, header);
            var withMarking = Text(marked.Docx, header);
            Assert.Contains("<w:tag w:val=\"draft\"", withMarking, header);
            var top = withMarking.IndexOf("<w:p>", StringComparison.Ordinal);
            Assert.Contains("w:val=\"draft\"", withMarking[top..withMarking.IndexOf("</w:p>", top, StringComparison.Ordinal)], "the marking is the first paragraph");
            Assert.AreEqual(plain, Text(unmarked.Docx, header), "removing the marking restores the header exactly");
        }
    }

    [TestMethod]
    public void ALetterheadChangeInAHeaderIsPatchedThere()
    {
        var template = LetterTemplate.Load(WordDocuments.Edit(LetterTemplate.Default.Docx, d =>
        {
            var name = WordDocuments.Control(d, "opcc.name").Ancestors<Paragraph>().First();
            var logo = WordDocuments.Control(d, "letterhead.logo");
            name.Remove();
            logo.Remove();
            var first = d.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!.Elements<HeaderReference>().Single(r => r.Type!.Value == HeaderFooterValues.First);
            ((HeaderPart)d.MainDocumentPart.GetPartById(first.Id!)).Header!.Append(logo, name);
        })).Template!;
        var newLogo = TestImages.Logo with { Data = TestImages.Png(240, 120, (x, y) => (0x80, 0x10, 0x10)) };
        var renamed = SampleLetters.Full with { Opcc = SampleLetters.Essex with { Name = "Office of the Essex Commissioner", Logo = newLogo } };

        var current = Draft(SampleLetters.Full, template);
        var result = Patched(current, Draft(renamed, template), current);

        Expect.SameItems(result.Changed, "header:letterhead.logo", "header:opcc.name");
        var (text, image) = WordDocuments.Read(result.Docx, d =>
        {
            var header = d.MainDocumentPart!.HeaderParts.Single(h => h.ImageParts.Any());
            var blip = header.Header!.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Single();
            using var stream = header.GetPartById(blip.Embed!.Value!).GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (header.Header.InnerText, copy.ToArray());
        });
        Assert.Contains("Office of the Essex Commissioner", text);
        CollectionAssert.AreEqual(newLogo.Data, image);
    }

    [GeneratedRegex("<w:numId w:val=\"\\d+\"")]
    private static partial Regex ListNumber();
}
