using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Publication;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;

namespace ResponseDrafter.Documents.Tests.Publication;

/// <summary>
/// The web version of every template × letter (as <see cref="PrintedLetters"/> lists them), made from the letter drafted
/// in the editing form and signed, the way the outbox makes it: a well-formed, self-contained, semantic page.
/// </summary>
[TestClass]
public sealed partial class WebVersionTests
{
    private static readonly string[] Landmarks = ["header", "main"];

    public static IEnumerable<object[]> Combinations =>
        PrintedLetters.Templates.SelectMany(t => PrintedLetters.Letters.Select(l => new object[] { t.Template, l.Name }));

    internal static byte[] Signed(Letter letter, LetterTemplate template)
    {
        var unsigned = letter with { Signatory = letter.Signatory with { Signature = null, SignedOn = null } };
        var result = LetterAssembler.Assemble(unsigned, template, LetterForm.Editing);
        Assert.IsNotNull(result.Letter, string.Join("\n", result.Problems));
        return LetterSigning.Sign(result.Letter.Docx, letter.Signatory.Signature ?? TestImages.Signature, "19 July 2021");
    }

    private static (Letter Letter, byte[] Signed, XElement Page) Make(string template, string letter)
    {
        var value = PrintedLetters.Letters.Single(l => l.Name == letter).Letter;
        var signed = Signed(value, PrintedLetters.Templates.Single(t => t.Template == template).Value);
        return (value, signed, Parse(WebVersion.Html(signed)));
    }

