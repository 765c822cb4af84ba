using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Cli.Tests;

[TestClass]
public sealed class CommandsTests
{
    private DirectoryInfo work = null!;

    [TestInitialize]
    public void CreateWorkFolder() => work = Directory.CreateTempSubdirectory("responsedrafter-cli-");

    [TestCleanup]
    public void RemoveWorkFolder() => work.Delete(recursive: true);

    [TestMethod]
    public void HelpPrintsUsageAndSucceeds()
    {
        var result = CliRun.Run("--help");

        Assert.AreEqual(ExitCodes.Success, result.ExitCode);
        StringAssert.Contains(result.Stdout, "check-template FILE");
        StringAssert.Contains(result.Stdout, "render REQUEST.json [--template FILE] -o OUT.docx");
    }

    [TestMethod]
    public void NoArgumentsPrintsUsageAsAUsageError()
    {
        var result = CliRun.Run();

        Assert.AreEqual(ExitCodes.Usage, result.ExitCode);
        StringAssert.Contains(result.Stderr, "Usage: responsedrafter");
    }

    [TestMethod]
    public void UnknownCommandIsAUsageError()
    {
        var result = CliRun.Run("publish", "letter.docx");

        Assert.AreEqual(ExitCodes.Usage, result.ExitCode);
        StringAssert.Contains(result.Stderr, "unknown command 'publish'");
    }

    [TestMethod]
    [DataRow("render", "request.json")]
    [DataRow("render", "request.json", "-o")]
    [DataRow("render", "request.json", "--out", "x.docx")]
    [DataRow("render", "a.json", "b.json", "-o", "x.docx")]
    [DataRow("render", "request.json", "-o", "a.docx", "-o", "b.docx")]
    [DataRow("check-template")]
    [DataRow("build-default-template")]
    public void WrongArgumentsAreAUsageError(params string[] args)
    {
        var result = CliRun.Run(args);

        Assert.AreEqual(ExitCodes.Usage, result.ExitCode);
        StringAssert.StartsWith(result.Stderr, "error: ");
        Assert.AreEqual(string.Empty, result.Stdout);
    }

    [TestMethod]
    public void CommandHelpPrintsUsage() =>
        Assert.AreEqual(ExitCodes.Success, CliRun.Run("render", "--help").ExitCode);

    [TestMethod]
    public void DefaultTemplateChecksClean()
    {
        var result = CliRun.Run("check-template", CliRun.DefaultTemplateXml);

        Assert.AreEqual(ExitCodes.Success, result.ExitCode, result.Stdout);
        StringAssert.EndsWith(result.Stdout.TrimEnd(), "no problems");
    }

    [TestMethod]
    public void DefaultTemplateSavedAsDocxChecksClean()
    {
        var docx = Save("section55.docx", LetterTemplate.Default.Docx);

        Assert.AreEqual(ExitCodes.Success, CliRun.Run("check-template", docx).ExitCode);
    }

