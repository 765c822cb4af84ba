using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;

namespace ResponseDrafter.Documents.Tests.Publication;

/// <summary>The letter a real OPCC writes: no citation line when it has none, references printed as a label alone.</summary>
[TestClass]
public sealed class RealLetterTests
{
    private static byte[] Docx(Letter letter, LetterTemplate? template = null)
    {
        var result = LetterAssembler.Assemble(letter, template ?? LetterTemplate.Default);
        Assert.IsEmpty(result.Problems, string.Join("\n", result.Problems));
        WordDocuments.AssertValid(result.Letter!.Docx);
        return result.Letter.Docx;
    }

    [TestMethod]
    public void ALetterWithoutAStatutoryCitationLeavesTheCitationLineOut()
    {
        var body = WordDocuments.BodyText(Docx(SampleLetters.Minimal with { StatutoryCitation = string.Empty }));

        Assert.IsFalse(body.Any(p => p.StartsWith("Response under", StringComparison.Ordinal)), string.Join("\n", body));
        Assert.Contains(SampleLetters.Minimal.Subject, body);
    }

    [TestMethod]
    public void ALetterWithACitationStillPrintsTheCitationLine()
    {
        var body = WordDocuments.BodyText(Docx(SampleLetters.Minimal));

        Assert.Contains("Response under Section 55 of the Police Act 1996 to the report published on 26 May 2021.", body);
    }

    [TestMethod]
    public void ATemplateWithoutTheCitationLineLoadsAndRenders()
    {
        var edited = WordDocuments.Edit(LetterTemplate.Default.Docx, document =>
            WordDocuments.Control(document, "citation").Ancestors<Paragraph>().First().Remove());

        var loaded = LetterTemplate.Load(edited);

        Assert.IsEmpty(loaded.Problems, string.Join("\n", loaded.Problems));
        var body = WordDocuments.BodyText(Docx(SampleLetters.Minimal, loaded.Template));
        Assert.IsFalse(body.Any(p => p.Contains("Response under", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void AReferenceWithAnEmptyValuePrintsItsLabelAlone()
    {
        var letter = SampleLetters.Minimal with { References = [new("Your Reference", string.Empty), new("Our Reference", "OPCC/55/21")] };

        Assert.IsEmpty(LetterValidator.Validate(letter));
        var body = WordDocuments.BodyText(Docx(letter)).Select(p => p.TrimEnd()).ToList();

        Assert.Contains("Your Reference:", body);
        Assert.Contains("Our Reference: OPCC/55/21", body);
    }

    [TestMethod]
    public void ARequestWithoutAStatutoryCitationParsesAndValidates()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(ResponseDrafter.TestSupport.RepositoryFiles.Path("templates", "examples", "minimal.json")))!.AsObject();
        json.Remove("statutoryCitation");

        var parsed = LetterJson.Parse(json.ToJsonString());

        Assert.IsEmpty(parsed.Problems, string.Join("\n", parsed.Problems));
        Assert.IsEmpty(LetterValidator.Validate(parsed.Letter!));
        Assert.AreEqual(string.Empty, parsed.Letter!.StatutoryCitation);
    }

    [TestMethod]
    public void ClearingTheCitationTakesTheCitationLineOutOfTheDocumentInWordOnce()
    {
        static byte[] Editing(Letter letter) => LetterAssembler.Assemble(letter, LetterTemplate.Default, LetterForm.Editing).Letter!.Docx;
        var inWord = Editing(SampleLetters.Minimal);

        var patched = ResponseDrafter.Documents.Drafting.LetterPatch.Apply(inWord, Editing(SampleLetters.Minimal with { StatutoryCitation = string.Empty }), inWord);

        WordDocuments.AssertValid(patched.Docx, "the patched document");
        var body = WordDocuments.BodyText(patched.Docx);
        Assert.IsFalse(body.Any(p => p.StartsWith("Response under", StringComparison.Ordinal)), string.Join("\n", body));
        Assert.Contains(SampleLetters.Minimal.Subject, body);
    }
}
