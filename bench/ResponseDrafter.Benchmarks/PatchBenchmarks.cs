using BenchmarkDotNet.Attributes;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Drafting;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Benchmarks;

/// <summary>
/// Brings a stored draft answering N recommendations up to date after one response's commentary changed, against the
/// rendering it was last brought in line with: the patch should cost a small fraction of assembling the letter again.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PatchBenchmarks
{
    private byte[] current = null!;
    private byte[] rendered = null!;
    private byte[] previous = null!;

    [Params(200)]
    public int Recommendations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var letter = SyntheticLetters.WithRecommendations(Recommendations);
        var middle = letter.Responses[Recommendations / 2].Ref;
        var changed = letter with
        {
            Responses = [.. letter.Responses.Select(r => r.Ref == middle ? r with { Commentary = "I have asked the Chief Constable for a **further** update." } : r)],
        };
        current = Draft(letter);
        previous = Draft(letter);
        rendered = Draft(changed);
        var check = LetterPatch.Apply(current, rendered, previous);
        if (check.Changed.Count != 1)
        {
            throw new InvalidOperationException("The benchmark patch must change exactly one region: " + string.Join("; ", check.Changed));
        }
    }

    [Benchmark]
    public int Patch() => LetterPatch.Apply(current, rendered, previous).Docx.Length;

    private static byte[] Draft(Letter letter) =>
        LetterAssembler.Assemble(letter, LetterTemplate.Default, LetterForm.Editing).Letter?.Docx
        ?? throw new InvalidOperationException("The benchmark letter must assemble.");
}
