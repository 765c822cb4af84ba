using System.Text.RegularExpressions;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Documents.Tests.Publication;

/// <summary>
/// The law publishes the force's comments with the commissioner's: the PDF carries every assurance's full text and its
/// provenance line, whether the letter quotes it in full, summarises it (full text in the annex) or leaves it to the annex.
/// </summary>
[TestClass]
public sealed class PublishedPackageTests
{
    public static IEnumerable<object[]> Combinations => WebVersionTests.Combinations;

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    [DynamicData(nameof(Combinations))]
    public void ThePdfCarriesEveryAssurancesFullTextAndProvenanceLine(string template, string letter)
    {
        var printed = PrintedLetters.Printed.Single(p => p.Template == template && p.Name == letter);
        var assured = printed.Letter.Responses.Where(r => r.Assurance is not null).ToList();
        if (assured.Count == 0)
        {
            return;
        }

        // pdftotext joins a word LibreOffice broke at its hyphen ("multi-" / "agency") without it: compare without hyphens.
        var text = Unhyphenated(PdfTools.Text(printed.Pdf));

        foreach (var response in assured)
        {
            var assurance = response.Assurance!;
            var same = assured.Count(r => r.Assurance!.Text == assurance.Text);
            foreach (var line in WebVersionTests.Lines(assurance.Text))
            {
                Assert.IsGreaterThanOrEqualTo(same, Regex.Count(text, AcrossPageBreaks(Unhyphenated(line))), $"{printed} {response.Ref} ({assurance.Presentation}): '{line}' is not in the PDF");
            }

            var provenance = $"Assurance supplied by {assurance.Provenance.SuppliedBy}, received {UkDate.Format(assurance.Provenance.ReceivedOn, printed.Letter.DateStyle)}";
            Assert.Contains(Unhyphenated(provenance), text, $"{printed} {response.Ref} ({assurance.Presentation}): the provenance line");
            if (assurance.Presentation != AssurancePresentation.QuotedInFull && assurance.Provenance.SourceFileName is { Length: > 0 } source)
            {
                Assert.Contains(Unhyphenated($"{provenance}. Source file: {source}"), text, $"{printed} {response.Ref}: the annex names the source file");
            }
        }
    }

    /// <summary>The line's words in order, allowing a page's running header and footer between two of them.</summary>
    private static string AcrossPageBreaks(string line) =>
        string.Join(@"\s(?:.{0,300}?\s)?", line.Split(' ').Select(Regex.Escape));

    private static string Unhyphenated(string text) => WebVersionTests.Flat(text.Replace("-", string.Empty, StringComparison.Ordinal));
}
