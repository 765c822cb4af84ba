using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Documents.Tests.Rules;

[TestClass]
public sealed class StatutoryDeadlineTests
{
    [TestMethod]
    [DataRow("2017-10-24", "2017-12-18")]
    [DataRow("2021-05-26", "2021-07-20")]
    public void DeadlineIsFiftySixDaysInclusive(string published, string lastDay) =>
        Assert.AreEqual(Day(lastDay), StatutoryDeadline.For(Day(published)));

    [TestMethod]
    public void PublicationDayIsTheFirstOfTheFiftySixDays()
    {
        var published = Day("2021-05-26");

        Assert.AreEqual(56, StatutoryDeadline.For(published).DayNumber - published.DayNumber + 1);
    }

    [TestMethod]
    [DataRow("2021-11-20", "2022-01-14")]
    [DataRow("2021-12-31", "2022-02-24")]
    [DataRow("2021-01-31", "2021-03-27")]
    public void DeadlineRunsAcrossMonthAndYearEnds(string published, string lastDay) =>
        Assert.AreEqual(Day(lastDay), StatutoryDeadline.For(Day(published)));

    [TestMethod]
    [DataRow("2024-01-15", "2024-03-10")]
    [DataRow("2023-01-15", "2023-03-11")]
    [DataRow("2024-02-29", "2024-04-24")]
    public void DeadlineCountsTheLeapDayOnlyInLeapYears(string published, string lastDay) =>
        Assert.AreEqual(Day(lastDay), StatutoryDeadline.For(Day(published)));

    [TestMethod]
    public void NoDaysAreLeftOnTheLastDay() =>
        Assert.AreEqual(0, StatutoryDeadline.DaysLeft(Day("2017-10-24"), Day("2017-12-18")));

    [TestMethod]
    public void OneDayIsLeftOnTheDayBeforeTheLastDay() =>
        Assert.AreEqual(1, StatutoryDeadline.DaysLeft(Day("2017-10-24"), Day("2017-12-17")));

    [TestMethod]
    public void DaysLeftIsNegativeOnceOverdue() =>
        Assert.AreEqual(-1, StatutoryDeadline.DaysLeft(Day("2017-10-24"), Day("2017-12-19")));

    [TestMethod]
    public void FiftyFiveDaysAreLeftOnPublicationDay() =>
        Assert.AreEqual(55, StatutoryDeadline.DaysLeft(Day("2021-05-26"), Day("2021-05-26")));

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
