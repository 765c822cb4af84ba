namespace ResponseDrafter.Documents.Import;

/// <summary>
/// Reads a report's recommendations from text copied out of it, or from the report as a Word document, into a
/// preview the user confirms. Bad input never throws: what cannot be read comes back as warnings and unplaced text.
/// </summary>
public static class RecommendationImport
{
    public static RecommendationPreview Parse(string? text) => RecommendationParser.Parse(text ?? string.Empty);

    /// <summary>
    /// Inspects the upload (see <see cref="WordUpload"/>) and reads the recommendations from its paragraphs, list
    /// numbers and bullets included. Line numbers in the preview count lines of the document's text with a blank
    /// line between paragraphs: paragraph n is on line 2n − 1.
    /// </summary>
    public static RecommendationUpload ParseWord(byte[]? bytes, string? fileName, UploadLimits? limits = null)
    {
        var (paragraphs, refusal) = WordBody.Read(bytes, fileName, limits);
        return refusal is not null
            ? new RecommendationUpload(null, refusal)
            : new RecommendationUpload(Parse(string.Join("\n\n", paragraphs!.Select(Line))), null);
    }

    /// <summary>A paragraph as one line, as it would read if copied from Word: its list label or bullet, then its text.</summary>
    private static string Line(WordParagraph paragraph)
    {
        var text = paragraph.Plain.Replace('\n', ' ');
        return paragraph.List is { } list ? $"{list.Label} {text}" : text;
    }
}
