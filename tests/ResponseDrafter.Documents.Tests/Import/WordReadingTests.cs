using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Markup;
using ResponseDrafter.Documents.Tests.Fixtures;
using ResponseDrafter.TestSupport;
using static ResponseDrafter.Documents.Tests.Import.ImportFixtures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Tests.Import;

[TestClass]
public sealed class WordReadingTests
{
    private static DocumentSection Only(byte[] docx)
    {
        var read = AssuranceImport.Read(docx, "note.docx");
        Assert.IsNull(read.Refusal, read.Refusal?.Message);
        return read.Document!.Sections.Single();
    }

    private static string Printed(string markup)
    {
        var parsed = RichText.Parse(markup);
        Assert.IsEmpty(parsed.Problems, string.Join("; ", parsed.Problems));
        return string.Join(" / ", parsed.Blocks.Select(b => b is ParagraphBlock p ? Plain(p.Inlines) : b.GetType().Name));
    }

    private static string Plain(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(i => i switch
    {
        TextSpan t => t.Text,
        BoldSpan b => Plain(b.Content),
        ItalicSpan it => Plain(it.Content),
        LinkSpan l => Plain(l.Content),
        LineBreak => "\n",
        _ => string.Empty,
    }));

    [TestMethod]
    public void TextThatLooksLikeMarkupIsEscapedAndPrintsAsTheForceWroteIt()
    {
        string[] lines =
        [
            "# 1 priority is *not* a heading, [sic] and snake_case_team",
            "1. Not a list: 2 * 3 = 6 and a `tick`",
            "- not a bullet, > not a quote, <b>not html</b> and ~~not struck~~",
            "See https://example.org/a_b*c for the back\\slash",
        ];
        var section = Only(lines.Aggregate(new WordFile(), (b, l) => b.Paragraph(l)).Build());

        Assert.AreEqual(string.Join(" / ", lines), Printed(section.Text));
    }

    [TestMethod]
    public void BoldItalicAndLinksBecomeMarkupAtTheEdgesOfWords()
    {
        var section = Only(new WordFile()
            .Paragraph(new TextRun("Accepted ", Bold: true), "in full, ", new TextRun("partly", Italic: true), " by the ", new TextRun("PCC", Bold: true), "s; see ",
                new TextRun("the report", Link: "https://www.justiceinspectorates.gov.uk/hmicfrs/"), ".")
            .Build());

        Assert.AreEqual("**Accepted** in full, _partly_ by the PCCs; see [the report](https://www.justiceinspectorates.gov.uk/hmicfrs/).", section.Text);
    }

    [TestMethod]
    public void ListsKeepTheirKindNestingAndLetters()
    {
        var section = Only(new WordFile()
            .Paragraph("The force will:")
            .List(WordList.Bullet).Item("review its plan").Item("report to the board", level: 1).Item("publish it")
            .Paragraph("In order:")
            .List(WordList.Numbered).Item("first").Item("second")
            .List(WordList.Lettered).Item("lettered").Item("lettered again")
            .Build());

        Assert.AreEqual(
            "The force will:\n\n- review its plan\n  - report to the board\n- publish it\n\nIn order:\n\n1. first\n2. second\n\na. lettered\n\nb. lettered again",
            section.Text);
        Assert.IsEmpty(RichText.Parse(section.Text).Problems);
    }

    [TestMethod]
    public void HiddenDeletedAndTextBoxTextIsLeftOutAndTabsBreaksAndHyphensReadAsWordShowsThem()
    {
        var paragraph = new W.Paragraph(
            new W.Run(new W.Text("Officers")),
            new W.Run(new W.TabChar(), new W.Text("trained"), new W.Break(), new W.Text("in"), new W.NoBreakHyphen(), new W.Text("house"), new W.Break { Type = W.BreakValues.Page }, new W.Text("now")),
            new W.Run(new W.RunProperties(new W.Vanish()), new W.Text(" hidden")),
            new W.Run(new W.RunProperties(new W.Vanish { Val = false }), new W.Text(" shown")),
            new W.DeletedRun(new W.Run(new W.DeletedText(" struck out"))) { Id = "1", Author = "A" },
            new W.InsertedRun(new W.Run(new W.Text(" added"))) { Id = "2", Author = "A" },
            new W.Run(new W.Picture(new W.TextBoxContent(new W.Paragraph(new W.Run(new W.Text("In a text box.")))))));

        var section = Only(new WordFile().Raw(paragraph).Build());

        Assert.AreEqual("Officers\ttrained\\\nin-house now shown added", section.Text);
    }

    [TestMethod]
    public void BoldShortParagraphsAndRecommendationHeadingsStartSections()
    {
        var read = AssuranceImport.Read(new WordFile()
            .Paragraph(new TextRun("Victim support", Bold: true))
            .Paragraph("Arrangements are in place.")
            .Paragraph("Recommendation 3: To chief constables")
            .Paragraph(new TextRun("This paragraph is entirely bold but it is a sentence.", Bold: true))
            .Build(), "note.docx");

        Expect.Sequence(read.Document!.Sections.Select(s => $"{s.Id} {s.Heading} | {s.Text}"),
            "s1 Victim support | Arrangements are in place.",
            "s2 Recommendation 3: To chief constables | **This paragraph is entirely bold but it is a sentence.**");
    }

    [TestMethod]
    public void AReportUploadedAsWordReadsWithItsListLetters()
    {
        var upload = RecommendationImport.ParseWord(new WordFile()
            .Heading(2, "Recommendation 1: To chief constables")
            .Paragraph("By 30 September 2022, chief constables should:")
            .List(WordList.Lettered).Item("review their vetting backlog;").Item("publish the results.")
            .Heading(2, "Recommendation 2: To police and crime commissioners")
            .Paragraph("PCCs should hold their chief constable to account.")
            .Build(), "report.docx");

        Assert.IsNull(upload.Refusal);
        Expect.Sequence(Shape(upload.Preview!),
            "1 [chief constables] By 30 September 2022, chief constables should:",
            "  a. review their vetting backlog;",
            "  b. publish the results.",
            "2 [police and crime commissioners] PCCs should hold their chief constable to account.");
        Assert.IsEmpty(upload.Preview!.Warnings);
        Expect.Sequence(upload.Preview.Labels.Select(l => $"{l.Line} {l.Text}"),
            "1 Recommendation 1: To chief constables", "5 a.", "7 b.", "9 Recommendation 2: To police and crime commissioners");
    }

    [TestMethod]
    public void AHostileReportUploadIsRefusedNotParsed()
    {
        var upload = RecommendationImport.ParseWord([0x25, 0x50, 0x44, 0x46], "report.pdf");

        Assert.IsNull(upload.Preview);
        Assert.AreEqual(UploadRefusalCode.NotWord, upload.Refusal!.Code);
    }
}
