using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Tests.Fixtures;
using ResponseDrafter.Documents.Tests.Letters;
using ResponseDrafter.TestSupport;
using static ResponseDrafter.Documents.Tests.Import.ImportFixtures;

namespace ResponseDrafter.Documents.Tests.Import;

/// <summary>
/// Reports as PDFs the tests make themselves: Word files laid out as HMICFRS lays out its reports (a title page, running
/// headers and footers with page numbers, a recommendations chapter, two columns with boxed recommendations, words
/// hyphenated at line ends), converted by LibreOffice and read back. Each recommendation must come back word for word.
/// </summary>
[TestClass]
public sealed partial class PdfReportTests
{
    private const string RunningHeader = "The hidden victims: HMICFRS report on a super-complaint";

    private static IReadOnlyDictionary<string, byte[]> pdfs = new Dictionary<string, byte[]>();

    /// <summary>
    /// Recommendations 2, 3 and 4 of the 2021 report: sub-items, long texts that break across pages, a heading too long for
    /// its line. (Recommendation 6, "Monitoring of recommendations", is a title rather than a sentence and is read from
    /// pasted text in <see cref="RecommendationImportTests"/>.)
    /// </summary>
    private static IReadOnlyList<Recommendation> Source => [.. TestLetters.HiddenVictims().Recommendations.Take(3)];

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static void MakePdfs(TestContext context)
    {
        _ = context;
        pdfs = PdfTools.ToPdf(new Dictionary<string, byte[]>
        {
            ["chapter"] = Report(columns: 1, boxed: false, hyphenate: false),
            ["columns"] = Report(columns: 2, boxed: true, hyphenate: false),
            ["hyphenated"] = Report(columns: 2, boxed: false, hyphenate: true),
        });
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    [DataRow("chapter", DisplayName = "a recommendations chapter with running headers and footers")]
    [DataRow("columns", DisplayName = "two columns with boxed recommendations")]
    [DataRow("hyphenated", DisplayName = "words hyphenated at line ends")]
    public void EveryRecommendationComesBackVerbatimWithItsPage(string layout)
    {
        var read = PdfReport.Read(pdfs[layout], $"{layout}.pdf");

        Assert.IsNull(read.Refusal, read.Refusal?.Message);
        var preview = read.Preview!;
        Expect.Sequence(Shape(preview), [.. Shape(Source)]);
        Assert.IsEmpty(preview.Unplaced.Where(u => u.Text.Contains("should", StringComparison.Ordinal)), "no recommendation text is left unplaced");
        Expect.Sequence(read.Pages.Select(p => p.Number), [.. Source.Select(r => r.Number)]);
        Assert.IsTrue(read.Pages.All(p => p.Page >= 2), "the recommendations follow the title page");
        Assert.IsTrue(read.Pages.Zip(read.Pages.Skip(1)).All(p => p.First.Page <= p.Second.Page), "pages in order");
        Assert.IsTrue(preview.Removed.Any(r => r.Reason == RemovalReason.RunningHeader && r.Text == RunningHeader), "the running header is taken out");
        Assert.IsTrue(preview.Removed.Any(r => r.Reason == RemovalReason.PageNumber), "page numbers are taken out");
    }

    [TestMethod]
    public void TheTitleAndPublicationDateAreReadFromTheFirstPage()
    {
        var read = PdfReport.Read(pdfs["chapter"], "chapter.pdf");

        Assert.AreEqual(new DateOnly(2021, 5, 26), read.PublishedOn);
        Assert.AreEqual(TestLetters.HiddenVictims().Title, read.Title);
    }

    [TestMethod]
    public void WordsTheLayoutHyphenatedAreJoinedAndListed()
    {
        var read = PdfReport.Read(pdfs["hyphenated"], "hyphenated.pdf");

        Assert.IsNotEmpty(read.Preview!.Joins, "the narrow columns broke some words");
        var sourceWords = Source.SelectMany(r => r.SubItems.Select(s => s.Text).Append(r.Text)).SelectMany(t => t.Split(' ')).ToHashSet();
        foreach (var join in read.Preview.Joins)
        {
            Assert.IsTrue(sourceWords.Any(w => w.Contains(join.Joined, StringComparison.Ordinal)), $"{join.Joined} (printed {join.AsPrinted}) is a word of the report");
        }
    }

    [TestMethod]
    public void AnEncryptedPdfIsRefusedWithItsOwnCode()
    {
        var encrypted = PdfTools.ToPdf(
            new Dictionary<string, byte[]> { ["locked"] = new WordFile().Paragraph("Recommendation 1: To chief constables").Paragraph("Do this.").Build() },
            """pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}""")["locked"];

        var read = PdfReport.Read(encrypted, "locked.pdf");

        Assert.AreEqual(UploadRefusalCode.EncryptedPdf, read.Refusal?.Code);
        StringAssert.Contains(read.Refusal!.Message, "\"locked.pdf\" is encrypted");
    }

    [TestMethod]
    public void AReportWithMorePagesThanAllowedIsRefusedBeforeItsTextIsRead()
    {
        var read = PdfReport.Read(pdfs["chapter"], "chapter.pdf", new PdfLimits { MaxPages = 1 });

        Assert.AreEqual(UploadRefusalCode.TooManyPages, read.Refusal?.Code);
    }

    [TestMethod]
    [DataRow("", UploadRefusalCode.Empty)]
    [DataRow("Recommendation 1: To chief constables", UploadRefusalCode.Malformed)]
    [DataRow("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF", UploadRefusalCode.Malformed)]
    public void WhatIsNotAReadablePdfIsRefusedNeverThrown(string content, UploadRefusalCode code)
    {
        Assert.AreEqual(code, PdfReport.Read(Encoding.ASCII.GetBytes(content), "report.pdf").Refusal?.Code);
    }

    /// <summary>A report laid out as HMICFRS does: title page, introduction, then the recommendations.</summary>
    private static byte[] Report(int columns, bool boxed, bool hyphenate)
    {
        var info = TestLetters.HiddenVictims();
        var file = new WordFile()
            .Heading(1, info.Title)
            .Paragraph("Published 26 May 2021")
            .Raw(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        file.Heading(1, "Introduction");
        foreach (var (place, finding) in Findings)
        {
            file.Paragraph($"In {place} the inspection found that {finding}. This part of the report explains what that means for victims of " +
                $"modern slavery in {place}, what the force has begun to change, and why the recommendations that follow matter to the officers there.");
        }

        file.Heading(1, "Recommendations");
        foreach (var recommendation in Source)
        {
            var heading = new Paragraph(new Run(new RunProperties(new Bold()), new Text($"Recommendation {recommendation.Number}: To {string.Join(" and ", recommendation.Addressees)}")));
            file.Raw(Boxed(heading, boxed));
            file.Raw(Boxed(Plain(Hyphenated(recommendation.Text, hyphenate)), boxed));
            foreach (var item in recommendation.SubItems)
            {
                file.Raw(Boxed(Plain($"{item.Label}. {Hyphenated(item.Text, hyphenate)}"), boxed));
            }
        }

        return file.Build(document => Furnish(document, columns));
    }

    private static readonly (string Place, string Finding)[] Findings =
    [
        ("the first force", "officers did not always recognise the signs of exploitation"),
        ("the second force", "referrals to the National Referral Mechanism were often late"),
        ("the third force", "victims waited too long for a place of safety"),
        ("the fourth force", "investigations were allocated to teams without the right skills"),
        ("the fifth force", "support ended when the criminal case closed"),
        ("the sixth force", "partners shared information well but slowly"),
    ];

    private static Paragraph Plain(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Boxed(Paragraph paragraph, bool boxed)
    {
        if (boxed)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphBorders(
                new TopBorder { Val = BorderValues.Single, Size = 6 }, new LeftBorder { Val = BorderValues.Single, Size = 6 },
                new BottomBorder { Val = BorderValues.Single, Size = 6 }, new RightBorder { Val = BorderValues.Single, Size = 6 }),
                new Shading { Val = ShadingPatternValues.Clear, Fill = "E7EEF7" }));
        }

        return paragraph;
    }

    /// <summary>Soft hyphens in the middle of every long word, where a narrow column will break some of them.</summary>
    private static string Hyphenated(string text, bool hyphenate) =>
        hyphenate ? LongWord().Replace(text, m => m.Value.Insert(m.Value.Length / 2, "\u00AD")) : text;

    /// <summary>A running header and a page-number footer on every page, and the columns of the body.</summary>
    private static void Furnish(WordprocessingDocument document, int columns)
    {
        var main = document.MainDocumentPart!;
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(new Paragraph(new Run(new Text(RunningHeader))));
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        main.Document.Body!.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1440, Right = 1440, Bottom = 1440, Left = 1440, Header = 708, Footer = 708, Gutter = 0 },
            new Columns { ColumnCount = (Int16Value)(short)columns, Space = "567" }));
    }

    [GeneratedRegex(@"\b\p{Ll}{10,}\b")]
    private static partial Regex LongWord();
}
