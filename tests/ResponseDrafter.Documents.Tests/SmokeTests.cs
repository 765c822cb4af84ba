namespace ResponseDrafter.Documents.Tests;

[TestClass]
public sealed class SmokeTests
{
    [TestMethod]
    public void TheLibraryLoads() => Assert.IsNotNull(typeof(Letters.Letter).Assembly);
}