    /// <summary>The page is XML-compatible HTML (void elements closed): an XML parser reads it whole.</summary>
    internal static XElement Parse(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html);
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        return XDocument.Load(reader).Root!;
    }

    [TestMethod]
    [DynamicData(nameof(Combinations))]
    public void TheWebVersionIsOneWellFormedPageWithLandmarksOneH1AndHeadingsInOrder(string template, string letter)
    {
        var (value, _, page) = Make(template, letter);

        Assert.AreEqual("html", page.Name.LocalName);
        Assert.AreEqual("en-GB", (string?)page.Attribute("lang"));
        Assert.AreEqual(value.Subject, page.Descendants("title").Single().Value, "the title is the letter's subject");
        var body = page.Element("body")!;
        CollectionAssert.AreEqual(Landmarks, body.Elements().Select(e => e.Name.LocalName).ToArray(), "the body's landmarks");
        Assert.AreEqual(1, page.Descendants("h1").Count(), "one h1");
        Assert.AreEqual(value.Subject, page.Descendants("h1").Single().Value);
        var levels = page.Descendants().Where(e => HeadingName().IsMatch(e.Name.LocalName)).Select(e => e.Name.LocalName[1] - '0').ToList();
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.IsLessThanOrEqualTo(levels[i - 1] + 1, levels[i], $"heading {i} skips a level: {string.Join(",", levels)}");
        }

        Assert.IsTrue(page.Descendants("header").Single().Value.Contains(value.Opcc.Name, StringComparison.Ordinal), "the letterhead names the OPCC");
        Assert.Contains(value.Signatory.Name, body.Element("main")!.Value);
    }

    [TestMethod]
    [DynamicData(nameof(Combinations))]
    public void TheWebVersionHasNoScriptAndAsksForNothingButItsOwnPicturesAndTheLettersLinks(string template, string letter)
    {
        var (_, signed, page) = Make(template, letter);

        Assert.IsEmpty(page.Descendants().Where(e => e.Name.LocalName is "script" or "iframe" or "object" or "embed" or "link" or "form").ToList());
        Assert.IsEmpty(page.Descendants().Attributes().Where(a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)).ToList());
        Assert.IsTrue(page.Descendants("img").All(i => ((string?)i.Attribute("src"))!.StartsWith("data:image/", StringComparison.Ordinal)), "a picture not embedded");
        Assert.IsTrue(page.Descendants("img").All(i => i.Attribute("alt") is not null), "a picture without alt");
        var ids = page.Descendants().Attributes("id").Select(a => a.Value).ToList();
        CollectionAssert.AllItemsAreUnique(ids);
        var letterLinks = LetterLinks(signed);
        foreach (var href in page.Descendants("a").Select(a => (string)a.Attribute("href")!))
        {
            if (href.StartsWith('#'))
            {
                CollectionAssert.Contains(ids, href[1..], $"{href} leads nowhere");
            }
            else
            {
                CollectionAssert.Contains(letterLinks, href, $"{href} is not one of the letter's links");
            }
        }

        var csp = page.Descendants("meta").Single(m => (string?)m.Attribute("http-equiv") == "Content-Security-Policy");
        StringAssert.StartsWith((string)csp.Attribute("content")!, "default-src 'none'");
    }

    [TestMethod]
    [DataRow("built-in")]
    [DataRow("restyled")]
    public void FootnotesAreLinkedNotesEachWayListsAreListsAndBothPicturesKeepTheirAltText(string template)
    {
        var (value, _, page) = Make(template, nameof(PrintedLetters.LinkedEverywhere));

        var references = page.Descendants("sup").Select(s => s.Element("a")!).ToList();
        Assert.HasCount(1, references);
        Assert.AreEqual("#note-1", (string?)references[0].Attribute("href"));
        Assert.AreEqual("ref-1", (string?)references[0].Attribute("id"));
        var notes = page.Descendants("section").Single(s => (string?)s.Attribute("class") == "notes");
        var note = notes.Descendants("li").Single();
        Assert.AreEqual("note-1", (string?)note.Attribute("id"));
        Assert.AreEqual("#ref-1", (string?)note.Elements("a").Last().Attribute("href"), "the back link");
        Assert.Contains("inspectorate's page", note.Value);
        Assert.AreEqual("https://www.justiceinspectorates.gov.uk/hmicfrs/footnote", (string?)note.Element("a")!.Attribute("href"));
        Assert.IsTrue(page.Descendants("ul").Any(u => u.Elements("li").First().Element("a")?.Value == "the first source"), "the appendix's list");
        CollectionAssert.AreEquivalent(
            new[] { value.Opcc.Logo!.AltText, value.Signatory.Signature!.AltText },
            page.Descendants("img").Select(i => (string)i.Attribute("alt")!).ToArray());
        Assert.IsNotNull(page.Element("body")!.Element("header")!.Descendants("img").SingleOrDefault(), "the logo is in the letterhead");
    }

    [TestMethod]
    [DynamicData(nameof(Combinations))]
    public void EveryAssuranceIsInTheForceCommentsSectionWithItsProvenanceAndItsTextIsOnThePageOnce(string template, string letter)
    {
        var (value, _, page) = Make(template, letter);
        var assured = value.Responses.Where(r => r.Assurance is not null).ToList();

        var section = page.Descendants("section").SingleOrDefault(s => (string?)s.Attribute("class") == "force-comments");
        if (assured.Count == 0)
        {
            Assert.IsNull(section, "a force's comments section with no comments");
            return;
        }

        Assert.IsNotNull(section);
        Assert.AreEqual(section.Element("h2")!.Attribute("id")!.Value, (string?)section.Attribute("aria-labelledby"));
        var entries = section.Elements("h3").ToList();
        Assert.HasCount(assured.Count, entries, "one entry per assurance");
        var text = Flat(page.Element("body")!.Value);
        foreach (var (response, heading) in assured.Zip(entries))
        {
            var provenance = response.Assurance!.Provenance;
            var entry = heading.ElementsAfterSelf().TakeWhile(e => e.Name.LocalName != "h3").ToList();
            var line = entry.Single(e => (string?)e.Attribute("class") == "provenance").Value;
            Assert.Contains(provenance.SuppliedBy, line, $"{heading.Value}: provenance");
            Assert.Contains("received " + UkDate.Format(provenance.ReceivedOn), line, $"{heading.Value}: provenance");
            var lines = Lines(response.Assurance.Text);
            var same = assured.Count(r => r.Assurance!.Text == response.Assurance.Text);
            foreach (var words in lines)
            {
                Assert.AreEqual(same, Regex.Count(text, Regex.Escape(words)), $"{heading.Value}: '{words}' is not on the page once");
            }

            if (response.Assurance.Presentation == AssurancePresentation.QuotedInFull)
            {
                var link = entry.Descendants("a").Single();
                var quote = page.Descendants("blockquote").Single(b => "#" + (string?)b.Attribute("id") == (string?)link.Attribute("href"));
                Assert.IsTrue(lines.All(l => Flat(quote.Value).Contains(l, StringComparison.Ordinal)), $"{heading.Value}: the link leads to the quoted text");
            }
            else
            {
                var annexed = Flat(string.Join(" ", entry.Select(e => e.Value)));
                Assert.IsTrue(lines.All(l => annexed.Contains(l, StringComparison.Ordinal)), $"{heading.Value}: the annexed text is in the section");
            }
        }
    }

    [TestMethod]
    public void ALinkThatIsNotHttpHttpsOrMailtoPrintsAsItsWordsAndTextIsEncoded()
    {
        var letter = SampleLetters.Minimal with { Opening = "See [the file](https://example.org/file) and [write](mailto:pcc@example.org)." };
        var signed = Signed(letter, LetterTemplate.Default);

        // Word lets a drafter link to anything and type anything; the markup a letter request takes does not.
        using var stream = new MemoryStream();
        stream.Write(signed);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var main = document.MainDocumentPart!;
            var file = main.HyperlinkRelationships.Single(r => r.Uri.OriginalString == "https://example.org/file");
            main.DeleteReferenceRelationship(file);
            main.AddHyperlinkRelationship(new Uri("file:///c:/secret.txt"), isExternal: true, file.Id);
            var see = main.Document!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().First(t => t.Text.StartsWith("See", StringComparison.Ordinal));
            see.Text = "See <script>alert(1)</script> & ";
        }

        var html = WebVersion.Html(stream.ToArray());
        var page = Parse(html);

        Assert.DoesNotContain("file:", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("See <script>alert(1)</script> & the file and write.", Flat(page.Descendants("main").Single().Value));
        Assert.AreEqual("mailto:pcc@example.org", (string?)page.Descendants("a").Single().Attribute("href"));
    }

    private static List<string> LetterLinks(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var main = document.MainDocumentPart!;
        IEnumerable<OpenXmlPart> parts = [main, .. main.FootnotesPart is { } f ? new[] { f } : []];
        return [.. parts.SelectMany(p => p.HyperlinkRelationships).Select(r => r.Uri.OriginalString)];
    }

    /// <summary>The words of each line of markup, without list markers, emphasis or link addresses.</summary>
    internal static List<string> Lines(string markup) =>
        [.. markup.Split('\n').Select(l => Flat(ListMarker().Replace(MarkupLink().Replace(l, "$1"), string.Empty).Replace("*", string.Empty, StringComparison.Ordinal)))
            .Where(l => l.Length > 0)];

    internal static string Flat(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"^h[1-6]$")]
    private static partial Regex HeadingName();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")]
    private static partial Regex MarkupLink();

    [GeneratedRegex(@"^\s*(- |\d+\. )")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
