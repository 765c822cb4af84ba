using DocumentFormat.OpenXml.Drawing.Wordprocessing;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Tests.Fixtures;
using static ResponseDrafter.Documents.Tests.Drafting.DraftingFixtures;
using A = DocumentFormat.OpenXml.Drawing;

namespace ResponseDrafter.Documents.Tests.Drafting;

[TestClass]
public sealed class LetterSigningTests
{
    private const string Document = "word/document.xml";

    private static byte[] Approved() => Draft(SampleLetters.Full with { Signatory = SampleLetters.Full.Signatory with { Signature = null, SignedOn = null } });

    [TestMethod]
    public void SigningChangesNothingButTheSignatureBlock()
    {
        var approved = Approved();

        var signed = LetterSigning.Sign(approved, TestImages.Signature, "19 July 2021");

        WordDocuments.AssertValid(signed, "the signed letter");
        var differing = Differing(approved, signed);
        string[] allowed = [Document, "word/_rels/document.xml.rels", "[Content_Types].xml"];
        var added = differing.Except(allowed).ToList();
        Assert.HasCount(1, added, string.Join(", ", differing));
        Assert.StartsWith("word/media/", added[0]);
        CollectionAssert.AreEqual(TestImages.Signature.Data, Entries(signed)[added[0]]);

        var before = Text(approved, Document);
        var regions = PartRegions.Locate(before);
        var signature = regions.Single(r => r.Tag == "signatory.signature");
        var date = regions.Single(r => r.Tag == "signatory.date");
        SameOutside(before, Text(signed, Document), (signature.Start, signature.End), (date.Start, date.End));
    }

    [TestMethod]
    public void TheSignatureAndTheDateAreInTheirPlaces()
    {
        var signed = LetterSigning.Sign(Approved(), TestImages.Signature, "19 July 2021");

        WordDocuments.AssertValid(signed, "the signed letter");
        var (picture, alt, width, height, placeholders) = WordDocuments.Read(signed, d =>
        {
            var control = WordDocuments.Control(d, "signatory.signature");
            var blip = control.Descendants<A.Blip>().Single();
            using var stream = d.MainDocumentPart!.GetPartById(blip.Embed!.Value!).GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var extent = control.Descendants<Extent>().Single();
            var flags = d.MainDocumentPart.Document!.Descendants<SdtElement>()
                .Count(s => s.SdtProperties!.GetFirstChild<Tag>()?.Val?.Value is "signatory.signature" or "signatory.date" && s.SdtProperties.GetFirstChild<ShowingPlaceholder>() is not null);
            return (copy.ToArray(), control.Descendants<DocProperties>().Single().Description!.Value, extent.Cx!.Value, extent.Cy!.Value, flags);
        });
        CollectionAssert.AreEqual(TestImages.Signature.Data, picture);
        Assert.AreEqual(TestImages.Signature.AltText, alt);
        Assert.IsLessThanOrEqualTo(5 * 360000L, width);
        Assert.IsLessThanOrEqualTo(2 * 360000L, height);
        Assert.AreEqual(0, placeholders);
        Assert.Contains("Signed on 19 July 2021", WordDocuments.BodyText(signed));
    }

    [TestMethod]
    public void ADocumentSavedByWordWithEmptySelfClosedControlsIsSignedValidly()
    {
        // Saved through the SDK, as Word does, an empty control's content becomes "<w:sdtContent />".
        var approved = WordDocuments.Edit(Approved(), d => d.MainDocumentPart!.Document!.Save());
        Assert.Contains("<w:sdtContent />", Text(approved, Document));

        var signed = LetterSigning.Sign(approved, TestImages.Signature, "19 July 2021");

        WordDocuments.AssertValid(signed, "the signed letter");
        Assert.Contains("Signed on 19 July 2021", WordDocuments.BodyText(signed));
    }

    [TestMethod]
    public void ADocumentWithoutASignatureBlockIsReturnedUnchanged()
    {
        var approved = WordDocuments.Edit(Approved(), d =>
        {
            WordDocuments.Control(d, "signatory.signature").Remove();
            WordDocuments.Control(d, "signatory.date").Remove();
        });

        var signed = LetterSigning.Sign(approved, TestImages.Signature, "19 July 2021");

        WordDocuments.AssertValid(signed, "the signed letter");
        CollectionAssert.AreEqual(approved, signed);
    }
}
