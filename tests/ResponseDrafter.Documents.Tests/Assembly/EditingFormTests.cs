using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;

namespace ResponseDrafter.Documents.Tests.Assembly;

/// <summary>A draft's document: items findable by what they answer, force text locked, and a place for every part people write.</summary>
[TestClass]
public sealed class EditingFormTests
{
    private static byte[] Docx(Letter letter, LetterForm form)
    {
        var result = LetterAssembler.Assemble(letter, LetterTemplate.Default, form);
        Assert.IsNotNull(result.Letter, string.Join("\n", result.Problems));
        WordDocuments.AssertValid(result.Letter.Docx);
        return result.Letter.Docx;
    }

    [TestMethod]
    public void EachResponseAnnexEntryAndReproducedRecommendationIsTaggedWithWhatItAnswers()
    {
        var tags = WordDocuments.Tags(Docx(SampleLetters.Full, LetterForm.Final));

        string[] keyed = ["response:2", "response:3", "response:4", "response:6c", "assurance:3", "recommendation:2"];
        Assert.IsEmpty(keyed.Where(k => !tags.Contains(k)).ToList());
        Assert.DoesNotContain("response", tags);
    }

    [TestMethod]
    public void TheForcesAssuranceIsLockedAndTitledWithWhereItCameFrom()
    {
        var docx = Docx(SampleLetters.EveryAssurancePresentation, LetterForm.Final);

        var locked = WordDocuments.Read(docx, d => d.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>()
            .Where(s => s.SdtProperties?.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Lock>()?.Val?.Value == LockingValues.SdtContentLocked)
            .Select(s => (Tag: s.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value, Title: s.SdtProperties.GetFirstChild<SdtAlias>()?.Val?.Value))
            .ToList());

        Assert.AreEqual(3, locked.Count(l => l.Tag == "response.assurance"), "one per response with assurance");
        Assert.AreEqual(2, locked.Count(l => l.Tag == "assurance.text"), "the summarised and annex-only ones in the annex");
        Assert.IsTrue(locked.All(l => l.Title!.StartsWith("Force assurance: supplied by ", StringComparison.Ordinal)), string.Join("\n", locked));
    }

    [TestMethod]
    public void ADraftsDocumentKeepsAnEmptyPlaceForEverythingPeopleWrite()
    {
        var letter = SampleLetters.Incomplete with { Opening = null, Context = null };

        var final = WordDocuments.Tags(Docx(letter, LetterForm.Final));
        var editing = WordDocuments.Tags(Docx(letter, LetterForm.Editing));

        string[] places = ["opening", "context", "response.status", "response.assurance", "signatory.signature", "signatory.date"];
        string[] emptyHere = ["opening", "context", "signatory.signature", "signatory.date"];
        Assert.IsEmpty(emptyHere.Where(final.Contains).ToList(), "a finished letter leaves them out");
        Assert.AreEqual(1, final.Count(t => t == "response.status"), "only the answered response has a status line");
        Assert.IsEmpty(places.Where(p => !editing.Contains(p)).ToList(), "a draft keeps them");
        Assert.AreEqual(letter.Responses.Count, editing.Count(t => t == "response.commentary"));
        Assert.AreEqual(letter.Responses.Count, editing.Count(t => t == "response.status"));
    }

    [TestMethod]
    public void EmptyPlacesPrintNothing()
    {
        var letter = SampleLetters.Incomplete with { Opening = null, Context = null };

        var text = string.Join("\n", WordDocuments.BodyText(Docx(letter, LetterForm.Editing)));

        Assert.DoesNotContain("[", text);
        Assert.DoesNotContain("Opening", text);
    }
}
