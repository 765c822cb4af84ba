using System.IO.Compression;
using System.Text;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Templates;
using ResponseDrafter.Documents.Tests.Fixtures;

namespace ResponseDrafter.Documents.Tests.Drafting;

/// <summary>Drafts' documents as the server stores them, and their parts as text.</summary>
internal static class DraftingFixtures
{
    /// <summary>The editing form of <paramref name="letter"/>, checked valid.</summary>
    public static byte[] Draft(Letter letter, LetterTemplate? template = null)
    {
        var result = LetterAssembler.Assemble(letter, template ?? LetterTemplate.Default, LetterForm.Editing);
        Assert.IsNotNull(result.Letter, string.Join("\n", result.Problems));
        WordDocuments.AssertValid(result.Letter.Docx, "the rendered draft");
        return result.Letter.Docx;
    }

    /// <summary>Every zip entry's content, by name, in the zip's order.</summary>
    public static Dictionary<string, byte[]> Entries(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries[entry.FullName] = copy.ToArray();
        }

        return entries;
    }

    public static string Text(byte[] docx, string entry) => Encoding.UTF8.GetString(Entries(docx)[entry]);

    /// <summary>The entries whose content differs between the two documents, or which only one has.</summary>
    public static List<string> Differing(byte[] before, byte[] after)
    {
        var a = Entries(before);
        var b = Entries(after);
        return [.. a.Keys.Union(b.Keys).Where(k => !a.TryGetValue(k, out var x) || !b.TryGetValue(k, out var y) || !x.AsSpan().SequenceEqual(y)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Asserts <paramref name="after"/> is <paramref name="before"/> with only the given ranges of it replaced.</summary>
    public static void SameOutside(string before, string after, params (int Start, int End)[] ranges)
    {
        var position = 0;
        var at = 0;
        foreach (var (start, end) in ranges.OrderBy(r => r.Start))
        {
            var kept = before[position..start];
            Assert.IsTrue(after.AsSpan(at).StartsWith(kept), $"the text before offset {start} changed");
            at += kept.Length;
            var next = end < before.Length ? before[end..Math.Min(before.Length, end + 200)] : string.Empty;
            var found = next.Length == 0 ? after.Length : after.IndexOf(next, at, StringComparison.Ordinal);
            Assert.IsGreaterThanOrEqualTo(0, found, $"the text after offset {end} is gone");
            at = found;
            position = end;
        }

        Assert.AreEqual(before[position..], after[at..], "the text after the last change differs");
    }
}
