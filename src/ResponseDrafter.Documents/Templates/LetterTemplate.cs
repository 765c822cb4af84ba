namespace ResponseDrafter.Documents.Templates;

/// <summary>Something wrong with a template: the tag concerned, where it is, and what is wrong.</summary>
public sealed record TemplateProblem(string Tag, string Location, string Message);

public sealed record TemplateLoadResult(LetterTemplate? Template, IReadOnlyList<TemplateProblem> Problems);

/// <summary>A validated letter template (.docx bytes whose variable parts are tagged content controls).</summary>
public sealed class LetterTemplate
{
    private LetterTemplate(byte[] docx) => Docx = docx;

    public byte[] Docx { get; }

    /// <summary>The built-in Section 55 template (templates/section55.xml).</summary>
    public static LetterTemplate Default => throw new NotImplementedException();

    /// <summary>Validates an uploaded .docx and reports every problem at once.</summary>
    public static TemplateLoadResult Load(byte[] docx) => throw new NotImplementedException();
}
