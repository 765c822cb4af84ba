using System.Xml;
using ResponseDrafter.Documents.Drafting;

namespace ResponseDrafter.Documents.Tests.Drafting;

[TestClass]
public sealed class PartRegionsTests
{
    private const string Open = """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""";
    private const string Close = "</w:body></w:document>";

    private static string Control(string tag, string content) =>
        $"""<w:sdt><w:sdtPr><w:alias w:val="A"/><w:tag w:val="{tag}"/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>""";

    private static string Names(IEnumerable<RegionSpan> spans) => string.Join(", ", spans.Select(s => s.Name));

    private static string Paragraph(string text) => $"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>";

    /// <summary>Checks the span's offsets cut exactly the control and its content out of the text.</summary>
    private static void AssertCuts(string xml, RegionSpan span, string content)
    {
        Assert.StartsWith("<w:sdt>", xml[span.Start..span.End]);
        Assert.EndsWith("</w:sdt>", xml[span.Start..span.End]);
        Assert.AreEqual(content, xml[span.ContentStart..span.ContentEnd]);
    }

    [TestMethod]
    public void ATopLevelControlIsFoundWithItsContent()
    {
        var content = Paragraph("Thank you for the report.");
        var xml = Open + Paragraph("Dear Home Secretary") + Control("opening", content) + Close;

        var span = PartRegions.Locate(xml).Single();

        Assert.AreEqual("opening", span.Tag);
        Assert.IsNull(span.Key);
        Assert.AreEqual("opening", span.Name);
        AssertCuts(xml, span, content);
        Assert.IsEmpty(span.Children);
    }

    [TestMethod]
    public void NestedControlsAreChildrenInDocumentOrder()
    {
        var commentary = Paragraph("I am content.");
        var status = "<w:p>" + Control("response.status", "<w:r><w:t>Action taken</w:t></w:r>") + "</w:p>";
        var xml = Open + Control("responses", Control("response:2", Control("response.commentary", commentary) + status)) + Close;

        var responses = PartRegions.Locate(xml).Single();
        var response = responses.Children.Single();

        Assert.AreEqual("responses", responses.Name);
        Assert.AreEqual("response:2", response.Name);
        Assert.AreEqual("response.commentary, response.status", Names(response.Children));
        AssertCuts(xml, response.Children[0], commentary);
        AssertCuts(xml, response.Children[1], "<w:r><w:t>Action taken</w:t></w:r>");
        Assert.AreEqual(responses.ContentStart, response.Start);
        Assert.AreEqual(responses.ContentEnd, response.End);
    }

    [TestMethod]
    [DataRow("response:2", "response", "2")]
    [DataRow("response:6c", "response", "6c")]
    [DataRow("response:AFI 1", "response", "AFI 1")]
    [DataRow("assurance:3", "assurance", "3")]
    [DataRow("recommendation:2:a", "recommendation", "2:a")]
    public void AKeyedTagIsSplitAtItsFirstColon(string tag, string expectedTag, string expectedKey)
    {
        var span = PartRegions.Locate(Open + Control(tag, Paragraph("x")) + Close).Single();

        Assert.AreEqual(expectedTag, span.Tag);
        Assert.AreEqual(expectedKey, span.Key);
        Assert.AreEqual(tag, span.Name);
    }

    [TestMethod]
    public void UntaggedControlsAreLookedThrough()
    {
        var untagged = $"<w:sdt><w:sdtPr><w:id w:val=\"1\"/></w:sdtPr><w:sdtContent>{Control("context", Paragraph("x"))}</w:sdtContent></w:sdt>";
        var xml = Open + Control("appendix", untagged + Control("appendix.body", Paragraph("y"))) + "<w:sdt><w:sdtContent/></w:sdt><w:sdt/>" + Close;

        var appendix = PartRegions.Locate(xml).Single();

        Assert.AreEqual("context, appendix.body", Names(appendix.Children));
    }

