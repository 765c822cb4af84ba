using System.Globalization;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Tests.Assembly;

[TestClass]
public sealed class UkDateTests
{
    [TestMethod]
    public void PlainDateIsDayMonthYear() => Assert.AreEqual("19 July 2021", UkDate.Format(new DateOnly(2021, 7, 19)));

    [TestMethod]
    [DataRow(1, "1st")]
    [DataRow(2, "2nd")]
    [DataRow(3, "3rd")]
    [DataRow(4, "4th")]
    [DataRow(11, "11th")]
    [DataRow(12, "12th")]
    [DataRow(13, "13th")]
    [DataRow(21, "21st")]
    [DataRow(22, "22nd")]
    [DataRow(23, "23rd")]
    [DataRow(31, "31st")]
    public void OrdinalDayHasTheEnglishSuffix(int day, string expected) =>
        Assert.AreEqual($"{expected} December 2017", UkDate.Format(new DateOnly(2017, 12, day), DateStyle.Ordinal));

    [TestMethod]
    public void MonthNamesAreEnglishWhateverTheMachinesCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("cy-GB");
            Assert.AreEqual("16 June 2021", UkDate.Format(new DateOnly(2021, 6, 16)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
