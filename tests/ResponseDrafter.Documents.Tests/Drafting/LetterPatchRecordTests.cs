using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Tests.Fixtures;
using static ResponseDrafter.Documents.Tests.Drafting.DraftingFixtures;

namespace ResponseDrafter.Documents.Tests.Drafting;

/// <summary>What a patch does with regions the record needs anew, and with controls whose own properties change.</summary>
[TestClass]
public sealed class LetterPatchRecordTests
{
    private static PatchResult Patched(byte[] current, byte[] rendered, byte[] previous)
    {
        var result = LetterPatch.Apply(current, rendered, previous);
        WordDocuments.AssertValid(result.Docx, "the patched draft");
        return result;
    }

    [TestMethod]
    public void ARegionTheRecordNeedsForTheFirstTimeGoesInWhereTheRenderedLetterHasIt()
    {
        // A national report whose items name nobody: nothing is selected when the draft starts, so its letter has no responses.
        var empty = SampleLetters.Minimal with { Responses = [] };
        var chosen = SampleLetters.Minimal;
        var stored = Draft(empty);

        var result = Patched(stored, Draft(chosen), stored);

        CollectionAssert.Contains(result.Changed.ToList(), "responses");
        var regions = LetterDocument.Read(result.Docx).Document!.Regions.Select(r => r.Name).ToList();
        Assert.IsLessThan(regions.IndexOf("accountability"), regions.IndexOf("responses"), string.Join(", ", regions));
        Assert.IsGreaterThan(regions.IndexOf("context"), regions.IndexOf("responses"), string.Join(", ", regions));
        Assert.AreEqual(chosen.Responses.Count, LetterDocument.Read(result.Docx).Document!.Find("responses")!.Children.Count);
    }

    [TestMethod]
    public void ARegionTheDrafterDeletedIsNotPutBack()
    {
        var letter = SampleLetters.Minimal with { Opening = "Thank you for the report." };
        var stored = Draft(letter);
        var edited = WordDocuments.Edit(stored, d => WordDocuments.Control(d, "opening").Remove());

        var result = Patched(edited, Draft(letter with { Opening = "Thank you, again." }), stored);

        CollectionAssert.Contains(result.Missing.ToList(), "opening");
        Assert.IsNull(LetterDocument.Read(result.Docx).Document!.Find("opening"));
    }

    [TestMethod]
    public void TheForcesAssuranceBroughtInLaterIsLockedAndTitledInTheDocument()
    {
        var letter = SampleLetters.EveryAssurancePresentation;
        var without = letter with { Responses = [.. letter.Responses.Select(r => r with { Assurance = null })] };
        var stored = Draft(without);

        var result = Patched(stored, Draft(letter), stored);

        var assurance = LetterDocument.Read(result.Docx).Document!.Find("responses/response:2/response.assurance")!;
        Assert.IsTrue(assurance.Locked);
        StringAssert.StartsWith(assurance.Alias, "Force assurance: supplied by ");
        Assert.IsNotEmpty(assurance.Paragraphs);
    }

    [TestMethod]
    public void AnEmptyControlWordSavedSelfClosedIsFilledValidly()
    {
        var letter = SampleLetters.Minimal with { Opening = null };
        var stored = Draft(letter);
        var saved = WordDocuments.Edit(stored, d => d.MainDocumentPart!.Document!.Save());
        Assert.Contains("<w:sdtContent />", Text(saved, "word/document.xml"));

        var result = Patched(saved, Draft(letter with { Opening = "Thank you for the report." }), stored);

        Assert.AreEqual("Thank you for the report.", LetterDocument.Read(result.Docx).Document!.Find("opening")!.Text);
        Assert.IsTrue(WordDocuments.Read(result.Docx, d => d.MainDocumentPart!.Document!.Descendants<SdtContentBlock>().All(c => c.Parent is SdtBlock)));
    }
}
