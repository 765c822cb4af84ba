namespace ResponseDrafter.Documents.Tests.Fixtures;

/// <summary>Collection assertions that show both sides when they fail.</summary>
public static class Expect
{
    public static void Sequence(IEnumerable<string> actual, params string[] expected)
    {
        var list = actual.ToList();
        Assert.IsTrue(list.SequenceEqual(expected), $"expected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", list)}");
    }

    public static void SameItems(IEnumerable<string> actual, params string[] expected)
    {
        var list = actual.Order(StringComparer.Ordinal).ToList();
        Sequence(list, [.. expected.Order(StringComparer.Ordinal)]);
    }
}
