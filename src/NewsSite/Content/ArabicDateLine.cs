using System.Globalization;

namespace NewsSite.Content;

/// <summary>
/// Arabic dates as the site prints them, e.g. the date line "الجمعة - 2025/10/17 1:32:26 صباحًا". Written
/// by hand because .NET's Arabic cultures print ص/م and some default to the Hijri calendar;
/// wwwroot/js/clock.js mirrors <see cref="Format"/> in the browser.
/// </summary>
public static class ArabicDateLine
{
    private static readonly string[] Weekdays =
        ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"];

    /// <summary>The live date line: weekday, date, time with seconds, صباحًا/مساءً.</summary>
    public static string Format(DateTime utc, TimeZoneInfo zone)
    {
        var local = ToLocal(utc, zone);
        return $"{Weekdays[(int)local.DayOfWeek]} - {Date(local)} {Time(local, withSeconds: true)}";
    }

    /// <summary>A publish or update time: date and time to the minute.</summary>
    public static string FormatStamp(DateTime utc, TimeZoneInfo zone)
    {
        var local = ToLocal(utc, zone);
        return $"{Date(local)} {Time(local, withSeconds: false)}";
    }

    private static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    private static string Date(DateTime local) => local.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    private static string Time(DateTime local, bool withSeconds)
    {
        var hour12 = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var period = local.Hour < 12 ? "صباحًا" : "مساءً";
        var minutes = local.ToString(withSeconds ? "mm:ss" : "mm", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{hour12}:{minutes} {period}");
    }
}
