using System.Text.Json;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Tests.Letters;

[TestClass]
public sealed class LetterJsonTests
{
    private const string Minimal = """
        {
          "opcc": { "name": "Office of the Police and Crime Commissioner for Exampleshire", "commissionerName": "Alex Example", "commissionerTitle": "Police and Crime Commissioner" },
          "date": "2021-07-19",
          "recipients": [ { "name": "Home Secretary" } ],
          "salutation": "Dear Home Secretary,",
          "subject": "The hidden victims",
          "report": { "title": "The hidden victims", "publishedOn": "2021-05-26", "kind": "super-complaint" },
          "statutoryCitation": "Section 55 of the Police Act 1996",
          "signatory": { "name": "Alex Example", "title": "Police and Crime Commissioner" }
        }
        """;

    [TestMethod]
    public void WellFormedRequestParsesWithoutProblems()
    {
        var result = LetterJson.Parse(Minimal);

        Assert.IsEmpty(result.Problems);
        Assert.AreEqual(new DateOnly(2021, 7, 19), result.Letter!.Date);
        Assert.AreEqual(ReportKind.SuperComplaint, result.Letter.Report.Kind);
        Assert.AreEqual("Yours sincerely", result.Letter.Closing);
    }

    [TestMethod]
    public void CommentsAndTrailingCommasAreAllowed()
    {
        var json = Minimal.Replace("\"date\": \"2021-07-19\",", "// the day it is signed\n  \"date\": \"2021-07-19\", /* ISO */", StringComparison.Ordinal)
            .Replace("\"Police and Crime Commissioner\" }\n}", "\"Police and Crime Commissioner\", },\n}", StringComparison.Ordinal);

        Assert.IsEmpty(LetterJson.Parse(json).Problems);
    }

    [TestMethod]
    public void ByteOrderMarkIsIgnored() =>
        Assert.IsEmpty(LetterJson.Parse("\uFEFF" + Minimal).Problems);

    [TestMethod]
    public void MalformedJsonIsOneProblemGivingTheLine()
    {
        var result = LetterJson.Parse("{\n  \"opcc\": {\n    \"name\": \"x\"\n  \n");

        Assert.IsNull(result.Letter);
        var problem = result.Problems.Single();
        StringAssert.StartsWith(problem.Message, "The request is not valid JSON (line ");
    }

    [TestMethod]
    public void MissingRequiredPropertyIsNamedByItsPath()
    {
        var json = Minimal.Replace("\"subject\": \"The hidden victims\",", string.Empty, StringComparison.Ordinal)
            .Replace("\"name\": \"Alex Example\", ", string.Empty, StringComparison.Ordinal);

        var problems = LetterJson.Parse(json).Problems;

        Assert.AreEqual("subject: is required; signatory.name: is required", Describe(problems));
    }

    [TestMethod]
    public void UnknownPropertyIsAnErrorThatSuggestsTheRightName()
    {
        var json = Minimal.Replace("\"salutation\":", "\"salutaton\":", StringComparison.Ordinal);

        var problems = LetterJson.Parse(json).Problems;

        Assert.AreEqual("salutaton: unknown property 'salutaton'; did you mean 'salutation'?; salutation: is required", Describe(problems));
    }

    [TestMethod]
    public void UnknownPropertyFarFromAnyNameListsTheAllowedOnes()
    {
        var json = Minimal.Replace("\"kind\": \"super-complaint\"", "\"kind\": \"super-complaint\", \"notes\": \"x\"", StringComparison.Ordinal);

        var problem = LetterJson.Parse(json).Problems.Single();

        Assert.AreEqual("report.notes", problem.Field);
        StringAssert.StartsWith(problem.Message, "unknown property 'notes'; allowed here: title, publishedOn, url, kind, recommendations");
    }

    [TestMethod]
    [DataRow("\"date\": \"2021-07-19\"", "\"date\": 20210719", "date: expected a date like \"2021-07-19\"")]
    [DataRow("\"date\": \"2021-07-19\"", "\"date\": \"19 July 2021\"", "date: expected a date like \"2021-07-19\"")]
    [DataRow("\"recipients\": [ { \"name\": \"Home Secretary\" } ]", "\"recipients\": \"Home Secretary\"", "recipients: expected a list [ … ]")]
    [DataRow("\"salutation\": \"Dear Home Secretary,\"", "\"salutation\": [\"Dear\"]", "salutation: expected text in double quotes")]
    [DataRow("\"salutation\": \"Dear Home Secretary,\"", "\"salutation\": null", "salutation: must not be null")]
    [DataRow("\"kind\": \"super-complaint\"", "\"kind\": \"SuperComplaint\"", "report.kind: expected one of: thematic, peel, super-complaint")]
    [DataRow("\"kind\": \"super-complaint\"", "\"kind\": 2", "report.kind: expected one of: thematic, peel, super-complaint")]
    [DataRow("\"signatory\": {", "\"signatory\": 7, \"x\": {", "x: unknown property 'x'; allowed here: opcc, references, date, dateStyle, recipients, salutation, subject, report, statutoryCitation, opening, context, responses, accountability, publication, closing, signatory, cc, copyListLabel, appendices, identity; signatory: expected an object { … }")]
    public void ValueOfTheWrongTypeIsNamedByItsPath(string original, string replacement, string expected)
    {
        var problems = LetterJson.Parse(Minimal.Replace(original, replacement, StringComparison.Ordinal)).Problems;

        Assert.AreEqual(expected, Describe(problems));
    }

