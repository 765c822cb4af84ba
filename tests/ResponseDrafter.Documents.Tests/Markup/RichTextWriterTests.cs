using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Tests.Letters;
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

    private static string Joined<T>(IEnumerable<T> values) => string.Join(" ", values);

    private static string? StyleOf(W.Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    private static (int Level, int NumberingId) NumberingOf(W.Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties!.NumberingProperties!;
        return (properties.NumberingLevelReference!.Val!.Value, properties.NumberingId!.Val!.Value);
    }

    private static readonly string[] AddedStyles = ["FootnoteReference", "FootnoteText", "Hyperlink", "ListBullet", "ListBullet2", "ListNumber", "ListNumber2"];

    [TestMethod]
    public void EveryConstructAssemblesIntoAValidDocument()
    {
        using var document = AssembledMarkup.Opening(EveryConstruct);

        Assert.HasCount(8, document.Paragraphs());
        Assert.IsNotNull(document.Main.FootnotesPart);
        Assert.IsNotNull(document.Main.NumberingDefinitionsPart);
    }

    [TestMethod]
    public void PlainParagraphsTakeTheControlsStyleAndNormalIsLeftImplicit()
    {
        var report = new ReportInfo { Title = "A report", PublishedOn = new DateOnly(2021, 5, 26), Recommendations = [TestLetters.Recommendation("1", "Do it.", "chief constables")] };
        var answer = TestLetters.Answer("1") with
        {
            Assurance = new Assurance { Text = "One.\n\nTwo.", Provenance = new Provenance { SuppliedBy = "DCI Example", ReceivedOn = new DateOnly(2021, 6, 1) } },
        };
        using var document = new AssembledMarkup(letter => letter with { Report = report, Responses = [answer], Opening = "Three." });

        var styled = document.Paragraphs("response.assurance");
        var normal = document.Paragraphs("opening");

        Assert.AreEqual("Quote Quote Attribution", Joined(styled.Select(StyleOf)));
        Assert.IsNull(normal[0].ParagraphProperties);
        Assert.AreEqual("Three.", normal[0].InnerText);
    }

    [TestMethod]
    public void BulletsUseListBulletStylesAndTheSharedBulletDefinition()
    {
        using var document = AssembledMarkup.Opening("- one\n  - nested\n- two");
        var paragraphs = document.Paragraphs();

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
        using var document = AssembledMarkup.Opening("3. third\n4. fourth", context: "1. again");
        var first = document.Paragraphs("opening");
        var second = document.Paragraphs("context");

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
        using var document = AssembledMarkup.Opening("1. one\n   1. a\n2. two");
        var paragraphs = document.Paragraphs();

        Assert.AreEqual("ListNumber2", StyleOf(paragraphs[1]));
        var nested = NumberingOf(paragraphs[1]);
        Assert.AreEqual(1, nested.Level);
        var instance = document.Main.NumberingDefinitionsPart!.Numbering!.Elements<W.NumberingInstance>().Single(n => n.NumberID!.Value == nested.NumberingId);
        Assert.AreEqual(1, instance.GetFirstChild<W.LevelOverride>()!.LevelIndex!.Value);
    }

    [TestMethod]
    public void ExistingNumberingIsKeptAndNewDefinitionsGoBeforeTheInstances()
    {
        using var document = AssembledMarkup.Opening("- bullet\n\nText.\n\n1. number", editTemplate: template =>
            template.MainDocumentPart!.NumberingDefinitionsPart!.Numbering = new W.Numbering(
                new W.AbstractNum(new W.Level(new W.NumberingFormat { Val = W.NumberFormatValues.Decimal }, new W.LevelText { Val = "%1" }) { LevelIndex = 0 }) { AbstractNumberId = 0 },
                new W.NumberingInstance(new W.AbstractNumId { Val = 0 }) { NumberID = 1 }));
        var paragraphs = document.Paragraphs();

        var numbering = document.Main.NumberingDefinitionsPart!.Numbering!;
        Assert.AreEqual("abstractNum abstractNum abstractNum num num num", Joined(numbering.ChildElements.Select(e => e.LocalName)));
        Assert.AreEqual(2, NumberingOf(paragraphs[0]).NumberingId);
        Assert.AreEqual(3, NumberingOf(paragraphs[2]).NumberingId);
    }

    [TestMethod]
    public void ListsInSeveralFieldsShareTheAbstractDefinitions()
    {
        using var document = AssembledMarkup.Opening("1. a", context: "1. b");

        var numbering = document.Main.NumberingDefinitionsPart!.Numbering!;
        Assert.AreEqual(1, numbering.Elements<W.AbstractNum>().Count());
        Assert.AreEqual(2, numbering.Elements<W.NumberingInstance>().Count());
    }

    [TestMethod]
    public void ATemplateThatHasTheDefinitionsAlreadyKeepsThemAndGetsNoMore()
    {
        using var first = AssembledMarkup.Opening("- a\n\n1. b");
        var firstNumbering = first.Main.NumberingDefinitionsPart!.Numbering!.CloneNode(true);

        using var document = AssembledMarkup.Opening("- c\n\n1. d", editTemplate: template =>
            template.MainDocumentPart!.NumberingDefinitionsPart!.Numbering = (W.Numbering)firstNumbering);

        var numbering = document.Main.NumberingDefinitionsPart!.Numbering!;
        Assert.AreEqual(2, numbering.Elements<W.AbstractNum>().Count());
        Assert.AreEqual(4, numbering.Elements<W.NumberingInstance>().Count());
    }

    [TestMethod]
    public void HyperlinkPointsAtAnExternalRelationshipOfTheMainPart()
    {
        using var document = AssembledMarkup.Opening("See [the report](https://www.justiceinspectorates.gov.uk/hmicfrs/) now.");
        var paragraph = document.Paragraphs()[0];

        var hyperlink = paragraph.Elements<W.Hyperlink>().Single();
        var relationship = document.Main.HyperlinkRelationships.Single(r => r.Id == hyperlink.Id);
        Assert.IsTrue(relationship.IsExternal);
        Assert.AreEqual("https://www.justiceinspectorates.gov.uk/hmicfrs/", relationship.Uri.OriginalString);
        Assert.AreEqual("the report", hyperlink.InnerText);
        Assert.AreEqual("Hyperlink", hyperlink.Elements<W.Run>().Single().RunProperties!.RunStyle!.Val!.Value);
    }

    [TestMethod]
    public void FirstParagraphOfARegionWithALinkStartsWithAnEmptyUntaggedControlSoLibreOfficePrintsTheLink()
    {
        using var document = AssembledMarkup.Opening("[The report](https://www.justiceinspectorates.gov.uk/hmicfrs/) is out.\n\nSee [the summary](https://example.org/summary).");
        var paragraphs = document.Paragraphs();

        var marker = paragraphs[0].Elements<W.SdtRun>().Single();
        Assert.AreSame(marker, paragraphs[0].ChildElements[0], "the marker opens the paragraph");
        Assert.IsNull(marker.SdtProperties!.GetFirstChild<W.Tag>(), "the marker is not a region");
        Assert.AreEqual(string.Empty, marker.InnerText);
        Assert.AreEqual("The report", paragraphs[0].Elements<W.Hyperlink>().Single().InnerText, "the link itself stays outside any control");
        Assert.IsEmpty(paragraphs[1].Elements<W.SdtRun>().ToList(), "later paragraphs need no marker");
    }

    [TestMethod]
    public void FirstParagraphWithoutALinkHasNoMarker()
    {
        using var document = AssembledMarkup.Opening("No link here.\n\nSee [the summary](https://example.org/summary).");

        Assert.IsEmpty(document.Paragraphs()[0].Elements<W.SdtRun>().ToList());
    }

    [TestMethod]
    public void BoldItalicTabsAndSpacesBecomeRunProperties()
    {
        using var document = AssembledMarkup.Opening("Plain **bold _both_** *italic*\tafter tab & 1 < 2");
        var paragraph = document.Paragraphs()[0];

        var runs = paragraph.Elements<W.Run>().ToArray();
        var described = runs.Select(r => $"{(r.RunProperties?.Bold is null ? "" : "b")}{(r.RunProperties?.Italic is null ? "" : "i")}:{r.InnerText}").ToArray();
        Assert.AreEqual(":Plain |b:bold |bi:both|: |i:italic|:after tab & 1 < 2", string.Join("|", described));
        Assert.IsNotNull(runs[^1].GetFirstChild<W.TabChar>(), "a tab in the text becomes w:tab");
        Assert.AreEqual(SpaceProcessingModeValues.Preserve, runs[0].GetFirstChild<W.Text>()!.Space!.Value);
    }

    [TestMethod]
    public void HardLineBreakBecomesABreakInTheSameParagraph()
    {
        using var document = AssembledMarkup.Opening("Chief Constable\\\nDyfed-Powys Police");
        var paragraphs = document.Paragraphs();

        Assert.HasCount(1, paragraphs);
        Assert.AreEqual(1, paragraphs[0].Descendants<W.Break>().Count());
    }

    [TestMethod]
    public void FootnoteTextGoesToTheFootnotesPartWithWordsSeparators()
    {
        using var document = AssembledMarkup.Opening("The report[^1] says so.\n\n[^1]: See **page 4**.");
        var paragraph = document.Paragraphs()[0];

        AssertFootnote(document, paragraph);
    }

    [TestMethod]
    public void ATemplateWithoutFootnotesGetsAFootnotesPartAndTheSettingsWordExpects()
    {
        using var document = AssembledMarkup.Opening("The report[^1] says so.\n\n[^1]: See **page 4**.", editTemplate: template =>
        {
            var main = template.MainDocumentPart!;
            main.DeletePart(main.FootnotesPart!);
            main.DocumentSettingsPart!.Settings!.RemoveAllChildren<W.FootnoteDocumentWideProperties>();
        });
        var paragraph = document.Paragraphs()[0];

        AssertFootnote(document, paragraph);
    }

    [TestMethod]
    public void FootnoteIdsContinueFromExistingFootnotesAcrossFields()
    {
        using var document = AssembledMarkup.Opening("a[^1]\n[^1]: first", context: "b[^1] c[^2]\n[^1]: second\n[^2]: third", editTemplate: template =>
            template.MainDocumentPart!.FootnotesPart!.Footnotes!.Append(new W.Footnote(new W.Paragraph(new W.Run(new W.Text("Template note")))) { Id = 4 }));

        var body = document.Main.Document!.Body!;
        Assert.AreEqual("5 6 7", Joined(body.Descendants<W.FootnoteReference>().Select(r => r.Id!.Value)));
        Assert.AreEqual("Template note", document.Main.FootnotesPart!.Footnotes!.Elements<W.Footnote>().Single(f => f.Id! == 4).InnerText);
    }

    [TestMethod]
    public void LinkInsideAFootnoteIsRelatedFromTheFootnotesPart()
    {
        using var document = AssembledMarkup.Opening("x[^1]\n[^1]: [source](https://example.org/source)");

        var footnotesPart = document.Main.FootnotesPart!;
        var hyperlink = footnotesPart.Footnotes!.Descendants<W.Hyperlink>().Single();
        Assert.AreEqual("https://example.org/source", footnotesPart.HyperlinkRelationships.Single(r => r.Id == hyperlink.Id).Uri.OriginalString);
        Assert.IsFalse(document.Main.HyperlinkRelationships.Any());
    }

    [TestMethod]
    public void MissingStylesAreAddedAndExistingOnesKept()
    {
        using var document = AssembledMarkup.Opening("- [a](https://example.org)[^1]\n  1. b\n\n1. c\n  - d\n[^1]: note", editTemplate: template =>
        {
            var styles = template.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
            foreach (var style in styles.Elements<W.Style>().Where(s => AddedStyles.Contains(s.StyleId?.Value)).ToList())
            {
                style.Remove();
            }

            styles.Append(new W.Style(new W.StyleName { Val = "Hyperlink" }, new W.StyleRunProperties(new W.Color { Val = "FF0000" }))
            {
                Type = W.StyleValues.Character,
                StyleId = "Hyperlink",
            });
        });

        var byId = document.Main.StyleDefinitionsPart!.Styles!.Elements<W.Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.IsEmpty(AddedStyles.Where(id => !byId.ContainsKey(id)).ToList());
        Assert.AreEqual("FF0000", byId["Hyperlink"].StyleRunProperties!.Color!.Val!.Value, "the template's own Hyperlink style is kept");
        Assert.AreEqual("Normal", byId["ListBullet"].BasedOn!.Val!.Value);
        Assert.AreEqual(W.VerticalPositionValues.Superscript, byId["FootnoteReference"].StyleRunProperties!.VerticalTextAlignment!.Val!.Value);
    }

    [TestMethod]
    public void TemplateWithoutStylesNumberingOrFootnotesGetsThem()
    {
        using var document = AssembledMarkup.Opening("- item with [link](https://example.org)[^n]\n\n[^n]: note", editTemplate: template =>
        {
            var main = template.MainDocumentPart!;
            main.DeletePart(main.StyleDefinitionsPart!);
            main.DeletePart(main.NumberingDefinitionsPart!);
            main.DeletePart(main.FootnotesPart!);
        });

        Assert.IsNotNull(document.Main.StyleDefinitionsPart?.Styles);
        Assert.IsNotNull(document.Main.NumberingDefinitionsPart?.Numbering);
        Assert.IsNotNull(document.Main.FootnotesPart?.Footnotes);
        Assert.IsNull(document.Main.StyleDefinitionsPart.Styles.Elements<W.Style>().Single(s => s.StyleId == "ListBullet").BasedOn);
    }

    [TestMethod]
    public void ReasonRunsOnInTheStatusParagraphWithItsFormattingAndLinks()
    {
        var report = new ReportInfo { Title = "A report", PublishedOn = new DateOnly(2021, 5, 26), Recommendations = [TestLetters.Recommendation("1", "Do it.", "chief constables")] };
        var answer = TestLetters.Answer("1", ResponseStatus.NoAction) with { Reason = "Rt Hon **Jane Smith** [MP](https://example.org) gave reasons\n\n- first\n- second" };
        using var document = new AssembledMarkup(letter => letter with { Report = report, Responses = [answer] });

        var status = document.Main.Document!.Body!.Descendants<W.Paragraph>().Single(p => StyleOf(p) == "Status");

        Assert.AreEqual("Status: No action will be taken: Rt Hon Jane Smith MP gave reasons; first; second", status.InnerText);
        Assert.IsNotNull(status.Descendants<W.Hyperlink>().SingleOrDefault());
        Assert.IsNotNull(status.Descendants<W.Run>().Single(r => r.InnerText == "Jane Smith").RunProperties!.Bold);
    }

    private static void AssertFootnote(AssembledMarkup document, W.Paragraph paragraph)
    {
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
}
