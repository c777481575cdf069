namespace NewsSite.Content;

/// <summary>The site's time zone (from the settings) and "now", for pages that show local dates.</summary>
public sealed class SiteClock(TimeProvider time, SiteSettingsStore settings)
{
    public TimeZoneInfo Zone => settings.Current.Zone;

    public string ZoneId => settings.Current.Settings.TimeZone;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public string DateLine() => ArabicDateLine.Format(UtcNow, Zone);

    public string Stamp(DateTime utc) => ArabicDateLine.FormatStamp(utc, Zone);

    /// <summary>The local day in the Umm al-Qura calendar, e.g. "25 ربيع الآخر 1447 هـ".</summary>
    public string Hijri(DateTime utc) => ArabicDates.Hijri(utc, Zone);

    /// <summary>"منذ 3 دقائق" as of now, the date itself after a week.</summary>
    public string Ago(DateTime utc) => ArabicDates.Relative(utc, UtcNow, Zone);

    /// <summary>The machine-readable form for <c>&lt;time datetime&gt;</c>: UTC to the second.</summary>
    public static string Machine(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in the site's zone with its offset (2025-10-17T01:32:26+03:00), for feeds, sitemaps and structured data.</summary>
    public string Iso(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)))
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    public int CurrentYear => TimeZoneInfo.ConvertTimeFromUtc(UtcNow, Zone).Year;

    /// <summary>A local date and time typed in the site's zone, as UTC.</summary>
    public DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
