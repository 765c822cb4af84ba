using System.IO.Compression;
using System.IO.Packaging;
using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;

namespace ResponseDrafter.Documents.Tests.Assembly;

/// <summary>The package assembly writes itself, zip entry by zip entry, read back by the SDK and by System.IO.Packaging.</summary>
[TestClass]
public sealed class LetterPackageTests
{
    private static byte[] Full()
    {
        var docx = LetterAssembler.Assemble(SampleLetters.Full, LetterTemplate.Default).Letter!.Docx;
        WordDocuments.AssertValid(docx);
        return docx;
    }

    [TestMethod]
    public void EveryPartOpensInTheSdkWithItsContentType()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Full()), isEditable: false);

        var main = document.MainDocumentPart!;
        Assert.AreEqual("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", main.ContentType);
        Assert.AreEqual("application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml", main.StyleDefinitionsPart!.ContentType);
        Assert.AreEqual("application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml", main.NumberingDefinitionsPart!.ContentType);
        Assert.AreEqual("application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", main.FootnotesPart!.ContentType);
        Assert.AreEqual("application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml", main.DocumentSettingsPart!.ContentType);
        Assert.AreEqual("application/vnd.openxmlformats-package.core-properties+xml", document.CoreFilePropertiesPart!.ContentType);
        Assert.AreEqual("image/png", string.Join(" ", main.ImageParts.Select(p => p.ContentType).Distinct()));
        var identity = main.CustomXmlParts.Single();
        Assert.AreEqual("application/xml", identity.ContentType);
        Assert.AreEqual("application/vnd.openxmlformats-officedocument.customXmlProperties+xml", identity.CustomXmlPropertiesPart!.ContentType);
        Assert.IsNotEmpty(main.HyperlinkRelationships.Where(r => r.IsExternal).ToList());
        Assert.AreEqual(2, main.HeaderParts.Count());
    }

    [TestMethod]
    public void EveryTemplatePartIsKeptAndEveryRelationshipResolves()
    {
        using var letter = Package.Open(new MemoryStream(Full()), FileMode.Open, FileAccess.Read);
        using var template = Package.Open(new MemoryStream(LetterTemplate.Default.Docx), FileMode.Open, FileAccess.Read);

        var parts = letter.GetParts().ToDictionary(p => p.Uri.OriginalString);
        Assert.IsEmpty(template.GetParts().Select(p => p.Uri.OriginalString).Where(uri => !parts.ContainsKey(uri)).ToList(), "template parts missing from the letter");
        var unresolved = parts.Values
            .Where(part => !PackUriHelper.IsRelationshipPartUri(part.Uri))
            .SelectMany(part => part.GetRelationships().Select(r => (Source: part.Uri, Relationship: r)))
            .Concat(letter.GetRelationships().Select(r => (Source: new Uri("/", UriKind.Relative), Relationship: r)))
            .Where(x => x.Relationship.TargetMode == TargetMode.Internal)
            .Select(x => PackUriHelper.ResolvePartUri(x.Source, x.Relationship.TargetUri))
            .Where(target => !letter.PartExists(target))
            .ToList();
        Assert.IsEmpty(unresolved, "relationships to parts that are not there");
        Assert.IsEmpty(parts.Values.Where(p => string.IsNullOrEmpty(p.ContentType)).ToList());
    }

    [TestMethod]
    public void EachZipEntryIsWrittenOnce()
    {
        using var zip = new ZipArchive(new MemoryStream(Full()), ZipArchiveMode.Read);

        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.HasCount(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        Assert.Contains("[Content_Types].xml", names);
    }
}