    [TestMethod]
    public void EmptyAndSelfClosedContentHaveNoLength()
    {
        var xml = Open
            + "<w:p>" + Control("signatory.date", string.Empty) + "</w:p>"
            + """<w:sdt><w:sdtPr><w:tag w:val="signatory.signature"/></w:sdtPr><w:sdtContent/></w:sdt>"""
            + """<w:sdt><w:sdtPr><w:tag w:val="closing"/></w:sdtPr><w:sdtEndPr/><w:sdtContent></w:sdtContent></w:sdt>"""
            + Close;

        var spans = PartRegions.Locate(xml);

        Assert.HasCount(3, spans);
        foreach (var span in spans)
        {
            Assert.AreEqual(span.ContentStart, span.ContentEnd, span.Name);
            Assert.IsTrue(span.Start < span.ContentStart && span.ContentEnd < span.End, span.Name);
        }

        Assert.AreEqual("<w:sdtContent/>", xml[(spans[1].ContentStart - "<w:sdtContent/>".Length)..spans[1].ContentStart]);
        Assert.AreEqual("</w:sdtContent></w:sdt>", xml[spans[2].ContentEnd..spans[2].End]);
    }

    [TestMethod]
    public void AGreaterThanSignInAQuotedAttributeDoesNotEndTheTag()
    {
        var content = Paragraph("a > b");
        var xml = Open + $"""<w:sdt a='x>"y'><w:sdtPr><w:alias w:val="Force assurance: a > b"/><w:tag w:val="x>y"/></w:sdtPr><w:sdtContent w:b="1>2" w:c='3>4'>{content}</w:sdtContent></w:sdt>""" + Close;

        var span = PartRegions.Locate(xml).Single();

        Assert.AreEqual("x>y", span.Tag);
        Assert.AreEqual(content, xml[span.ContentStart..span.ContentEnd]);
        Assert.EndsWith("</w:sdt>", xml[span.Start..span.End]);
    }

    [TestMethod]
    public void OffsetsHoldAcrossCrlfAndMultiLineXml()
    {
        var content = "\r\n    <w:p>\r\n      <w:r><w:t>Line</w:t></w:r>\r\n    </w:p>\r\n  ";
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n" + Open + "\r\n"
            + "  <w:p/>\n\r"
            + "  <w:sdt>\r\n    <w:sdtPr>\r\n      <w:tag\r\n        w:val=\"opening\"/>\r\n    </w:sdtPr>\r\n    <w:sdtContent\r\n      >" + content + "</w:sdtContent\r\n  >\r\n  </w:sdt\r\n>\r\n"
            + Close;

        var span = PartRegions.Locate(xml).Single();

        Assert.AreEqual(content, xml[span.ContentStart..span.ContentEnd]);
        Assert.StartsWith("<w:sdt>", xml[span.Start..]);
        Assert.EndsWith("</w:sdt\r\n>", xml[span.Start..span.End]);
    }

    [TestMethod]
    public void OffsetsCountCharactersNotBytesAfterNonAsciiText()
    {
        var content = Paragraph("Zoë’s ✓ 𝒳 reply");
        var xml = Open + Paragraph("Naïve café — “quoted” 😀") + Control("context", content) + Close;

        var span = PartRegions.Locate(xml).Single();

        Assert.AreEqual(content, xml[span.ContentStart..span.ContentEnd]);
        Assert.StartsWith("<w:sdt>", xml[span.Start..]);
    }

    [TestMethod]
    public void ThePrefixDoesNotMatterOnlyTheNamespace()
    {
        var xml = """
            <doc:document xmlns:doc="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w="urn:not-word">
              <doc:body>
                <w:sdt><w:sdtPr><w:tag w:val="impostor"/></w:sdtPr><w:sdtContent/></w:sdt>
                <doc:sdt><doc:sdtPr><doc:tag doc:val="publication"/></doc:sdtPr><doc:sdtContent><doc:p/></doc:sdtContent></doc:sdt>
              </doc:body>
            </doc:document>
            """;

        var span = PartRegions.Locate(xml).Single();

        Assert.AreEqual("publication", span.Tag);
        Assert.AreEqual("<doc:p/>", xml[span.ContentStart..span.ContentEnd]);
        Assert.StartsWith("<doc:sdt>", xml[span.Start..span.End]);
    }

    [TestMethod]
    public void ControlsWrappedByWordInCustomXmlOrSmartTagsAreStillFound()
    {
        var xml = Open
            + "<w:customXml w:element=\"x\">" + Control("opening", Paragraph("a")) + "</w:customXml>"
            + "<w:p><w:smartTag w:element=\"place\">" + Control("salutation", "<w:r><w:t>Dear</w:t></w:r>") + "</w:smartTag></w:p>"
            + Close;

        Assert.AreEqual("opening, salutation", Names(PartRegions.Locate(xml)));
    }

