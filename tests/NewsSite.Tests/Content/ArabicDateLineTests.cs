using System.Globalization;
using System.Text.RegularExpressions;
using NewsSite.Content;

namespace NewsSite.Tests.Content;

public class ArabicDateLineTests
{
    private const string Am = "صباحًا";
    private const string Pm = "مساءً";

    // ECMAScript mode so \d means [0-9] only; .NET's default \d would also accept Arabic-Indic digits.
    private static readonly Regex DateLineShape = new(
        @"^(الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت) - \d{4}/\d{2}/\d{2} ([1-9]|1[0-2]):[0-5]\d:[0-5]\d (صباحًا|مساءً)$",
        RegexOptions.ECMAScript);

    private static readonly Regex StampShape = new(
        @"^\d{4}/\d{2}/\d{2} ([1-9]|1[0-2]):[0-5]\d (صباحًا|مساءً)$",
        RegexOptions.ECMAScript);

    private static readonly TimeZoneInfo Kuwait = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuwait");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static DateTime Utc(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    [Fact]
    public void Kuwait_lateEveningUtc_isNextDayFridayMorning()
    {
        var line = ArabicDateLine.Format(Utc(2025, 10, 16, 22, 32, 26), Kuwait);

        Assert.Equal("الجمعة - 2025/10/17 1:32:26 صباحًا", line);
    }

    [Fact]
    public void Morning_endsWithSabahan()
    {
        var line = ArabicDateLine.Format(Utc(2025, 10, 17, 7, 15, 42), Kuwait); // 10:15:42 local

        Assert.Equal($"الجمعة - 2025/10/17 10:15:42 {Am}", line);
    }

    [Fact]
    public void Afternoon_endsWithMasaan()
    {
        var line = ArabicDateLine.Format(Utc(2025, 10, 17, 14, 45, 30), Kuwait); // 17:45:30 local

        Assert.Equal($"الجمعة - 2025/10/17 5:45:30 {Pm}", line);
    }

    [Fact]
    public void Midnight_isTwelveSabahan()
    {
        var line = ArabicDateLine.Format(Utc(2025, 10, 17, 21, 0, 0), Kuwait); // 00:00:00 Saturday local

        Assert.Equal($"السبت - 2025/10/18 12:00:00 {Am}", line);
    }

    [Fact]
    public void Noon_isTwelveMasaan()
    {
        var line = ArabicDateLine.Format(Utc(2025, 10, 17, 9, 0, 0), Kuwait); // 12:00:00 local

        Assert.Equal($"الجمعة - 2025/10/17 12:00:00 {Pm}", line);
    }

