using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Markup;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Tests.Markup;

[TestClass]
public sealed class RichTextWriterTests
{
    private const string EveryConstruct = """
        The Commissioner **welcomes** the _report_ and its
        *recommendations*, published [online](https://www.justiceinspectorates.gov.uk/hmicfrs/).[^1]
        Line one\
        Line two with a	tab.

        - a bullet
          - a nested bullet
        - another bullet

        3. third
           1. lettered
        4. fourth

        1. restarted

        [^1]: See **page 4** of [the report](https://example.org/report).
        """;

    private static W.Paragraph[] Paragraphs(IEnumerable<OpenXmlElement> elements) => elements.Cast<W.Paragraph>().ToArray();

    private static string Joined<T>(IEnumerable<T> values) => string.Join(" ", values);

    private static string? StyleOf(W.Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    private static (int Level, int NumberingId) NumberingOf(W.Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties!.NumberingProperties!;
        return (properties.NumberingLevelReference!.Val!.Value, properties.NumberingId!.Val!.Value);
    }

    [TestMethod]
    public void EveryConstructMakesAValidDocumentThatSurvivesSaving()
    {
        using var document = new TestDocument(withSettings: true);
        document.Write(EveryConstruct, "BodyText");

        document.AssertValid();
        document.Reopen();
        document.AssertValid();
        Assert.AreEqual(8, document.Body.Elements<W.Paragraph>().Count());
        Assert.IsNotNull(document.Main.FootnotesPart);
        Assert.IsNotNull(document.Main.NumberingDefinitionsPart);
    }

    [TestMethod]
    public void PlainParagraphsTakeTheGivenStyleAndNormalIsLeftImplicit()
    {
        using var document = new TestDocument();
        var styled = Paragraphs(document.Write("One.\n\nTwo.", "BodyText"));
        var normal = Paragraphs(document.Write("Three."));

        document.AssertValid();
        Assert.AreEqual("BodyText BodyText", Joined(styled.Select(StyleOf)));
        Assert.IsNull(normal[0].ParagraphProperties);
        Assert.AreEqual("Three.", normal[0].InnerText);
    }

    [TestMethod]
    public void BulletsUseListBulletStylesAndTheSharedBulletDefinition()
    {
        using var document = new TestDocument();
        var paragraphs = Paragraphs(document.Write("- one\n  - nested\n- two"));

        document.AssertValid();
        Assert.AreEqual("ListBullet ListBullet2 ListBullet", Joined(paragraphs.Select(StyleOf)));
        var numbering = paragraphs.Select(NumberingOf).ToArray();
        Assert.AreEqual("0 1 0", Joined(numbering.Select(n => n.Level)));
        Assert.AreEqual(1, numbering.Select(n => n.NumberingId).Distinct().Count());
        var levels = document.Main.NumberingDefinitionsPart!.Numbering!.Elements<W.AbstractNum>().Single().Elements<W.Level>().ToArray();
        Assert.AreEqual("\u2022 \u25E6", Joined(levels.Select(l => l.LevelText!.Val!.Value)));
        Assert.AreEqual("720 1440", Joined(levels.Select(l => l.PreviousParagraphProperties!.Indentation!.Left!.Value)));
    }

    [TestMethod]
    public void EachNumberedListRestartsAtItsOwnFirstNumber()
    {
        using var document = new TestDocument();
        var first = Paragraphs(document.Write("3. third\n4. fourth"));
        var second = Paragraphs(document.Write("1. again"));

        document.AssertValid();
        Assert.AreEqual("ListNumber", StyleOf(first[0]));
        var firstId = NumberingOf(first[0]).NumberingId;
        Assert.AreEqual(firstId, NumberingOf(first[1]).NumberingId);
        var secondId = NumberingOf(second[0]).NumberingId;
        Assert.AreNotEqual(firstId, secondId);

        var numbering = document.Main.NumberingDefinitionsPart!.Numbering!;
        var instances = numbering.Elements<W.NumberingInstance>().ToDictionary(n => n.NumberID!.Value);
        Assert.AreEqual(3, instances[firstId].GetFirstChild<W.LevelOverride>()!.StartOverrideNumberingValue!.Val!.Value);
        Assert.AreEqual(1, instances[secondId].GetFirstChild<W.LevelOverride>()!.StartOverrideNumberingValue!.Val!.Value);
        Assert.AreEqual(
            instances[firstId].AbstractNumId!.Val!.Value,
            instances[secondId].AbstractNumId!.Val!.Value,
            "numbered lists share one abstract definition");
        var levels = numbering.Elements<W.AbstractNum>().Single().Elements<W.Level>();
        Assert.AreEqual("decimal:%1. lowerLetter:%2)", Joined(levels.Select(l => $"{l.NumberingFormat!.Val!.InnerText}:{l.LevelText!.Val!.Value}")));
    }

    [TestMethod]
    public void NestedNumberedListGetsItsOwnInstanceAtLevelOne()
    {
        using var document = new TestDocument();
        var paragraphs = Paragraphs(document.Write("1. one\n   1. a\n2. two"));

        document.AssertValid();
        Assert.AreEqual("ListNumber2", StyleOf(paragraphs[1]));
        var nested = NumberingOf(paragraphs[1]);
        Assert.AreEqual(1, nested.Level);
        var instance = document.Main.NumberingDefinitionsPart!.Numbering!.Elements<W.NumberingInstance>().Single(n => n.NumberID!.Value == nested.NumberingId);
        Assert.AreEqual(1, instance.GetFirstChild<W.LevelOverride>()!.LevelIndex!.Value);
    }

    [TestMethod]
    public void ExistingNumberingIsKeptAndNewDefinitionsGoBeforeTheInstances()
    {
        using var document = new TestDocument();
        document.Main.AddNewPart<NumberingDefinitionsPart>().Numbering = new W.Numbering(
            new W.AbstractNum(new W.Level(new W.NumberingFormat { Val = W.NumberFormatValues.Decimal }, new W.LevelText { Val = "%1" }) { LevelIndex = 0 }) { AbstractNumberId = 0 },
            new W.NumberingInstance(new W.AbstractNumId { Val = 0 }) { NumberID = 1 });

        var paragraphs = Paragraphs(document.Write("- bullet\n\nText.\n\n1. number"));

        document.AssertValid();
        var numbering = document.Main.NumberingDefinitionsPart!.Numbering!;
        Assert.AreEqual("abstractNum abstractNum abstractNum num num num", Joined(numbering.ChildElements.Select(e => e.LocalName)));
        Assert.AreEqual(2, NumberingOf(paragraphs[0]).NumberingId);
        Assert.AreEqual(3, NumberingOf(paragraphs[2]).NumberingId);
    }

    [TestMethod]
    public void ASecondWriterReusesTheAbstractDefinitions()
    {
        using var document = new TestDocument();
        document.Write("1. a");
        document.Write("1. b");

        document.AssertValid();
        var numbering = document.Main.NumberingDefinitionsPart!.Numbering!;
        Assert.AreEqual(1, numbering.Elements<W.AbstractNum>().Count());
        Assert.AreEqual(2, numbering.Elements<W.NumberingInstance>().Count());
    }

    [TestMethod]
    public void HyperlinkPointsAtAnExternalRelationshipOfTheMainPart()
    {
        using var document = new TestDocument();
        var paragraph = Paragraphs(document.Write("See [the report](https://www.justiceinspectorates.gov.uk/hmicfrs/) now."))[0];

        document.AssertValid();
        var hyperlink = paragraph.Elements<W.Hyperlink>().Single();
        var relationship = document.Main.HyperlinkRelationships.Single(r => r.Id == hyperlink.Id);
        Assert.IsTrue(relationship.IsExternal);
        Assert.AreEqual("https://www.justiceinspectorates.gov.uk/hmicfrs/", relationship.Uri.OriginalString);
        Assert.AreEqual("the report", hyperlink.InnerText);
        Assert.AreEqual("Hyperlink", hyperlink.Elements<W.Run>().Single().RunProperties!.RunStyle!.Val!.Value);
    }

    [TestMethod]
    public void BoldItalicTabsAndSpacesBecomeRunProperties()
    {
        using var document = new TestDocument();
        var paragraph = Paragraphs(document.Write("Plain **bold _both_** *italic*\tafter tab"))[0];

        document.AssertValid();
        var runs = paragraph.Elements<W.Run>().ToArray();
        var described = runs.Select(r => $"{(r.RunProperties?.Bold is null ? "" : "b")}{(r.RunProperties?.Italic is null ? "" : "i")}:{r.InnerText}").ToArray();
        Assert.AreEqual(":Plain |b:bold |bi:both|: |i:italic|:after tab", string.Join("|", described));
        Assert.IsNotNull(runs[^1].GetFirstChild<W.TabChar>(), "a tab in the text becomes w:tab");
        Assert.AreEqual(SpaceProcessingModeValues.Preserve, runs[0].GetFirstChild<W.Text>()!.Space!.Value);
    }

    [TestMethod]
    public void HardLineBreakBecomesABreakInTheSameParagraph()
    {
        using var document = new TestDocument();
        var paragraphs = Paragraphs(document.Write("Chief Constable\\\nDyfed-Powys Police"));

        document.AssertValid();
        Assert.AreEqual(1, paragraphs.Length);
        Assert.AreEqual(1, paragraphs[0].Descendants<W.Break>().Count());
    }

    [TestMethod]
    public void FootnoteTextGoesToTheFootnotesPartWithWordsSeparators()
    {
        using var document = new TestDocument(withSettings: true);
        var paragraph = Paragraphs(document.Write("The report[^1] says so.\n\n[^1]: See **page 4**."))[0];

        document.AssertValid();
        var reference = paragraph.Descendants<W.FootnoteReference>().Single();
        Assert.AreEqual("FootnoteReference", ((W.Run)reference.Parent!).RunProperties!.RunStyle!.Val!.Value);
        var footnotes = document.Main.FootnotesPart!.Footnotes!.Elements<W.Footnote>().ToArray();
        Assert.AreEqual("-1 0 1", Joined(footnotes.Select(f => f.Id!.Value)));
        Assert.AreEqual(W.FootnoteEndnoteValues.Separator, footnotes[0].Type!.Value);
        Assert.AreEqual(W.FootnoteEndnoteValues.ContinuationSeparator, footnotes[1].Type!.Value);
        Assert.AreEqual(1, reference.Id!.Value);
        var note = footnotes[2].Elements<W.Paragraph>().Single();
        Assert.AreEqual("FootnoteText", StyleOf(note));
        Assert.AreEqual(" See page 4.", note.InnerText);
        Assert.IsNotNull(note.Descendants<W.Run>().Single(r => r.InnerText == "page 4").RunProperties!.Bold);
        var settings = document.Main.DocumentSettingsPart!.Settings!.GetFirstChild<W.FootnoteDocumentWideProperties>()!;
        Assert.AreEqual("-1 0", Joined(settings.Elements<W.FootnoteSpecialReference>().Select(r => r.Id!.Value)));
    }

    [TestMethod]
    public void FootnoteIdsContinueFromExistingFootnotesAcrossFields()
    {
        using var document = new TestDocument();
        document.Main.AddNewPart<FootnotesPart>().Footnotes = new W.Footnotes(
            new W.Footnote(new W.Paragraph(new W.Run(new W.SeparatorMark()))) { Type = W.FootnoteEndnoteValues.Separator, Id = -1 },
            new W.Footnote(new W.Paragraph(new W.Run(new W.ContinuationSeparatorMark()))) { Type = W.FootnoteEndnoteValues.ContinuationSeparator, Id = 0 },
            new W.Footnote(new W.Paragraph(new W.Run(new W.Text("Template note")))) { Id = 4 });
        var writer = new RichTextWriter(document.Main);

        document.Write("a[^1]\n[^1]: first", writer: writer);
        document.Write("b[^1] c[^2]\n[^1]: second\n[^2]: third", writer: writer);

        document.AssertValid();
        Assert.AreEqual("5 6 7", Joined(document.Body.Descendants<W.FootnoteReference>().Select(r => r.Id!.Value)));
        Assert.AreEqual("Template note", document.Main.FootnotesPart!.Footnotes!.Elements<W.Footnote>().Single(f => f.Id! == 4).InnerText);
    }

    [TestMethod]
    public void LinkInsideAFootnoteIsRelatedFromTheFootnotesPart()
    {
        using var document = new TestDocument();
        document.Write("x[^1]\n[^1]: [source](https://example.org/source)");

        document.AssertValid();
        var footnotesPart = document.Main.FootnotesPart!;
        var hyperlink = footnotesPart.Footnotes!.Descendants<W.Hyperlink>().Single();
        Assert.AreEqual("https://example.org/source", footnotesPart.HyperlinkRelationships.Single(r => r.Id == hyperlink.Id).Uri.OriginalString);
        Assert.IsFalse(document.Main.HyperlinkRelationships.Any());
    }

    [TestMethod]
    public void MissingStylesAreAddedAndExistingOnesKept()
    {
        using var document = new TestDocument();
        var styles = document.Main.StyleDefinitionsPart!.Styles!;
        styles.Append(new W.Style(new W.StyleName { Val = "Hyperlink" }, new W.StyleRunProperties(new W.Color { Val = "FF0000" }))
        {
            Type = W.StyleValues.Character,
            StyleId = "Hyperlink",
        });

        document.Write("- [a](https://example.org)[^1]\n  1. b\n\n1. c\n  - d\n[^1]: note");

        document.AssertValid();
        var byId = styles.Elements<W.Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.AreEqual(
            "FootnoteReference FootnoteText Hyperlink ListBullet ListBullet2 ListNumber ListNumber2 Normal",
            Joined(byId.Keys.Order(StringComparer.Ordinal)));

        Assert.AreEqual("FF0000", byId["Hyperlink"].StyleRunProperties!.Color!.Val!.Value, "the template's own Hyperlink style is kept");
        Assert.AreEqual("Normal", byId["ListBullet"].BasedOn!.Val!.Value);
        Assert.AreEqual(W.VerticalPositionValues.Superscript, byId["FootnoteReference"].StyleRunProperties!.VerticalTextAlignment!.Val!.Value);
    }

    [TestMethod]
    public void DocumentWithoutStylesOrNumberingGetsThem()
    {
        using var stream = new MemoryStream();
        using var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        main.Document = new W.Document(new W.Body());
        var parsed = RichText.Parse("- item with [link](https://example.org)[^n]\n\n[^n]: note");

        main.Document.Body!.Append(new RichTextWriter(main).Write(parsed.Blocks));

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(FileFormatVersions.Office2019).Validate(word).Select(e => e.Description);
        Assert.AreEqual("", string.Join("\n", errors));
        Assert.IsNotNull(main.StyleDefinitionsPart?.Styles);
        Assert.IsNotNull(main.NumberingDefinitionsPart?.Numbering);
    }

    [TestMethod]
    public void WriteInlineGivesTheRunsOfOneParagraph()
    {
        using var document = new TestDocument();
        var runs = new RichTextWriter(document.Main).WriteInline(RichText.Parse("Rt Hon **Jane Smith** [MP](https://example.org)").Blocks);
        document.Body.Append(new W.Paragraph(runs));

        document.AssertValid();
        Assert.AreEqual("Run Run Run Hyperlink", Joined(runs.Select(r => r.GetType().Name)));
        Assert.AreEqual("Rt Hon Jane Smith MP", document.Body.InnerText);
    }

    [TestMethod]
    public void WriteInlineOfAnEmptyFieldIsEmpty()
    {
        using var document = new TestDocument();
        Assert.AreEqual(0, new RichTextWriter(document.Main).WriteInline([]).Count);
    }

    [TestMethod]
    [DataRow("One.\n\nTwo.", "2 paragraphs")]
    [DataRow("- a list", "a list")]
    public void WriteInlineRejectsMoreThanOneParagraph(string markup, string described)
    {
        using var document = new TestDocument();
        var writer = new RichTextWriter(document.Main);
        var error = Assert.ThrowsExactly<ArgumentException>(() => writer.WriteInline(RichText.Parse(markup).Blocks));
        StringAssert.Contains(error.Message, described);
    }
}
