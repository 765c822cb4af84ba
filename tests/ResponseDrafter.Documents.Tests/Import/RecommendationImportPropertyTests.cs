using System.Diagnostics;
using System.Text;
using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Markup;
using static ResponseDrafter.Documents.Tests.Import.ImportFixtures;

namespace ResponseDrafter.Documents.Tests.Import;

/// <summary>
/// Random and mutated inputs: the parser never throws, stays within a time bound, and accounts for every
/// non-whitespace character of its input (in a text, a label, unplaced text or removed text; see docs/import.md).
/// </summary>
[TestClass]
public sealed class RecommendationImportPropertyTests
{
    private const int Inputs = 2000;

    private static readonly string[] Tokens =
    [
        "Recommendation", "Recommendation 2:", "recommendation", "Recommendations", "AFI 3", "Cause of concern", "Area for improvement",
        "To chief constables", "To ", "chief constables", "police and crime commissioners", "Home Office", "should", "to", "and",
        "1.", "2.", "12", "Page 3 of 9", "a.", "(b)", "c)", "ii.", "-", "•", "·", "\uF0B7", "–", "*", "**", "#", "## ",
        ":", ";", "; and", ".", ",", "(", ")", "\"", "'", "non-", "self-", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\f",
        "\u0007", "\u0000", "\uFEFF", "\uD83D", "\uDE00", "\uD83D\uDE00", "\u00AD", "\u00A0", "é", "x", "The force should", "Work together",
    ];

    [TestMethod]
    [DoNotParallelize]
    public void RandomAndMutatedInputsAreReadQuicklyAndNothingVanishes()
    {
        var random = new Random(20210526);
        var seeds = new[] { EssexLetter, SuffolkLetter };
        RecommendationImport.Parse(seeds[0]);
        var slowest = TimeSpan.Zero;
        var total = TimeSpan.Zero;
        for (var n = 0; n < Inputs; n++)
        {
            var input = (n % 3) switch
            {
                0 => Random(random),
                1 => Mutated(random, seeds[random.Next(seeds.Length)]),
                _ => Mutated(random, Random(random) + seeds[random.Next(seeds.Length)][..random.Next(4000)]),
            };

            var (preview, elapsed) = Timed(input);
            slowest = elapsed > slowest ? elapsed : slowest;
            total += elapsed;

            AssertEveryCharacterAccountedFor(input, preview, n);
        }

        Assert.IsLessThan(TimeSpan.FromMilliseconds(200), slowest, $"slowest input took {slowest.TotalMilliseconds} ms");
        Assert.IsLessThan(TimeSpan.FromSeconds(20), total, $"{Inputs} inputs took {total.TotalSeconds} s");
    }

    [TestMethod]
    [DoNotParallelize]
    public void AVeryLongLineIsReadInLinearTime()
    {
        var input = string.Concat(Enumerable.Repeat("Recommendation 2: To chief constables, and ", 20_000))
            + "\n" + string.Concat(Enumerable.Repeat("- a. x;\n", 20_000));

        var (preview, elapsed) = Timed(input);

        Assert.IsLessThan(TimeSpan.FromSeconds(2), elapsed);
        AssertEveryCharacterAccountedFor(input, preview, 0);
    }

    [TestMethod]
    public void AnyTextWrittenAsMarkupPrintsExactlyAsWritten()
    {
        const string alphabet = "ab1 #*_[]()!<>`~|\\-+=.:^/\t\n\n  é”";
        string[] fragments = ["https://example.org/a_b", "mailto:x@y.org", "1. ", "2) ", "- ", "> ", "---", "[^1]: ", "<b>", "**", "__", "\\"];
        var random = new Random(55);
        for (var n = 0; n < Inputs; n++)
        {
            var text = new StringBuilder();
            for (var k = random.Next(1, 40); k > 0; k--)
            {
                text.Append(random.Next(5) == 0 ? fragments[random.Next(fragments.Length)] : alphabet[random.Next(alphabet.Length)].ToString());
            }

            var markup = MarkupText.Escape(text.ToString());
            var parsed = RichText.Parse(markup);
            Assert.IsEmpty(parsed.Problems, $"input {n}: {Escape(text.ToString())} -> {Escape(markup)}: {string.Join("; ", parsed.Problems)}");
            Assert.AreEqual(Spaced(text.ToString()), Spaced(MarkupText.PlainOf(markup)), $"input {n}: {Escape(text.ToString())} -> {Escape(markup)}");
        }
    }

