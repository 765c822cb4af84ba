namespace ResponseDrafter.Documents.Import;

/// <summary>
/// A section of the force's document: a heading and the content up to the next heading. <see cref="Id"/> is "s1",
/// "s2" … in document order. <see cref="Text"/> is rich-text markup (templates/markup.md) keeping paragraphs, lists,
/// bold, italic and links, ready to become an assurance. <see cref="Heading"/> is plain text, empty for the text
/// before the first heading; <see cref="Level"/> is 1 for a top-level heading, 0 for that untitled first section.
/// </summary>
public sealed record DocumentSection(string Id, string Heading, int Level, string Text);

/// <summary>The force's document split into sections, with what identifies the exact file received.</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes uploaded.</param>
public sealed record ForceDocument(string FileName, string Sha256, IReadOnlyList<DocumentSection> Sections);

/// <summary>Either the document read, or why the upload was refused.</summary>
public sealed record ForceDocumentRead(ForceDocument? Document, UploadRefusal? Refusal);

/// <summary>Either the recommendations read from a report uploaded as Word, or why the upload was refused.</summary>
public sealed record RecommendationUpload(RecommendationPreview? Preview, UploadRefusal? Refusal);
