namespace ResponseDrafter.Documents.Import;

/// <summary>
/// The words of a text that say what it is about: lower-cased, without common words, each keyed by its first five
/// letters so that "resource" meets "resources" and "victim" meets "victims". Also the text's word sequence, for
/// finding quotations.
/// </summary>
internal sealed class SubjectWords
{
    private const int StemLength = 5;
    private const int MinWordLength = 4;
    private const int ShingleLength = 5;

    private static readonly HashSet<string> Common = new(
    [
        "about", "above", "after", "again", "against", "also", "appropriate", "because", "been", "before", "being", "between",
        "both", "could", "does", "down", "during", "each", "ensure", "from", "further", "have", "having", "here", "into",
        "itself", "make", "more", "most", "must", "other", "over", "same", "should", "some", "such", "than",
        "that", "their", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "under", "until",
        "very", "well", "were", "what", "when", "where", "which", "while", "will", "with", "within", "would", "your", "assure",
        "including", "example", "able", "possible", "relation",
    ], StringComparer.Ordinal);

    public SubjectWords(string text)
    {
        var tokens = Tokens(text);
        Words = [.. tokens.Select(t => t.ToLowerInvariant())];
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = Words[i];
            if ((word.Length >= MinWordLength && !Common.Contains(word)) || IsAcronym(tokens[i]))
            {
                Stems.TryAdd(word[..Math.Min(StemLength, word.Length)], tokens[i]);
            }
        }
    }

    /// <summary>All words, lower-cased, in order.</summary>
    public string[] Words { get; }

    /// <summary>Subject stems, each with the first word that gave it as written, for reasons a user can read.</summary>
    public Dictionary<string, string> Stems { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs of five consecutive words: two texts sharing many of them quote one another.</summary>
    public HashSet<string> Shingles()
    {
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + ShingleLength <= Words.Length; i++)
        {
            shingles.Add(string.Join(' ', Words, i, ShingleLength));
        }

        return shingles;
    }

    /// <summary>The share of this text's words that sit in a run of five found in <paramref name="other"/>.</summary>
    public double CoveredBy(HashSet<string> other)
    {
        if (Words.Length < ShingleLength)
        {
            return 0;
        }

        var covered = new bool[Words.Length];
        for (var i = 0; i + ShingleLength <= Words.Length; i++)
        {
            if (other.Contains(string.Join(' ', Words, i, ShingleLength)))
            {
                Array.Fill(covered, true, i, ShingleLength);
            }
        }

        return covered.Count(c => c) / (double)Words.Length;
    }

    /// <summary>"NRM", "MDS", "PCC": short, but they name the subject.</summary>
    private static bool IsAcronym(string token) => token.Length >= 3 && token.All(char.IsAsciiLetterUpper);

    private static string[] Tokens(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }

        return [.. words];
    }
}