    [TestMethod]
    public void BrokenTemplatePrintsEveryProblemAndFails()
    {
        var docx = Save("broken.docx", WithTagRenamed(LetterTemplate.Default.Docx, "subject", "subjet"));

        var result = CliRun.Run("check-template", docx);

        Assert.AreEqual(ExitCodes.Problems, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.IsTrue(lines.Any(l => l.StartsWith("subjet — ", StringComparison.Ordinal)), result.Stdout);
        Assert.IsTrue(lines.Any(l => l.StartsWith("subject — ", StringComparison.Ordinal)), result.Stdout);
    }

    [TestMethod]
    public void FileThatIsNotATemplateIsAProblemNotACrash()
    {
        var xml = Save("notes.xml", "<notes>not a Word document</notes>"u8.ToArray());
        var text = Save("notes.docx", "plain text"u8.ToArray());

        Assert.AreEqual(ExitCodes.Problems, CliRun.Run("check-template", xml).ExitCode);
        Assert.AreEqual(ExitCodes.Problems, CliRun.Run("check-template", text).ExitCode);
    }

    [TestMethod]
    public void MissingFileIsAUsageError()
    {
        var result = CliRun.Run("check-template", Path.Combine(work.FullName, "absent.docx"));

        Assert.AreEqual(ExitCodes.Usage, result.ExitCode);
        StringAssert.Contains(result.Stderr, "no such file");
    }

    [TestMethod]
    public void RenderedEssexLetterIsAValidWordDocument()
    {
        var output = Path.Combine(work.FullName, "essex.docx");

        var result = CliRun.Run("render", Path.Combine(CliRun.Examples, "essex-hidden-victims-2021.json"), "-o", output);

        Assert.AreEqual(ExitCodes.Success, result.ExitCode, result.Stderr);
        Assert.AreEqual(string.Empty, result.Stderr);
        using var document = WordprocessingDocument.Open(output, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.IsEmpty(errors, string.Join("\n", errors));
        StringAssert.Contains(document.MainDocumentPart!.Document!.Body!.InnerText, "Roger Hirst");
    }

    [TestMethod]
    public void RenderWithTheTemplateGivenAsFlatOpcSucceeds()
    {
        var output = Path.Combine(work.FullName, "minimal.docx");

        var result = CliRun.Run("render", Path.Combine(CliRun.Examples, "minimal.json"), "--template", CliRun.DefaultTemplateXml, "--output=" + output);

        Assert.AreEqual(ExitCodes.Success, result.ExitCode, result.Stderr);
        Assert.IsTrue(File.Exists(output));
    }

    [TestMethod]
    public void IncompleteLetterIsWrittenWithAWarningPerGap()
    {
        var output = Path.Combine(work.FullName, "suffolk.docx");

        var result = CliRun.Run("render", Path.Combine(CliRun.Examples, "suffolk-hidden-victims-2021.json"), "-o", output);

        Assert.AreEqual(ExitCodes.Success, result.ExitCode, result.Stderr);
        StringAssert.Contains(result.Stderr, "warning: incomplete — 6c: Recommendation 6c has no response");
        StringAssert.Contains(result.Stderr, "DRAFT");
        Assert.IsTrue(File.Exists(output));
    }

    [TestMethod]
    public void BadRequestPrintsItsProblemsAndWritesNothing()
    {
        var request = Save("request.json", File.ReadAllBytes(Path.Combine(CliRun.Examples, "minimal.json")));
        File.WriteAllText(request, File.ReadAllText(request).Replace("\"Dear Home Secretary,\"", "\"Dear\\u0007 Home Secretary\"", StringComparison.Ordinal));
        var output = Path.Combine(work.FullName, "letter.docx");

        var result = CliRun.Run("render", request, "-o", output);

        Assert.AreEqual(ExitCodes.Problems, result.ExitCode);
        StringAssert.Contains(result.Stderr, "salutation: character U+0007 cannot be stored in a Word document");
        Assert.AreEqual("request.json", string.Join(", ", work.GetFiles().Select(f => f.Name)));
    }

    [TestMethod]
    public void MalformedRequestLeavesAnExistingOutputUntouched()
    {
        var request = Save("request.json", "{ \"opcc\": "u8.ToArray());
        var output = Save("letter.docx", [1, 2, 3]);

        var result = CliRun.Run("render", request, "-o", output);

        Assert.AreEqual(ExitCodes.Problems, result.ExitCode);
        StringAssert.Contains(result.Stderr, "not valid JSON (line 1");
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, File.ReadAllBytes(output));
    }

    [TestMethod]
    public void SuccessfulRenderLeavesNoTemporaryFiles()
    {
        var output = Path.Combine(work.FullName, "letter.docx");

        CliRun.Run("render", Path.Combine(CliRun.Examples, "minimal.json"), "-o", output);

        Assert.AreEqual("letter.docx", string.Join(", ", work.GetFiles().Select(f => f.Name)));
    }

    [TestMethod]
    public void OutputIntoAMissingFolderIsAUsageError()
    {
        var result = CliRun.Run("render", Path.Combine(CliRun.Examples, "minimal.json"), "-o", Path.Combine(work.FullName, "absent", "letter.docx"));

        Assert.AreEqual(ExitCodes.Usage, result.ExitCode);
        StringAssert.Contains(result.Stderr, "cannot write");
    }

    [TestMethod]
    public void BuiltDefaultTemplateChecksClean()
    {
        var output = Path.Combine(work.FullName, "section55.xml");

        Assert.AreEqual(ExitCodes.Success, CliRun.Run("build-default-template", "-o", output).ExitCode);
        Assert.AreEqual(ExitCodes.Success, CliRun.Run("check-template", output).ExitCode);
    }

    private string Save(string name, byte[] contents)
    {
        var path = Path.Combine(work.FullName, name);
        File.WriteAllBytes(path, contents);
        return path;
    }

    private static byte[] WithTagRenamed(byte[] docx, string from, string to)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var tag = document.MainDocumentPart!.Document!.Descendants<Tag>().First(t => t.Val == from);
            tag.Val = to;
        }

        return stream.ToArray();
    }
}
