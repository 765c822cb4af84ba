using BenchmarkDotNet.Attributes;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Benchmarks;

/// <summary>
/// Assembles a complete letter answering N recommendations with the built-in template.
/// Every recommendation carries a verbatim text with sub-items, a quoted assurance with a list and
/// emphasis, a commentary with a link and a footnote, and a status: the shape of a real PEEL response.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LetterAssemblyBenchmarks
{
    private Letter letter = null!;
    private LetterTemplate template = null!;

    [Params(5, 20, 200)]
    public int Recommendations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        template = LetterTemplate.Default;
        letter = SyntheticLetters.WithRecommendations(Recommendations);
        var check = LetterAssembler.Assemble(letter, template);
        if (check.Letter is null || check.Letter.Gaps.Count > 0)
        {
            throw new InvalidOperationException("The benchmark letter must assemble complete: " +
                string.Join("; ", check.Problems.Select(p => $"{p.Field}: {p.Message}")));
        }
    }

    [Benchmark]
    public int Assemble() => LetterAssembler.Assemble(letter, template).Letter!.Docx.Length;
}
