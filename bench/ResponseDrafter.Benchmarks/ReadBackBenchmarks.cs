using BenchmarkDotNet.Attributes;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Benchmarks;

/// <summary>
/// Reads back a draft's document answering N recommendations, as every save, version and review does: inspection,
/// hashing, the body's text and regions, and markup for every rich-text region.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReadBackBenchmarks
{
    private byte[] docx = null!;

    [Params(20, 200)]
    public int Recommendations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        docx = LetterAssembler.Assemble(SyntheticLetters.WithRecommendations(Recommendations), LetterTemplate.Default, LetterForm.Editing).Letter!.Docx;
        if (LetterDocument.Read(docx).Refusal is { } refusal)
        {
            throw new InvalidOperationException("The benchmark letter must read back: " + refusal.Message);
        }
    }

    [Benchmark]
    public int Read() => LetterDocument.Read(docx).Document!.Regions.Count;
}