    private static string Spaced(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Parses and times the input. A run over the bound is repeated, keeping the fastest, so that a pause of a busy
    /// shared machine is not taken for a slow parser; a parser that is really slow is slow every time.
    /// </summary>
    private static (RecommendationPreview Preview, TimeSpan Elapsed) Timed(string input)
    {
        var fastest = TimeSpan.MaxValue;
        RecommendationPreview? preview = null;
        for (var attempt = 0; attempt < 3 && fastest > TimeSpan.FromMilliseconds(100); attempt++)
        {
            var watch = Stopwatch.StartNew();
            preview = RecommendationImport.Parse(input);
            fastest = watch.Elapsed < fastest ? watch.Elapsed : fastest;
        }

        return (preview!, fastest);
    }

    private static void AssertEveryCharacterAccountedFor(string input, RecommendationPreview preview, int n)
    {
        var placed = new StringBuilder();
        foreach (var recommendation in preview.Recommendations)
        {
            placed.Append(recommendation.Text);
            foreach (var subItem in recommendation.SubItems)
            {
                placed.Append(subItem.Text);
            }
        }

        preview.Labels.ToList().ForEach(l => placed.Append(l.Text));
        preview.Unplaced.ToList().ForEach(u => placed.Append(u.Text));
        preview.Removed.ToList().ForEach(r => placed.Append(r.Text));

        var expected = Visible(input);
        var actual = Visible(placed.ToString());
        if (expected != actual)
        {
            Assert.Fail($"input {n}: characters differ.\nmissing: {Escape(Difference(expected, actual))}\nextra: {Escape(Difference(actual, expected))}\ninput: {Escape(input[..Math.Min(input.Length, 600)])}");
        }
    }

    /// <summary>The non-whitespace characters, sorted: equal for two texts holding the same characters in any order.</summary>
    private static string Visible(string text)
    {
        var chars = text.Where(c => !char.IsWhiteSpace(c)).ToArray();
        Array.Sort(chars);
        return new string(chars);
    }

    private static string Difference(string sortedA, string sortedB)
    {
        var counts = sortedB.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var extra = new StringBuilder();
        foreach (var c in sortedA)
        {
            if (counts.TryGetValue(c, out var k) && k > 0)
            {
                counts[c] = k - 1;
            }
            else
            {
                extra.Append(c);
            }
        }

        return extra.ToString();
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

    private static string Random(Random random)
    {
        var text = new StringBuilder();
        var count = random.Next(1, 120);
        for (var k = 0; k < count; k++)
        {
            text.Append(random.Next(4) == 0 ? (char)random.Next(0, 0x3000) : Tokens[random.Next(Tokens.Length)]);
            if (random.Next(3) == 0)
            {
                text.Append(random.Next(2) == 0 ? ' ' : '\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Deletes, repeats, moves and inserts spans, as copying from a damaged PDF might.</summary>
    private static string Mutated(Random random, string seed)
    {
        var text = new StringBuilder(seed);
        var edits = random.Next(1, 12);
        for (var k = 0; k < edits && text.Length > 0; k++)
        {
            var at = random.Next(text.Length);
            var length = Math.Min(random.Next(1, 200), text.Length - at);
            switch (random.Next(4))
            {
                case 0:
                    text.Remove(at, length);
                    break;
                case 1:
                    text.Insert(random.Next(text.Length), text.ToString(at, length));
                    break;
                case 2:
                    text.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                default:
                    text[at] = (char)random.Next(0, 0x3000);
                    break;
            }
        }

        return text.ToString();
    }
}
