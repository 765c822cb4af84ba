using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Tests;

[TestClass]
public sealed class SmokeTests
{
    [TestMethod]
    public void TheLibraryLoads() => Assert.IsNotNull(typeof(Letter).Assembly);
}
