using Microsoft.Extensions.Options;

namespace NewsSite.Content;

/// <summary>The site's time zone and "now", for pages that show local dates.</summary>
public sealed class SiteClock(TimeProvider time, IOptions<NewsOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public string ZoneId => options.Value.TimeZone;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public string DateLine() => ArabicDateLine.Format(UtcNow, Zone);

    public string Stamp(DateTime utc) => ArabicDateLine.FormatStamp(utc, Zone);

    /// <summary>The machine-readable form for <c>&lt;time datetime&gt;</c>: UTC to the second.</summary>
    public static string Machine(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public int CurrentYear => TimeZoneInfo.ConvertTimeFromUtc(UtcNow, Zone).Year;
}
