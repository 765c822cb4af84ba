using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Documents.Tests.Publication;

/// <summary>
/// Every template × every letter (the sample fixtures, one with a link in every rich-text field, and the example
/// requests under templates/examples), rendered and printed to PDF by LibreOffice with the server's export options.
/// Printed once per test run and shared by the publication tests; the PDFs are kept in the run's results folder.
/// </summary>
internal static class PrintedLetters
{
    private static readonly Lazy<IReadOnlyList<PrintedLetter>> All = new(Print, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A link at the start of the first paragraph of every region of rich text, and in a footnote.</summary>
    public static Letter LinkedEverywhere { get; } = SampleLetters.Full with
    {
        Opening = "[The report](https://www.justiceinspectorates.gov.uk/hmicfrs/opening) was published on 26 May 2021.[^1]\n\n[^1]: See the [inspectorate's page](https://www.justiceinspectorates.gov.uk/hmicfrs/footnote).",
        Context = "[Recommendation 2](https://example.org/context) applies to every force.",
        Responses =
        [
            SampleLetters.Full.Responses[0] with
            {
                Commentary = "[The e-learning package](https://example.org/commentary) is complete.",
                Assurance = SampleLetters.Full.Responses[0].Assurance! with { Text = "[Specialist advice](https://example.org/assurance) is on the intranet." },
            },
            .. SampleLetters.Full.Responses.Skip(1).Take(2),
            SampleLetters.Full.Responses[3] with { Status = ResponseStatus.NoAction, Reason = "[The APCC](https://example.org/reason) reports nationally.", Commentary = null },
        ],
        Accountability = "[The scrutiny board](https://example.org/accountability) meets monthly.",
        Publication = "[My website](https://example.org/publication) publishes this response.",
        Appendices = [new Appendix { Title = "Appendix A - Sources", Body = "- [the first source](https://example.org/appendix)\n- the second source" }],
    };

    /// <summary>The link texts of <see cref="LinkedEverywhere"/>, each of which must print as its words alone.</summary>
    public static IReadOnlyList<string> LinkTexts { get; } =
    [
        "The report", "inspectorate's page", "Recommendation 2", "The e-learning package", "Specialist advice", "The APCC",
        "The scrutiny board", "My website", "the first source",
    ];

    public static IEnumerable<(string Template, LetterTemplate Value)> Templates =>
    [
        ("built-in", LetterTemplate.Default),
        ("restyled", LetterTemplate.Load(TemplateEdits.Restyled(LetterTemplate.Default.Docx)).Template!),
    ];

    public static IEnumerable<(string Name, Letter Letter)> Letters =>
    [
        .. SampleLetters.All,
        (nameof(LinkedEverywhere), LinkedEverywhere),
        .. Directory.GetFiles(RepositoryFiles.Path("templates", "examples"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => ("example " + Path.GetFileNameWithoutExtension(f), LetterJson.Parse(File.ReadAllText(f)).Letter!)),
    ];

    public static IReadOnlyList<PrintedLetter> Printed => All.Value;

    private static List<PrintedLetter> Print()
    {
        var folder = Directory.CreateTempSubdirectory("responsedrafter-printed-").FullName;
        var rendered = new List<(string Template, string Letter, Letter Value, string Docx)>();
        foreach (var (templateName, template) in Templates)
        {
            foreach (var (name, letter) in Letters)
            {
                var result = LetterAssembler.Assemble(letter, template);
                if (result.Letter is null)
                {
                    throw new InvalidOperationException($"{name}: {string.Join("; ", result.Problems)}");
                }

                var docx = Path.Combine(folder, $"{templateName} {name}.docx".Replace(' ', '_'));
                File.WriteAllBytes(docx, result.Letter.Docx);
                rendered.Add((templateName, name, letter, docx));
            }
        }

        var pdfs = PdfTools.ConvertToPdf([.. rendered.Select(r => r.Docx)], folder);
        return [.. rendered.Zip(pdfs, (r, pdf) => new PrintedLetter(r.Template, r.Letter, r.Value, r.Docx, pdf))];
    }
}

internal sealed record PrintedLetter(string Template, string Name, Letter Letter, string Docx, string Pdf)
{
    public override string ToString() => $"{Template} × {Name}";
}
