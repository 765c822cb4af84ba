using System.Globalization;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>UK long-form dates with English month names, whatever the machine's culture.</summary>
public static class UkDate
{
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>"19 July 2021", or "22nd December 2017" in the ordinal style.</summary>
    public static string Format(DateOnly date, DateStyle style = DateStyle.Plain)
    {
        var day = date.Day.ToString(CultureInfo.InvariantCulture);
        if (style == DateStyle.Ordinal)
        {
            day += Suffix(date.Day);
        }

        return $"{day} {Months[date.Month - 1]} {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string Suffix(int day) => day switch
    {
        11 or 12 or 13 => "th",
        _ when day % 10 == 1 => "st",
        _ when day % 10 == 2 => "nd",
        _ when day % 10 == 3 => "rd",
        _ => "th",
    };
}
