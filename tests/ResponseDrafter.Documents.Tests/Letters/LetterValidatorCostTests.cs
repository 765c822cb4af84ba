using ResponseDrafter.Documents.Letters;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Documents.Tests.Letters;

[TestClass]
public sealed class LetterValidatorCostTests
{
    [TestMethod]
    public void ValidationCostGrowsLinearlyWithRecommendations()
    {
        var small = SyntheticLetters.WithRecommendations(50);
        var large = SyntheticLetters.WithRecommendations(500);
        Assert.IsEmpty(LetterValidator.Validate(small));

        var smallBytes = AllocatedBytes(small);
        var largeBytes = AllocatedBytes(large);

        Assert.IsLessThan(15 * smallBytes, largeBytes, $"50 recommendations: {smallBytes} bytes; 500: {largeBytes} bytes");
    }

    private static long AllocatedBytes(Letter letter)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        LetterValidator.Validate(letter);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
