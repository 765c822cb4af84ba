using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Tests.Integrations;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Api.Tests.Publication;

/// <summary>The server's own LibreOffice path (LocalPdfConverter) makes an accessible PDF of every example request.</summary>
[TestClass]
public sealed class TaggedPdfTests
{
    public static IEnumerable<object[]> Examples =>
        Directory.GetFiles(RepositoryFiles.Path("templates", "examples"), "*.json").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    [DynamicData(nameof(Examples))]
    public async Task LocalConverterMakesATaggedPdfWithTitleLanguageAndHeadings(string example)
    {
        var letter = LetterJson.Parse(await File.ReadAllTextAsync(RepositoryFiles.Path("templates", "examples", example))).Letter!;
        var docx = LetterAssembler.Assemble(letter, LetterTemplate.Default).Letter!.Docx;
        await using var rig = LocalRig.Start();
        var stored = await rig.Documents.SaveAsync(LocalRig.Tenant, new DocumentToStore("Signed", "response.docx", docx), CancellationToken.None);

        var pdf = await rig.Pdf.ConvertToPdfAsync(LocalRig.Tenant, stored.Id, CancellationToken.None);

        var file = Path.Combine(Directory.CreateTempSubdirectory("responsedrafter-tagged-").FullName, "letter.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var structure = PdfTools.Structure(file);
        Assert.IsTrue(structure.Marked, "/MarkInfo /Marked");
        Assert.AreEqual("en-GB", structure.Language);
        Assert.AreEqual(letter.Subject, structure.Title);
        Assert.IsTrue(structure.DisplayDocTitle, "/ViewerPreferences /DisplayDocTitle");
        Assert.IsNotEmpty(structure.Headings.ToList());
        Assert.IsNotEmpty(structure.OfType("P").ToList());
        Assert.IsEmpty(structure.OfType("Figure").Where(f => string.IsNullOrWhiteSpace(f.Alt)).ToList(), "a figure without alternative text");
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }
}
