namespace ResponseDrafter.Api.Http;

public static class Clock
{
    /// <summary>England's time zone (GMT in winter, BST in summer): the one the statutory deadlines are counted in.</summary>
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>
    /// Today's date in England (Europe/London): the date the server records and counts deadlines from. Between
    /// midnight and 01:00 during British Summer Time it is already the next day in England while UTC still has the
    /// day before.
    /// </summary>
    public static DateOnly Today(this TimeProvider clock) => InEngland(clock.GetUtcNow());

    /// <summary>The date in England at <paramref name="instant"/>.</summary>
    public static DateOnly InEngland(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, London).DateTime);

    /// <summary>The date in England at <paramref name="utc"/>, a UTC time as the database keeps it.</summary>
    public static DateOnly InEngland(DateTime utc) => InEngland(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
