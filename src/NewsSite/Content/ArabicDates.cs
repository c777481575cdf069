using System.Globalization;

namespace NewsSite.Content;

/// <summary>
/// The Hijri date (Umm al-Qura) and relative times ("منذ 3 دقائق") in Arabic. Month names and number
/// agreement are written here rather than taken from a culture: ar-SA would print Arabic-Indic digits,
/// and no .NET culture knows that 3–10 take the plural and 11+ the accusative singular.
/// </summary>
public static class ArabicDates
{
    public enum Unit
    {
        Minute,
        Hour,
        Day,
    }

    /// <summary>After this long a card shows the date itself: "منذ 9 أيام" reads worse than the date.</summary>
    public static readonly TimeSpan RelativeLimit = TimeSpan.FromDays(7);

    private static readonly UmAlQuraCalendar UmmAlQura = new();

    private static readonly string[] HijriMonths =
    [
        "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
        "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
    ];

    // Per unit: one, two, 3–10 (plural), 11+ (accusative singular).
    private static readonly Dictionary<Unit, (string One, string Two, string Few, string Many)> Forms = new()
    {
        [Unit.Minute] = ("دقيقة", "دقيقتين", "دقائق", "دقيقة"),
        [Unit.Hour] = ("ساعة", "ساعتين", "ساعات", "ساعة"),
        [Unit.Day] = ("يوم", "يومين", "أيام", "يومًا"),
    };

    /// <summary>The local day in the Umm al-Qura calendar, e.g. "25 ربيع الآخر 1447 هـ".</summary>
    public static string Hijri(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var day = UmmAlQura.GetDayOfMonth(local);
        var month = HijriMonths[UmmAlQura.GetMonth(local) - 1];
        var year = UmmAlQura.GetYear(local);
        return string.Create(CultureInfo.InvariantCulture, $"{day} {month} {year} هـ");
    }

    /// <summary>
    /// How long ago <paramref name="utc"/> was at <paramref name="nowUtc"/>: "منذ لحظات" under a minute, then
    /// minutes, hours and days, then (from a week, or for a time ahead of now) the local date and time.
    /// </summary>
    public static string Relative(DateTime utc, DateTime nowUtc, TimeZoneInfo zone)
    {
        var elapsed = nowUtc - utc;
        // A few seconds ahead is clock skew between servers, not the future.
        if (elapsed < TimeSpan.FromMinutes(1) && elapsed > TimeSpan.FromMinutes(-1))
        {
            return "منذ لحظات";
        }
        if (elapsed < TimeSpan.Zero || elapsed >= RelativeLimit)
        {
            return ArabicDateLine.FormatStamp(utc, zone);
        }
        return elapsed.TotalHours < 1 ? Ago((int)elapsed.TotalMinutes, Unit.Minute)
            : elapsed.TotalDays < 1 ? Ago((int)elapsed.TotalHours, Unit.Hour)
            : Ago((int)elapsed.TotalDays, Unit.Day);
    }

    /// <summary>"منذ" and a count of <paramref name="unit"/> with Arabic number agreement (Western digits, like the rest of the site).</summary>
    public static string Ago(int count, Unit unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var (one, two, few, many) = Forms[unit];
        // Agreement follows the last two digits: 103 takes the plural like 3, 111 the singular like 11; 100 and 101 the genitive "يوم".
        var lastTwo = count % 100;
        return count switch
        {
            1 => $"منذ {one}",
            2 => $"منذ {two}",
            _ => string.Create(CultureInfo.InvariantCulture, $"منذ {count} {lastTwo switch
            {
                >= 3 and <= 10 => few,
                >= 11 => many,
                _ => one,
            }}"),
        };
    }
}