    [TestMethod]
    public void ATagInsideTheContentIsNotTheControlsTag()
    {
        var xml = Open + "<w:sdt><w:sdtPr><w:id w:val=\"3\"/></w:sdtPr><w:sdtContent>" + Control("opening", Paragraph("a")) + "</w:sdtContent></w:sdt>" + Close;

        var span = PartRegions.Locate(xml).Single();

        Assert.AreEqual("opening", span.Tag);
        Assert.StartsWith("<w:sdt><w:sdtPr><w:alias", xml[span.Start..]);
    }

    [TestMethod]
    public void ControlsInCommentsCdataAndProcessingInstructionsAreNotControls()
    {
        var impostor = Control("impostor", Paragraph("x"));
        var content = $"<w:p><w:r><w:t><![CDATA[{impostor} </w:sdtContent></w:sdt>]]></w:t></w:r></w:p><!-- {impostor} </w:sdt> --><?pi {impostor}?>";
        var xml = "<?xml version=\"1.0\"?><!-- <w:sdt> -->" + Open + Control("opening", content) + Close + "<!-- </w:document> -->";

        var span = PartRegions.Locate(xml).Single();

        Assert.AreEqual("opening", span.Name);
        AssertCuts(xml, span, content);
        Assert.IsEmpty(span.Children);
    }

    [TestMethod]
    public void ANamespaceDeclaredOnAControlHoldsForItsContentOnly()
    {
        var xml = """<root xmlns:w="urn:not-word">"""
            + """<x:sdt xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:sdtPr><x:tag x:val="inner"/></x:sdtPr><x:sdtContent/></x:sdt>"""
            + """<x:sdt xmlns:x="urn:other"><x:sdtPr><x:tag x:val="other"/></x:sdtPr><x:sdtContent/></x:sdt>"""
            + """<w:sdt><w:sdtPr><w:tag w:val="impostor"/></w:sdtPr><w:sdtContent/></w:sdt></root>""";

        Assert.AreEqual("inner", Names(PartRegions.Locate(xml)));
    }

    [TestMethod]
    [DataRow("<w:sdt><w:sdtContent>", "a control left open")]
    [DataRow("</w:sdtContent></w:sdt>", "a control closed twice")]
    [DataRow("<w:sdt a=\"1\"", "a control's tag left open")]
    public void ControlsThatDoNotBalanceAreRefused(string broken, string what)
    {
        Assert.ThrowsExactly<XmlException>(() => PartRegions.Locate(Open + Control("opening", broken) + Close), what);
    }

    [TestMethod]
    [DataRow("<w:p>", "an element left open")]
    [DataRow("<w:p></w:r></w:p>", "an end tag closing another element")]
    [DataRow("<w:p><w:r", "a tag left open")]
    [DataRow("<!-- unfinished", "a comment left open")]
    [DataRow("<w:p a=\"1\" <w:r/></w:p>", "a '<' inside a tag")]
    public void APartScannedTagByTagIsRefusedWhenNotWellFormed(string broken, string what)
    {
        // A comment (or CDATA, or a namespace declared below the root) makes the scan visit every tag.
        Assert.ThrowsExactly<XmlException>(() => PartRegions.Locate(Open + "<!-- Word -->" + Control("opening", broken) + Close), what);
    }

    [TestMethod]
    public void BothScansFindTheSameRegions()
    {
        var xml = Open + Control("responses", Control("response:2", Control("response.commentary", Paragraph("a")) + "<w:p>" + Control("response.status", "<w:r><w:t>b</w:t></w:r>") + "</w:p>"))
            + """<w:sdt><w:sdtPr><w:rPr><w:b/></w:rPr><w:tag w:val='closing'/></w:sdtPr><w:sdtEndPr/><w:sdtContent/></w:sdt>""" + Close;
        var commented = xml.Replace("<w:body>", "<w:body><!-- Word -->", StringComparison.Ordinal);
        static string Shape(IEnumerable<RegionSpan> spans, int shift) =>
            string.Join(";", spans.Select(s => $"{s.Name}@{s.Start - shift},{s.ContentStart - shift},{s.ContentEnd - shift},{s.End - shift}[{Shape(s.Children, shift)}]"));

        Assert.AreEqual(Shape(PartRegions.Locate(xml), 0), Shape(PartRegions.Locate(commented), "<!-- Word -->".Length));
    }

    [TestMethod]
    public void ADocumentTypeDeclarationIsRefused()
    {
        var xml = "<!DOCTYPE w:document [<!ENTITY e \"x\">]>" + Open + Close;

        Assert.ThrowsExactly<XmlException>(() => PartRegions.Locate(xml));
    }
}
