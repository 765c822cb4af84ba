namespace ResponseDrafter.Api.Http;

public static class Clock
{
    /// <summary>Today's date in UTC: the date the server records and counts deadlines from.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
