namespace ResponseDrafter.Documents.Rules;

/// <summary>Police Act 1996 s55(5): publish within 56 days beginning with the day the report is published.</summary>
public static class StatutoryDeadline
{
    /// <summary>"Beginning with" counts the publication day as day 1, so day 56 is 55 days after it.</summary>
    public const int DaysAfterPublication = 55;

    /// <summary>The last day on which the response may be published.</summary>
    public static DateOnly For(DateOnly publishedOn) => publishedOn.AddDays(DaysAfterPublication);

    /// <summary>Days from <paramref name="today"/> to the last day: 0 on the last day, negative once overdue.</summary>
    public static int DaysLeft(DateOnly publishedOn, DateOnly today) => For(publishedOn).DayNumber - today.DayNumber;
}
