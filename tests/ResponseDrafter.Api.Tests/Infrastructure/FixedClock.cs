namespace ResponseDrafter.Api.Tests.Infrastructure;

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock On(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