    [TestMethod]
    public void ProblemsDeepInsideListsGiveTheFullPath()
    {
        var json = Minimal.Replace(
            "\"statutoryCitation\"",
            """
            "responses": [ { "ref": "2", "status": "action-taken" }, { "ref": "3", "status": "done", "assurance": { "text": "x" } } ],
            "statutoryCitation"
            """,
            StringComparison.Ordinal);

        var problems = LetterJson.Parse(json).Problems;

        Assert.AreEqual(
            "responses[1].assurance.provenance: is required; responses[1].status: expected one of: action-taken, action-proposed, no-action",
            Describe(problems));
    }

    [TestMethod]
    public void PositionalRecordsNeedEveryValue()
    {
        var json = Minimal.Replace("\"date\":", "\"references\": [ { \"label\": \"Our Ref\" } ], \"date\":", StringComparison.Ordinal);

        Assert.AreEqual("references[0].value: is required", Describe(LetterJson.Parse(json).Problems));
    }

    [TestMethod]
    public void NullInsideAListIsAProblem()
    {
        var json = Minimal.Replace("\"date\":", "\"cc\": [ \"Chief Constable\", null ], \"date\":", StringComparison.Ordinal);

        Assert.AreEqual("cc[1]: must not be null", Describe(LetterJson.Parse(json).Problems));
    }

    [TestMethod]
    public void PropertyGivenTwiceIsAProblem()
    {
        var json = Minimal.Replace("\"date\": \"2021-07-19\",", "\"date\": \"2021-07-19\", \"date\": \"2021-07-20\",", StringComparison.Ordinal);

        Assert.AreEqual("date: appears more than once", Describe(LetterJson.Parse(json).Problems));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("null")]
    [DataRow("[]")]
    [DataRow("\"a letter\"")]
    public void RequestThatIsNotAnObjectIsOneProblem(string json)
    {
        var result = LetterJson.Parse(json);

        Assert.IsNull(result.Letter);
        Assert.HasCount(1, result.Problems);
    }

    [TestMethod]
    public void DeeplyNestedJsonIsAProblemNotACrash()
    {
        var json = string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200));

        StringAssert.StartsWith(LetterJson.Parse(json).Problems.Single().Message, "The request is not valid JSON");
    }

    [TestMethod]
    public void MessagesNeverShowDotNetInternals()
    {
        string[] requests =
        [
            "{",
            Minimal.Replace("\"kind\": \"super-complaint\"", "\"kind\": \"x\"", StringComparison.Ordinal),
            Minimal.Replace("\"date\": \"2021-07-19\"", "\"date\": true", StringComparison.Ordinal),
            Minimal.Replace("\"opcc\":", "\"Opcc\":", StringComparison.Ordinal),
        ];

        var messages = requests.SelectMany(r => LetterJson.Parse(r).Problems).Select(p => p.Message).ToList();

        Assert.IsFalse(messages.Any(m => m.Contains("System.", StringComparison.Ordinal) || m.Contains("ResponseDrafter.", StringComparison.Ordinal) || m.Contains("BytePosition", StringComparison.Ordinal)), string.Join("\n", messages));
    }

    [TestMethod]
    public void EnumsAreWrittenInKebabCase()
    {
        var letter = TestLetters.Minimal(TestLetters.HiddenVictims() with
        {
            Recommendations = [new Recommendation { Number = "1", Kind = RecommendationKind.CauseOfConcern, Text = "The force should act." }],
        }) with
        {
            Responses =
            [
                new RecommendationResponse
                {
                    Ref = "1",
                    Status = ResponseStatus.ActionTaken,
                    Assurance = new Assurance { Text = "Done.", Provenance = new Provenance { SuppliedBy = "The force", ReceivedOn = new DateOnly(2021, 6, 16) } },
                },
            ],
        };

        var json = JsonSerializer.Serialize(letter, LetterJson.Options);

        foreach (var value in new[] { "\"quoted-in-full\"", "\"action-taken\"", "\"super-complaint\"", "\"cause-of-concern\"", "\"2021-06-16\"" })
        {
            StringAssert.Contains(json, value);
        }
    }

    [TestMethod]
    public void WrittenLetterReadsBackTheSame()
    {
        var letter = TestLetters.Minimal(TestLetters.HiddenVictims(), TestLetters.Answer("2"), TestLetters.Answer("6c", Documents.Letters.ResponseStatus.NoAction));
        var json = JsonSerializer.Serialize(letter, LetterJson.Options);

        var parsed = LetterJson.Parse(json);

        Assert.IsEmpty(parsed.Problems);
        Assert.AreEqual(json, JsonSerializer.Serialize(parsed.Letter, LetterJson.Options));
    }

    [TestMethod]
    public void OptionsAreOneSharedReadOnlyInstance()
    {
        var first = LetterJson.Options;

        Assert.AreSame(first, LetterJson.Options);
        Assert.IsTrue(first.IsReadOnly);
    }

    private static string Describe(IEnumerable<LetterProblem> problems) => string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}"));
}
