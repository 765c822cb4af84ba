using ResponseDrafter.TestSupport;
using System.Text.Json;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Documents.Tests.Letters;

[TestClass]
public sealed class ExampleRequestTests
{
    private static readonly string Examples = RepositoryFiles.Path("templates", "examples");

    public static IEnumerable<object[]> ExampleFiles =>
        Directory.GetFiles(Examples, "*.json").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    [DynamicData(nameof(ExampleFiles))]
    public void ExampleRequestParsesAndValidatesWithoutProblems(string fileName)
    {
        var parsed = LetterJson.Parse(File.ReadAllText(Path.Combine(Examples, fileName)));

        Assert.IsEmpty(parsed.Problems, string.Join("\n", parsed.Problems));
        var problems = LetterValidator.Validate(parsed.Letter!);
        Assert.IsEmpty(problems, string.Join("\n", problems));
    }

    [TestMethod]
    public void ThereAreTheThreeDocumentedExamples() =>
        Assert.AreEqual(
            "essex-hidden-victims-2021.json, minimal.json, suffolk-hidden-victims-2021.json",
            string.Join(", ", ExampleFiles.Select(f => f[0])));

    [TestMethod]
    public void EssexLetterIsComplete() =>
        Assert.IsEmpty(Completeness.Check(Load("essex-hidden-victims-2021.json")));

    [TestMethod]
    public void EssexLetterAnswersExactlyTheItemsItSaysApply()
    {
        var letter = Load("essex-hidden-victims-2021.json");

        Assert.AreEqual("2, 3, 4, 6c", string.Join(", ", letter.Responses.Select(r => r.Ref)));
        Assert.AreEqual("2, 3, 4, 6c", string.Join(", ", Applicability.Of(letter.Report.Recommendations).Select(i => i.Ref)));
    }

    [TestMethod]
    public void ExamplesQuoteTheReportsRecommendationsVerbatim()
    {
        var expected = JsonSerializer.Serialize(TestLetters.HiddenVictims().Recommendations, LetterJson.Options);

        foreach (var name in new[] { "essex-hidden-victims-2021.json", "suffolk-hidden-victims-2021.json" })
        {
            Assert.AreEqual(expected, JsonSerializer.Serialize(Load(name).Report.Recommendations, LetterJson.Options), name);
        }
    }

    [TestMethod]
    public void SuffolkLetterLacksOnlyTheAnswerTheRealLetterOmitted()
    {
        var gap = Completeness.Check(Load("suffolk-hidden-victims-2021.json")).Single();

        Assert.AreEqual(new CompletenessGap("6c", "response", "Recommendation 6c has no response"), gap);
    }

    [TestMethod]
    public void MinimalRequestIsComplete() =>
        Assert.IsEmpty(Completeness.Check(Load("minimal.json")));

    private static Letter Load(string fileName) =>
        LetterJson.Parse(File.ReadAllText(Path.Combine(Examples, fileName))).Letter!;
}