    [Fact]
    public void OnePm_isOneNotThirteen()
    {
        var line = ArabicDateLine.Format(Utc(2025, 10, 17, 10, 5, 9), Kuwait); // 13:05:09 local

        Assert.Equal($"الجمعة - 2025/10/17 1:05:09 {Pm}", line);
        Assert.DoesNotContain("13:", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "12", Am)]
    [InlineData(1, "1", Am)]
    [InlineData(9, "9", Am)]
    [InlineData(11, "11", Am)]
    [InlineData(12, "12", Pm)]
    [InlineData(13, "1", Pm)]
    [InlineData(21, "9", Pm)]
    [InlineData(23, "11", Pm)]
    public void Hour_mapsToTwelveHourClockAndPeriod(int hour24, string hour12, string period)
    {
        var line = ArabicDateLine.Format(Utc(2025, 10, 17, hour24, 59, 59), TimeZoneInfo.Utc);

        Assert.EndsWith($" {hour12}:59:59 {period}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleDigitHour_hasNoLeadingZero()
    {
        var line = ArabicDateLine.Format(Utc(2025, 10, 17, 9, 7, 5), TimeZoneInfo.Utc);

        Assert.EndsWith($"2025/10/17 9:07:05 {Am}", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" 09:", line, StringComparison.Ordinal);
    }

    [Fact]
    public void MinutesAndSeconds_areZeroPadded()
    {
        var line = ArabicDateLine.Format(Utc(2025, 1, 5, 15, 0, 3), TimeZoneInfo.Utc);

        Assert.Equal($"الأحد - 2025/01/05 3:00:03 {Pm}", line);
    }

    [Theory]
    [InlineData(0, "الأحد")]
    [InlineData(1, "الاثنين")]
    [InlineData(2, "الثلاثاء")]
    [InlineData(3, "الأربعاء")]
    [InlineData(4, "الخميس")]
    [InlineData(5, "الجمعة")]
    [InlineData(6, "السبت")]
    public void EveryWeekday_hasItsArabicName(int daysAfterSunday, string weekday)
    {
        // 2025-10-12 is a Sunday; noon in Kuwait keeps the local date equal to the UTC date.
        var utc = Utc(2025, 10, 12, 9, 0, 0).AddDays(daysAfterSunday);

        var line = ArabicDateLine.Format(utc, Kuwait);

        Assert.Equal($"{weekday} - 2025/10/{12 + daysAfterSunday} 12:00:00 {Pm}", line);
    }

    [Fact]
    public void NewYork_beforeSpringForward_isStandardTimeOnPreviousDay()
    {
        // 2025-03-09 04:30Z is 23:30 EST (UTC-5) on Saturday 2025-03-08.
        var line = ArabicDateLine.Format(Utc(2025, 3, 9, 4, 30, 0), NewYork);

        Assert.Equal($"السبت - 2025/03/08 11:30:00 {Pm}", line);
    }

    [Fact]
    public void NewYork_springForward_skipsFromTwoToThree()
    {
        var before = ArabicDateLine.Format(Utc(2025, 3, 9, 6, 59, 59), NewYork);
        var after = ArabicDateLine.Format(Utc(2025, 3, 9, 7, 0, 0), NewYork);

        Assert.Equal($"الأحد - 2025/03/09 1:59:59 {Am}", before);
        Assert.Equal($"الأحد - 2025/03/09 3:00:00 {Am}", after);
    }

    [Fact]
    public void NewYork_afterFallBack_crossesBackToPreviousDay()
    {
        // 2025-11-03 04:30Z is 23:30 EST on Sunday 2025-11-02; were EDT still applied it would be 00:30 Monday.
        var line = ArabicDateLine.Format(Utc(2025, 11, 3, 4, 30, 0), NewYork);

        Assert.Equal($"الأحد - 2025/11/02 11:30:00 {Pm}", line);
    }

    [Fact]
    public void NewYork_fallBack_repeatsOneThirty()
    {
        var daylight = ArabicDateLine.Format(Utc(2025, 11, 2, 5, 30, 0), NewYork);
        var standard = ArabicDateLine.Format(Utc(2025, 11, 2, 6, 30, 0), NewYork);

        Assert.Equal($"الأحد - 2025/11/02 1:30:00 {Am}", daylight);
        Assert.Equal(daylight, standard);
    }

    [Fact]
    public void Tokyo_crossesIntoNewYear()
    {
        var line = ArabicDateLine.Format(Utc(2025, 12, 31, 15, 0, 0), Tokyo);

        Assert.Equal($"الخميس - 2026/01/01 12:00:00 {Am}", line);
    }

    [Fact]
    public void UnspecifiedKind_isTreatedAsUtc()
    {
        var unspecified = new DateTime(2025, 10, 16, 22, 32, 26, DateTimeKind.Unspecified);

        Assert.Equal(
            ArabicDateLine.Format(Utc(2025, 10, 16, 22, 32, 26), Kuwait),
            ArabicDateLine.Format(unspecified, Kuwait));
    }

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("ar-EG")]
    [InlineData("ar-KW")]
    public void ArabicCurrentCulture_stillUsesWesternDigits(string cultureName)
    {
        var line = WithCulture(cultureName, () => ArabicDateLine.Format(Utc(2025, 10, 16, 22, 32, 26), Kuwait));
        var stamp = WithCulture(cultureName, () => ArabicDateLine.FormatStamp(Utc(2025, 10, 16, 22, 32, 26), Kuwait));

        Assert.Equal("الجمعة - 2025/10/17 1:32:26 صباحًا", line);
        Assert.Equal("2025/10/17 1:32 صباحًا", stamp);
        foreach (var c in line + stamp)
        {
            Assert.False(c is >= '\u0660' and <= '\u0669' or >= '\u06F0' and <= '\u06F9', $"Arabic-Indic digit U+{(int)c:X4}");
            if (char.IsDigit(c))
            {
                Assert.InRange(c, '0', '9');
            }
        }
    }

    [Fact]
    public void SaudiCurrentCulture_stillUsesGregorianCalendar()
    {
        // ar-SA defaults to the Umm al-Qura (Hijri) calendar, in which this day is 1447/04/25.
        Assert.IsType<UmAlQuraCalendar>(new CultureInfo("ar-SA").DateTimeFormat.Calendar);

        var line = WithCulture("ar-SA", () => ArabicDateLine.Format(Utc(2025, 10, 16, 22, 32, 26), Kuwait));

        Assert.Contains("2025/10/17", line, StringComparison.Ordinal);
        Assert.DoesNotContain("1447", line, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryHalfHourInSeveralZones_matchesTheDateLineShape()
    {
        TimeZoneInfo[] zones = [TimeZoneInfo.Utc, Kuwait, NewYork, Tokyo];
        var start = Utc(2025, 3, 8, 0, 0, 7);
        foreach (var zone in zones)
        {
            for (var i = 0; i < 96; i++)
            {
                var line = ArabicDateLine.Format(start.AddMinutes(30 * i), zone);

                Assert.Matches(DateLineShape, line);
            }
        }
    }

    [Fact]
    public void FormatStamp_isDateAndTimeToTheMinute()
    {
        var stamp = ArabicDateLine.FormatStamp(Utc(2025, 10, 16, 22, 32, 26), Kuwait);

        Assert.Equal($"2025/10/17 1:32 {Am}", stamp);
        Assert.Matches(StampShape, stamp);
    }

    [Fact]
    public void FormatStamp_hasNoWeekdayAndNoSeconds()
    {
        var stamp = ArabicDateLine.FormatStamp(Utc(2025, 10, 17, 14, 5, 59), Kuwait); // 17:05:59 local

        Assert.Equal($"2025/10/17 5:05 {Pm}", stamp);
        Assert.DoesNotContain("الجمعة", stamp, StringComparison.Ordinal);
        Assert.DoesNotContain(":59", stamp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(21, 0, "2025/10/18 12:00 " + Am)]
    [InlineData(9, 0, "2025/10/17 12:00 " + Pm)]
    [InlineData(5, 9, "2025/10/17 8:09 " + Am)]
    public void FormatStamp_midnightNoonAndMorning_matchShape(int utcHour, int minute, string expected)
    {
        var stamp = ArabicDateLine.FormatStamp(Utc(2025, 10, 17, utcHour, minute, 0), Kuwait);

        Assert.Equal(expected, stamp);
        Assert.Matches(StampShape, stamp);
    }

    private static string WithCulture(string name, Func<string> action)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
