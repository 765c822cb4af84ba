using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Tests.Letters;

[TestClass]
public sealed class LetterValidatorTests
{
    private static readonly ReportInfo Report = TestLetters.HiddenVictims();

    [TestMethod]
    public void MinimalLetterHasNoProblems() =>
        Assert.IsEmpty(LetterValidator.Validate(TestLetters.Minimal(Report, TestLetters.Answer("2"))));

    [TestMethod]
    public void EveryEmptyRequiredFieldIsReportedAtOnce()
    {
        var letter = TestLetters.Minimal(Report) with
        {
            Opcc = new OpccProfile { Name = " ", CommissionerName = "", CommissionerTitle = "Police and Crime Commissioner" },
            Recipients = [new Recipient { Name = "" }],
            Salutation = "",
            Subject = "\t",
            StatutoryCitation = "",
            Closing = "",
            Signatory = new Signatory { Name = "", Title = "" },
        };

        Assert.AreEqual(
            "opcc.name, opcc.commissionerName, recipients[0].name, salutation, subject, closing, signatory.name, signatory.title",
            Fields(LetterValidator.Validate(letter)));
    }

    [TestMethod]
    public void AProblemInsideAListNamesTheElementAndTheField()
    {
        var letter = TestLetters.Minimal(Report,
            TestLetters.Answer("2") with { Assurance = Assurance(null) with { Provenance = null! } },
            TestLetters.Answer("3") with { Assurance = Assurance(null) with { Provenance = Assurance(null).Provenance with { SuppliedBy = " " } } }) with
        {
            References = [new LetterReference("", "20210719SH")],
            Recipients = [new Recipient { Name = "Home Secretary" }, new Recipient { Name = "Chief Constable", AddressLines = ["Police HQ", ""] }],
        };

        Assert.AreEqual(
            "references[0].label, recipients[1].addressLines[1], responses[0].assurance.provenance, responses[1].assurance.provenance.suppliedBy",
            Fields(LetterValidator.Validate(letter)));
    }

    [TestMethod]
    public void LetterWithoutRecipientsIsAProblem() =>
        Assert.AreEqual("recipients", LetterValidator.Validate(TestLetters.Minimal() with { Recipients = [] }).Single().Field);

    [TestMethod]
    public void ControlCharacterInACommentaryNamesTheFieldAndTheCharacter()
    {
        var letter = TestLetters.Minimal(Report, TestLetters.Answer("2") with { Commentary = "Training is\u0007 complete." });

        var problem = LetterValidator.Validate(letter).Single();

        Assert.AreEqual("responses[0].commentary", problem.Field);
        Assert.AreEqual("character U+0007 cannot be stored in a Word document", problem.Message);
    }

    [TestMethod]
    public void UnstorableCharactersAreFoundInEveryKindOfString()
    {
        var letter = TestLetters.Minimal(Report) with
        {
            Opcc = TestLetters.Minimal().Opcc with { LetterheadLines = ["Kelvedon Park\u0001"] },
            Recipients = [new Recipient { Name = "Home Secretary", AddressLines = ["2 Marsham Street\uFFFE"] }],
            Cc = ["Chief Constable\u001B"],
            Signatory = new Signatory { Name = "Roger\uD800 Hirst", Title = "Commissioner" },
        };

        var problems = LetterValidator.Validate(letter);

        Assert.AreEqual("opcc.letterheadLines[0], recipients[0].addressLines[0], signatory.name, cc[0]", Fields(problems));
        StringAssert.Contains(problems.Single(p => p.Field == "signatory.name").Message, "U+D800");
    }

    [TestMethod]
    public void CharactersOutsideTheBasicPlaneAreStorable()
    {
        var letter = TestLetters.Minimal(Report, TestLetters.Answer("2") with { Commentary = "Thank you \U0001F600" });

        Assert.IsEmpty(LetterValidator.Validate(letter));
    }

    [TestMethod]
    public void MarkupProblemsNameTheFieldAndTheLine()
    {
        var letter = TestLetters.Minimal(Report) with { Context = "First paragraph.\n\n| a table | row |" };

        var problem = LetterValidator.Validate(letter).Single();

        Assert.AreEqual("context", problem.Field);
        StringAssert.StartsWith(problem.Message, "line 3: ");
    }

    [TestMethod]
    public void ResponseToARecommendationTheReportDoesNotHaveIsAProblem()
    {
        var letter = TestLetters.Minimal(Report, TestLetters.Answer("7"), TestLetters.Answer("6h"));

        var problems = LetterValidator.Validate(letter);

        Assert.HasCount(2, problems);
        Assert.AreEqual(new LetterProblem("responses[0].ref", "the report has no recommendation 7"), problems[0]);
        Assert.AreEqual(new LetterProblem("responses[1].ref", "recommendation 6 has no sub-item h"), problems[1]);
    }

    [TestMethod]
    public void AnsweringTheSameRecommendationTwiceIsAProblem()
    {
        var letter = TestLetters.Minimal(Report, TestLetters.Answer("4"), TestLetters.Answer("3"), TestLetters.Answer("4"));

        var problem = LetterValidator.Validate(letter).Single();

        Assert.AreEqual("responses[2].ref", problem.Field);
        StringAssert.Contains(problem.Message, "responses[0]");
    }

