using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Cli;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Cli.Tests;

/// <summary><c>import</c>: a report's text, .docx or PDF in; the report JSON out; warnings on stderr; the exit code by outcome.</summary>
[TestClass]
public sealed class ImportCommandTests
{
    private const string Pasted = """
        Recommendations

        Recommendation 1: To chief constables
        Make sure every investi-
        gation of modern slavery is allocated to a skilled team.

        Recommendation 2: To police and crime commissioners
        Commission support for victims who decline a referral.
        """;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void PastedTextBecomesTheReportJsonOnStdoutWithEachJoinNoted()
    {
        var file = Write("pasted.txt", Encoding.UTF8.GetBytes(Pasted));

        var result = CliRun.Run("import", file);

        Assert.AreEqual(ExitCodes.Success, result.ExitCode, result.Stderr);
        var report = JsonNode.Parse(result.Stdout)!;
        var recommendations = report["recommendations"]!.AsArray();
        Assert.HasCount(2, recommendations);
        Assert.AreEqual("Make sure every investigation of modern slavery is allocated to a skilled team.", (string?)recommendations[0]!["text"]);
        Assert.AreEqual("chief constables", (string?)recommendations[0]!["addressees"]![0]);
        Assert.AreEqual("recommendation", (string?)recommendations[1]!["kind"]);
        Assert.IsNull(report["title"]);
        StringAssert.Contains(result.Stderr, "pasted.txt:4: joined \"investi-gation\" as \"investigation\"");
    }

    [TestMethod]
    public void AReportWithWarningsIsWrittenAndExitsWithThree()
    {
        var file = Write("gap.txt", Encoding.UTF8.GetBytes("Recommendation 1: To chief constables\nDo this.\n\nRecommendation 3: To chief constables\nDo that.\n"));
        var output = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), $"gap-{Guid.NewGuid():N}.json");

        var result = CliRun.Run("import", file, "-o", output);

        Assert.AreEqual(ExitCodes.Warnings, result.ExitCode);
        StringAssert.Contains(result.Stderr, "warning: ");
        StringAssert.Contains(result.Stdout, "2 recommendations");
        Assert.HasCount(2, JsonNode.Parse(File.ReadAllText(output))!["recommendations"]!.AsArray());
    }

    [TestMethod]
    public void ARecommendationToThePoliceIsWrittenUndecidedAndItsQuestionGoesToStderr()
    {
        var file = Write("national.txt", Encoding.UTF8.GetBytes("Recommendation 1: To chief constables\nDo this.\n\nRecommendation 2\nThe police should publish their data.\n"));

        var result = CliRun.Run("import", file);

        Assert.AreEqual(ExitCodes.Warnings, result.ExitCode, result.Stderr);
        var recommendations = JsonNode.Parse(result.Stdout)!["recommendations"]!.AsArray();
        Assert.IsTrue(recommendations.All(r => r!.AsObject().ContainsKey("decidedAddressee") && r["decidedAddressee"] is null), result.Stdout);
        StringAssert.Contains(result.Stderr,
            "question: " + file + ":4: Recommendation 2 is addressed to \"The police\", which is not a body the letter speaks for. Who answers it in your letter? " +
            "Set its \"decidedAddressee\" to force, commissioner, both or noted (noted only).");
        Assert.IsFalse(result.Stderr.Contains("question: " + file + ":1:", StringComparison.Ordinal), "chief constables are not asked about");
    }

    [TestMethod]
    public void AWordReportIsReadFromItsParagraphs()
    {
        var file = Write("report.docx", new WordFile().Heading(1, "Recommendations").Paragraph("Recommendation 1: To chief constables").Paragraph("Do this.").Build());

        var result = CliRun.Run("import", file);

        Assert.AreEqual(ExitCodes.Success, result.ExitCode, result.Stderr);
        Assert.AreEqual("Do this.", (string?)JsonNode.Parse(result.Stdout)!["recommendations"]![0]!["text"]);
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void APdfReportGivesItsTitleAndPublicationDateToo()
    {
        var docx = new WordFile()
            .Heading(1, "Hidden victims: the police response to modern slavery")
            .Paragraph("Published 26 May 2021")
            .Raw(new Paragraph(new Run(new Break { Type = BreakValues.Page })))
            .Paragraph("Recommendation 1: To chief constables").Paragraph("Do this.")
            .Build();
        var file = Write("report.pdf", PdfTools.ToPdf(new Dictionary<string, byte[]> { ["report"] = docx })["report"]);

        var result = CliRun.Run("import", file);

        Assert.AreEqual(ExitCodes.Success, result.ExitCode, result.Stderr);
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.AreEqual("Hidden victims: the police response to modern slavery", (string?)report["title"]);
        Assert.AreEqual("2021-05-26", (string?)report["publishedOn"]);
    }

    [TestMethod]
    public void TextWithNoRecommendationsWritesNothingAndExitsWithOne()
    {
        var file = Write("letter.txt", Encoding.UTF8.GetBytes("Dear Home Secretary,\nThank you.\n"));
        var output = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), $"none-{Guid.NewGuid():N}.json");

        var result = CliRun.Run("import", file, "-o", output);

        Assert.AreEqual(ExitCodes.Problems, result.ExitCode);
        StringAssert.Contains(result.Stderr, "no recommendations were found; nothing was written");
        Assert.IsFalse(File.Exists(output));
    }

    [TestMethod]
    public void ADamagedPdfIsRefusedNamingItsCode()
    {
        var file = Write("damaged.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\nnot really"));

        var result = CliRun.Run("import", file);

        Assert.AreEqual(ExitCodes.Problems, result.ExitCode);
        StringAssert.Contains(result.Stderr, "refused (malformed)");
    }

    [TestMethod]
    public void AMissingFileIsAUsageError()
    {
        var result = CliRun.Run("import", "no-such-report.pdf");

        Assert.AreEqual(ExitCodes.Usage, result.ExitCode);
        StringAssert.Contains(result.Stderr, "no such file");
    }

    private string Write(string name, byte[] bytes)
    {
        var folder = Directory.CreateDirectory(Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "import-" + Guid.NewGuid().ToString("N")));
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
