using System.Xml;
using ResponseDrafter.Documents.Drafting;

namespace ResponseDrafter.Documents.Tests.Drafting;

[TestClass]
public sealed class XmlScanTests
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Num = "<w:num w:numId=\"1\"/>";

    [TestMethod]
    public void InsertingIntoASelfClosedRootOpensIt()
    {
        var xml = $"<?xml version=\"1.0\" encoding=\"utf-8\"?><w:numbering xmlns:w=\"{W}\" />";

        var result = XmlScan.InsertBeforeEnd(xml, "w:numbering", Num);

        Assert.AreEqual($"<?xml version=\"1.0\" encoding=\"utf-8\"?><w:numbering xmlns:w=\"{W}\" >{Num}</w:numbering>", result);
        Assert.AreEqual(1, WellFormed(result).GetElementsByTagName("num", W).Count);
    }

    [TestMethod]
    public void InsertingGoesBeforeTheRootsEndTagWhateverFollowsIt()
    {
        var xml = $"<!-- </w:numbering> --><w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\"/></w:numbering >\r\n<!-- </w:numbering> -->";

        var result = XmlScan.InsertBeforeEnd(xml, "w:numbering", Num);

        Assert.AreEqual($"<!-- </w:numbering> --><w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\"/>{Num}</w:numbering >\r\n<!-- </w:numbering> -->", result);
    }

    [TestMethod]
    public void ARootUnderAnotherPrefixIsFoundAndDeclaresThePrefixTheInsertUses()
    {
        var xml = $"<ns0:numbering xmlns:ns0=\"{W}\"><ns0:abstractNum ns0:abstractNumId=\"0\"/></ns0:numbering>";

        var result = XmlScan.InsertBeforeEnd(xml, "w:numbering", Num);

        var numbering = WellFormed(result);
        Assert.AreEqual(1, numbering.GetElementsByTagName("num", W).Count);
        Assert.AreEqual(1, numbering.GetElementsByTagName("abstractNum", W).Count);
    }

    [TestMethod]
    public void AMissingEndTagOrAnotherRootIsAClearError()
    {
        var truncated = Assert.ThrowsExactly<XmlException>(() => XmlScan.InsertBeforeEnd($"<w:numbering xmlns:w=\"{W}\"><w:num w:numId=\"1\"/>", "w:numbering", Num));
        var another = Assert.ThrowsExactly<XmlException>(() => XmlScan.InsertBeforeEnd($"<w:styles xmlns:w=\"{W}\"/>", "w:numbering", Num));
        var empty = Assert.ThrowsExactly<XmlException>(() => XmlScan.InsertBeforeEnd("<?xml version=\"1.0\"?>", "w:numbering", Num));

        Assert.Contains("no end tag", truncated.Message);
        Assert.Contains("<w:styles>", another.Message);
        Assert.Contains("no root element", empty.Message);
    }

    [TestMethod]
    public void AnElementWithoutItsEndTagIsAClearError()
    {
        const string xml = "<w:footnotes><w:footnote w:id=\"1\"><w:p/></w:footnotes>";

        var error = Assert.ThrowsExactly<XmlException>(() => XmlScan.All(xml, "w:footnote").ToList());

        Assert.Contains("<w:footnote>", error.Message);
    }

    private static XmlDocument WellFormed(string xml)
    {
        var document = new XmlDocument();
        document.LoadXml(xml);
        return document;
    }
}
