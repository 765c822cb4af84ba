using System.Text.RegularExpressions;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Documents.Tests.Publication;

/// <summary>
/// What the public and the Home Office read: every template × letter printed by LibreOffice (see <see cref="PrintedLetters"/>)
/// prints its links as links, and is a tagged PDF a screen reader can follow.
/// </summary>
[TestClass]
public sealed partial class PrintedPdfTests
{
    public TestContext TestContext { get; set; } = null!;

    public static IEnumerable<object[]> Combinations =>
        PrintedLetters.Templates.SelectMany(t => PrintedLetters.Letters.Select(l => new object[] { t.Template, l.Name }));

    private static PrintedLetter Printed(string template, string letter) =>
        PrintedLetters.Printed.Single(p => p.Template == template && p.Name == letter);

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    [DynamicData(nameof(Combinations))]
    public void NoLinkPrintsAsAFieldCodeInTheBodyOrTheFootnotes(string template, string letter)
    {
        var printed = Printed(template, letter);
        TestContext.AddResultFile(printed.Pdf);

        var text = Flat(PdfTools.Text(printed.Pdf));

        Assert.DoesNotContain("HYPERLINK", text, $"{printed}: a link printed as a field code");
        Assert.DoesNotMatchRegex(FieldCode(), text, $"{printed}: a field code printed");
        Assert.Contains(Flat(printed.Letter.Signatory.Name), text, $"{printed}: text went missing");
    }

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    [DataRow("built-in")]
    [DataRow("restyled")]
    public void ALinkAtTheStartOfEveryRegionPrintsItsWordsAndIsALink(string template)
    {
        var printed = Printed(template, nameof(PrintedLetters.LinkedEverywhere));
        var text = Flat(PdfTools.Text(printed.Pdf));

        foreach (var link in PrintedLetters.LinkTexts)
        {
            Assert.Contains(Flat(link), text, $"{printed}: the link text '{link}' is missing");
        }

        // Every body paragraph that starts with a link keeps the words after it (LibreOffice dropped them with the field code).
        Assert.Contains("was published on 26 May 2021", text);
        Assert.Contains("applies to every force", text);
        var links = PdfTools.Structure(printed.Pdf).OfType("Link").Count();
        Assert.IsGreaterThanOrEqualTo(PrintedLetters.LinkTexts.Count, links, $"{printed}: {links} Link element(s)");
    }

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    [DynamicData(nameof(Combinations))]
    public void EveryPrintedLetterIsATaggedPdfWithTitleLanguageAndStructure(string template, string letter)
    {
        var printed = Printed(template, letter);

        var pdf = PdfTools.Structure(printed.Pdf);

        Assert.IsTrue(pdf.Marked, $"{printed}: /MarkInfo /Marked is not true");
        Assert.AreEqual("en-GB", pdf.Language, $"{printed}: /Lang");
        Assert.AreEqual(printed.Letter.Subject, pdf.Title, $"{printed}: the document title");
        Assert.IsTrue(pdf.DisplayDocTitle, $"{printed}: /ViewerPreferences /DisplayDocTitle is not true");
        Assert.IsNotEmpty(pdf.Headings.ToList(), $"{printed}: no heading");
        Assert.IsNotEmpty(pdf.OfType("P").ToList(), $"{printed}: no paragraph");
        var unnamed = pdf.OfType("Figure").Where(f => string.IsNullOrWhiteSpace(f.Alt)).ToList();
        Assert.IsEmpty(unnamed, $"{printed}: {unnamed.Count} figure(s) without alternative text");
    }

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void TheFullLetterTagsItsListsLinksAndBothPicturesWithTheirAltText()
    {
        var printed = Printed("built-in", "Full");

        var pdf = PdfTools.Structure(printed.Pdf);

        Assert.IsNotEmpty(pdf.OfType("L").ToList(), "no list");
        Assert.IsNotEmpty(pdf.OfType("LI").ToList(), "no list item");
        Assert.IsNotEmpty(pdf.OfType("Link").ToList(), "no link");
        var figures = pdf.OfType("Figure").Select(f => f.Alt).ToList();
        CollectionAssert.AreEquivalent(
            new[] { printed.Letter.Opcc.Logo!.AltText, printed.Letter.Signatory.Signature!.AltText },
            figures,
            "the logo and the signature, each with the alternative text the profile gives");
    }

    private static string Flat(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>What LibreOffice prints for a field it cannot show: its code, e.g. 'HYPERLINK "https://…"' or 'PAGEREF _Ref1'.</summary>
    [GeneratedRegex(@"\b(HYPERLINK|PAGEREF|MERGEFIELD|REF)\s+""?")]
    private static partial Regex FieldCode();
}
