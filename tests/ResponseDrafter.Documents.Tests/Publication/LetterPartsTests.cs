using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;

namespace ResponseDrafter.Documents.Tests.Publication;

/// <summary>The copy list's own label, appendices printed only with content, and the letter-level parts that will be empty.</summary>
[TestClass]
public sealed class LetterPartsTests
{
    private static readonly Letter Copied = SampleLetters.Minimal with { Cc = ["Chief Constable, Suffolk Constabulary"] };

    /// <summary>A title and nothing else: what a new draft used to start with when there was nothing to reproduce.</summary>
    private static readonly Appendix TitleOnly = new() { Title = "Appendix A - Recommendations" };

    private static byte[] Docx(Letter letter, LetterTemplate? template = null, LetterForm form = LetterForm.Final)
    {
        var result = LetterAssembler.Assemble(letter, template ?? LetterTemplate.Default, form);
        Assert.IsEmpty(result.Problems, string.Join("\n", result.Problems));
        WordDocuments.AssertValid(result.Letter!.Docx);
        return result.Letter.Docx;
    }

    [TestMethod]
    public void TheCopyListPrintsTheLabelTheLetterGives()
    {
        var body = WordDocuments.BodyText(Docx(Copied with { CopyListLabel = "Copied to:" }));

        var label = body.ToList().IndexOf("Copied to:");
        Assert.IsGreaterThanOrEqualTo(0, label, string.Join("\n", body));
        Assert.AreEqual("Chief Constable, Suffolk Constabulary", body[label + 1]);
        Assert.DoesNotContain("cc:", body);
    }

    [TestMethod]
    public void ALetterThatGivesNoLabelPrintsCc()
    {
        var body = WordDocuments.BodyText(Docx(Copied));

        Assert.Contains("cc:", body);
    }

    [TestMethod]
    public void TheCopyListLabelGoesWithTheCopyList()
    {
        var body = WordDocuments.BodyText(Docx(SampleLetters.Minimal with { CopyListLabel = "Copied to:" }));

        Assert.DoesNotContain("Copied to:", body);
    }

    [TestMethod]
    public void ATemplateThatKeepsItsOwnWordsForTheCopyListStillPrintsThem()
    {
        var edited = WordDocuments.Edit(LetterTemplate.Default.Docx, document =>
        {
            var label = WordDocuments.Control(document, "cc.label");
            label.InsertAfterSelf(new Run(new Text("Copy to:")));
            label.Remove();
        });

        var loaded = LetterTemplate.Load(edited);

        Assert.IsEmpty(loaded.Problems, string.Join("\n", loaded.Problems));
        var body = WordDocuments.BodyText(Docx(Copied with { CopyListLabel = "Copied to:" }, loaded.Template));
        Assert.Contains("Copy to:", body);
        Assert.DoesNotContain("Copied to:", body);
    }

    [TestMethod]
    public void TheCopyListLabelIsATaggedControlInTheDocumentForWord()
    {
        var docx = Docx(Copied with { CopyListLabel = "Copied to:" }, form: LetterForm.Editing);

        var label = LetterDocument.Read(docx).Document!.Find("cc/cc.label");

        Assert.IsNotNull(label);
        Assert.AreEqual("Copied to:", label.Text.Trim());
    }

    [TestMethod]
    public void ChangingTheLabelPatchesTheCopyListInWord()
    {
        var inWord = Docx(Copied, form: LetterForm.Editing);

        var patched = LetterPatch.Apply(inWord, Docx(Copied with { CopyListLabel = "Copied to:" }, form: LetterForm.Editing), inWord);

        WordDocuments.AssertValid(patched.Docx, "the patched document");
        Assert.Contains("cc", patched.Changed);
        var body = WordDocuments.BodyText(patched.Docx);
        Assert.Contains("Copied to:", body);
        Assert.DoesNotContain("cc:", body);
    }

    [TestMethod]
    public void AnAppendixWithNoBodyAndNoRecommendationsIsNotPrinted()
    {
        var letter = SampleLetters.Minimal with
        {
            Appendices = [TitleOnly, new Appendix { Title = "Appendix B - Glossary", Body = "MSHT: modern slavery and human trafficking." }],
        };

        var body = WordDocuments.BodyText(Docx(letter));

        Assert.DoesNotContain("Appendix A - Recommendations", body);
        Assert.Contains("Appendix B - Glossary", body);
        Assert.Contains("MSHT: modern slavery and human trafficking.", body);
    }

    [TestMethod]
    public void TheDocumentInWordShowsNoEmptyAppendixHeading()
    {
        var docx = Docx(SampleLetters.Minimal with { Appendices = [TitleOnly] }, form: LetterForm.Editing);

        Assert.DoesNotContain("Appendix A - Recommendations", WordDocuments.BodyText(docx));
        Assert.DoesNotContain("appendix.title", WordDocuments.Tags(docx));
    }

    [TestMethod]
    public void AnAppendixThatReproducesARecommendationIsPrinted()
    {
        var body = WordDocuments.BodyText(Docx(SampleLetters.Minimal with { Appendices = [TitleOnly with { Recommendations = ["3"] }] }));

        Assert.Contains("Appendix A - Recommendations", body);
    }

    [TestMethod]
    public void EmptyingAnAppendixTakesItsHeadingOutOfTheDocumentInWord()
    {
        var reproducing = SampleLetters.Minimal with { Appendices = [TitleOnly with { Recommendations = ["3"] }] };
        var inWord = Docx(reproducing, form: LetterForm.Editing);

        var patched = LetterPatch.Apply(inWord, Docx(reproducing with { Appendices = [TitleOnly] }, form: LetterForm.Editing), inWord);

        WordDocuments.AssertValid(patched.Docx, "the patched document");
        Assert.DoesNotContain("Appendix A - Recommendations", WordDocuments.BodyText(patched.Docx));
    }

    [TestMethod]
    public void EmptyPartsListsTheParagraphsAndAppendicesThatWillBeLeftOut()
    {
        var letter = SampleLetters.Minimal with { Appendices = [TitleOnly] };

        var parts = EmptyParts.Of(letter);

        Assert.AreEqual("opening, context, accountability, publication, appendices[0]", string.Join(", ", parts.Select(p => p.Part)));
        Assert.IsTrue(parts.All(p => p.Outcome == EmptyOutcome.LeftOut));
        Assert.AreEqual("The opening (acknowledging the report) is empty: it will be left out of the letter", parts[0].Message);
        Assert.AreEqual("\"Appendix A - Recommendations\" has no text and no recommendations: it will be left out of the letter", parts[^1].Message);
    }

    [TestMethod]
    public void AFullLetterHasNoEmptyParts()
    {
        Assert.IsEmpty(EmptyParts.Of(SampleLetters.Full));
    }

    [TestMethod]
    public void ACopyListWithoutALabelWillPrintItsNamesAlone()
    {
        var part = EmptyParts.Of(SampleLetters.Full with { CopyListLabel = " " }).Single();

        Assert.AreEqual(("copyListLabel", EmptyOutcome.PrintsEmpty), (part.Part, part.Outcome));
        var body = WordDocuments.BodyText(Docx(SampleLetters.Full with { CopyListLabel = " " }));
        Assert.Contains("Ben-Julian Harrington, Chief Constable, Essex Police", body);
        Assert.DoesNotContain("cc:", body);
    }
}
