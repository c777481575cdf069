using System.Globalization;
using NewsSite.Content;
using Unit = NewsSite.Content.ArabicDates.Unit;

namespace NewsSite.Tests.Content;

public class ArabicDatesTests
{
    private static readonly TimeZoneInfo Kuwait = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuwait");

    private static readonly DateTime Now = new(2025, 10, 17, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1, Unit.Minute, "منذ دقيقة")]
    [InlineData(2, Unit.Minute, "منذ دقيقتين")]
    [InlineData(3, Unit.Minute, "منذ 3 دقائق")]
    [InlineData(7, Unit.Minute, "منذ 7 دقائق")]
    [InlineData(10, Unit.Minute, "منذ 10 دقائق")]
    [InlineData(11, Unit.Minute, "منذ 11 دقيقة")]
    [InlineData(59, Unit.Minute, "منذ 59 دقيقة")]
    [InlineData(1, Unit.Hour, "منذ ساعة")]
    [InlineData(2, Unit.Hour, "منذ ساعتين")]
    [InlineData(3, Unit.Hour, "منذ 3 ساعات")]
    [InlineData(10, Unit.Hour, "منذ 10 ساعات")]
    [InlineData(11, Unit.Hour, "منذ 11 ساعة")]
    [InlineData(23, Unit.Hour, "منذ 23 ساعة")]
    [InlineData(1, Unit.Day, "منذ يوم")]
    [InlineData(2, Unit.Day, "منذ يومين")]
    [InlineData(3, Unit.Day, "منذ 3 أيام")]
    [InlineData(10, Unit.Day, "منذ 10 أيام")]
    [InlineData(11, Unit.Day, "منذ 11 يومًا")]
    [InlineData(30, Unit.Day, "منذ 30 يومًا")]
    [InlineData(100, Unit.Day, "منذ 100 يوم")]
    [InlineData(103, Unit.Day, "منذ 103 أيام")]
    [InlineData(111, Unit.Day, "منذ 111 يومًا")]
    public void Ago_every_agreement_form_of_every_unit_is_arabic_grammar(int count, Unit unit, string expected)
    {
        Assert.Equal(expected, ArabicDates.Ago(count, unit));
    }

    [Fact]
    public void Ago_zero_is_not_a_count()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ArabicDates.Ago(0, Unit.Minute));
    }

    [Theory]
    [InlineData(0, "منذ لحظات")]
    [InlineData(59, "منذ لحظات")]
    [InlineData(-30, "منذ لحظات")]
    [InlineData(60, "منذ دقيقة")]
    [InlineData(119, "منذ دقيقة")]
    [InlineData(120, "منذ دقيقتين")]
    [InlineData(5 * 60 + 30, "منذ 5 دقائق")]
    [InlineData(11 * 60, "منذ 11 دقيقة")]
    [InlineData(59 * 60 + 59, "منذ 59 دقيقة")]
    [InlineData(3600, "منذ ساعة")]
    [InlineData(2 * 3600, "منذ ساعتين")]
    [InlineData(4 * 3600, "منذ 4 ساعات")]
    [InlineData(12 * 3600, "منذ 12 ساعة")]
    [InlineData(24 * 3600, "منذ يوم")]
    [InlineData(2 * 24 * 3600, "منذ يومين")]
    [InlineData(6 * 24 * 3600 + 23 * 3600, "منذ 6 أيام")]
    public void Relative_picks_the_largest_whole_unit(int secondsAgo, string expected)
    {
        Assert.Equal(expected, ArabicDates.Relative(Now.AddSeconds(-secondsAgo), Now, Kuwait));
    }

    [Fact]
    public void Relative_after_a_week_is_the_local_date_and_time()
    {
        var published = new DateTime(2025, 10, 9, 22, 32, 0, DateTimeKind.Utc);

        Assert.Equal("2025/10/10 1:32 صباحًا", ArabicDates.Relative(published, Now, Kuwait));
    }

    [Fact]
    public void Relative_well_in_the_future_is_the_date_not_a_negative_count()
    {
        var scheduled = Now.AddHours(3);

        Assert.Equal(ArabicDateLine.FormatStamp(scheduled, Kuwait), ArabicDates.Relative(scheduled, Now, Kuwait));
    }

    // Known Umm al-Qura days: 1 Ramadan 1446, Eid al-Fitr 1446, Eid al-Adha 1445, Hijri new year 1447.
    [Theory]
    [InlineData(2025, 10, 17, "25 ربيع الآخر 1447 هـ")]
    [InlineData(2025, 10, 7, "15 ربيع الآخر 1447 هـ")]
    [InlineData(2025, 3, 1, "1 رمضان 1446 هـ")]
    [InlineData(2025, 3, 30, "1 شوال 1446 هـ")]
    [InlineData(2024, 6, 16, "10 ذو الحجة 1445 هـ")]
    [InlineData(2025, 6, 26, "1 محرم 1447 هـ")]
    [InlineData(2026, 2, 18, "1 رمضان 1447 هـ")]
    public void Hijri_known_days_match_umm_al_qura(int year, int month, int day, string expected)
    {
        // Noon in Kuwait, so the local day is the same as the UTC day.
        var utc = new DateTime(year, month, day, 9, 0, 0, DateTimeKind.Utc);
        var calendar = new UmAlQuraCalendar();

        var hijri = ArabicDates.Hijri(utc, Kuwait);

        Assert.Equal(expected, hijri);
        Assert.StartsWith(
            string.Create(CultureInfo.InvariantCulture, $"{calendar.GetDayOfMonth(utc)} "), hijri, StringComparison.Ordinal);
        Assert.Contains(calendar.GetYear(utc).ToString(CultureInfo.InvariantCulture), hijri, StringComparison.Ordinal);
    }

    [Fact]
    public void Hijri_uses_the_local_day_of_the_site_zone()
    {
        // 22:30 UTC on 16 October is already 17 October in Kuwait.
        var utc = new DateTime(2025, 10, 16, 22, 30, 0, DateTimeKind.Utc);

        Assert.Equal("24 ربيع الآخر 1447 هـ", ArabicDates.Hijri(utc, TimeZoneInfo.Utc));
        Assert.Equal("25 ربيع الآخر 1447 هـ", ArabicDates.Hijri(utc, Kuwait));
    }

    [Fact]
    public void Hijri_under_an_arabic_culture_keeps_western_digits()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");

            Assert.Equal("25 ربيع الآخر 1447 هـ", ArabicDates.Hijri(new DateTime(2025, 10, 17, 9, 0, 0, DateTimeKind.Utc), Kuwait));
            Assert.Equal("منذ 5 دقائق", ArabicDates.Ago(5, Unit.Minute));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