    [TestMethod]
    public void AnsweringARecommendationAndOneOfItsSubItemsIsAProblem()
    {
        var letter = TestLetters.Minimal(Report, TestLetters.Answer("2a"), TestLetters.Answer("2"));

        var problem = LetterValidator.Validate(letter).Single();

        Assert.AreEqual("responses[0].ref", problem.Field);
        Assert.AreEqual("recommendation 2 is answered as a whole in responses[1], so 2a cannot also be answered on its own", problem.Message);
    }

    [TestMethod]
    public void ImageThatIsNotPngOrJpegIsAProblemWhateverItsContentType()
    {
        var gif = new ImageAsset { ContentType = "image/png", Data = "GIF89a"u8.ToArray(), AltText = "Logo" };
        var letter = TestLetters.Minimal(Report) with { Opcc = TestLetters.Minimal().Opcc with { Logo = gif } };

        Assert.AreEqual(new LetterProblem("opcc.logo.data", "is not a PNG or JPEG image"), LetterValidator.Validate(letter).Single());
    }

    [TestMethod]
    public void ImageWhoseContentTypeContradictsItsBytesIsAProblem()
    {
        var jpeg = new ImageAsset { ContentType = "image/png", Data = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0], AltText = "Signature" };
        var letter = TestLetters.Minimal(Report) with { Signatory = TestLetters.Minimal().Signatory with { Signature = jpeg } };

        Assert.AreEqual(new LetterProblem("signatory.signature.contentType", "says image/png but the data is a JPEG image"), LetterValidator.Validate(letter).Single());
    }

    [TestMethod]
    public void ImageOverFiveMegabytesIsAProblem()
    {
        var data = new byte[LetterValidator.MaxImageBytes + 1];
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        png.CopyTo(data, 0);
        var letter = TestLetters.Minimal(Report) with
        {
            Opcc = TestLetters.Minimal().Opcc with { Logo = new ImageAsset { ContentType = "image/png", Data = data, AltText = "Logo" } },
        };

        var problem = LetterValidator.Validate(letter).Single();

        Assert.AreEqual("opcc.logo.data", problem.Field);
        StringAssert.Contains(problem.Message, "at most 5 MB");
    }

    [TestMethod]
    public void AppendixListingAnUnknownRecommendationIsAProblem()
    {
        var letter = TestLetters.Minimal(Report) with
        {
            Appendices = [new Appendix { Title = "Appendix A - Recommendations", Recommendations = ["2", "9"] }],
        };

        Assert.AreEqual(new LetterProblem("appendices[0].recommendations[1]", "the report has no recommendation 9"), LetterValidator.Validate(letter).Single());
    }

    [TestMethod]
    [DataRow("ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789")]
    [DataRow("abc")]
    [DataRow("zzcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789")]
    public void Sha256ThatIsNotSixtyFourLowerCaseHexDigitsIsAProblem(string digest)
    {
        var letter = TestLetters.Minimal(Report, TestLetters.Answer("3") with { Assurance = Assurance(digest) });

        Assert.AreEqual("responses[0].assurance.provenance.sha256", LetterValidator.Validate(letter).Single().Field);
    }

    [TestMethod]
    public void WellFormedSha256IsAccepted()
    {
        var letter = TestLetters.Minimal(Report, TestLetters.Answer("3") with { Assurance = Assurance(new string('a', 64)) });

        Assert.IsEmpty(LetterValidator.Validate(letter));
    }

    [TestMethod]
    public void SummarisedAssuranceNeedsASummary()
    {
        var assurance = Assurance(null) with { Presentation = AssurancePresentation.Summarised };
        var letter = TestLetters.Minimal(Report, TestLetters.Answer("3") with { Assurance = assurance });

        Assert.AreEqual("responses[0].assurance.summary", LetterValidator.Validate(letter).Single().Field);
    }

    [TestMethod]
    public void NullCollectionsFromJsonDoNotCrashTheValidator()
    {
        var letter = TestLetters.Minimal(Report with { Recommendations = null! }) with
        {
            References = null!,
            Recipients = null!,
            Responses = null!,
            Cc = null!,
            Appendices = null!,
            Opcc = null!,
        };

        Assert.AreEqual("opcc, recipients", Fields(LetterValidator.Validate(letter)));
    }

    [TestMethod]
    public void LetterAnsweringFiveHundredRecommendationsValidates()
    {
        var recommendations = Enumerable.Range(1, 500)
            .Select(n => TestLetters.Recommendation(n.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Chief constables should do thing {n}."))
            .ToList();
        var responses = recommendations.Select(r => TestLetters.Answer(r.Number)).ToArray();
        var letter = TestLetters.Minimal(Report with { Recommendations = recommendations }, responses) with
        {
            Appendices = [new Appendix { Title = "Appendix A", Recommendations = [.. recommendations.Select(r => r.Number)] }],
        };

        Assert.IsEmpty(LetterValidator.Validate(letter));
    }

    private static string Fields(IEnumerable<LetterProblem> problems) => string.Join(", ", problems.Select(p => p.Field));

    private static Assurance Assurance(string? sha256) => new()
    {
        Text = "All modern slavery crimes are allocated to detectives.",
        Provenance = new Provenance { SuppliedBy = "Suffolk Constabulary", ReceivedOn = new DateOnly(2021, 6, 16), Sha256 = sha256 },
    };
}
