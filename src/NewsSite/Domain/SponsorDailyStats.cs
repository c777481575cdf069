namespace NewsSite.Domain;

/// <summary>How often one sponsor was shown and clicked on one day (UTC).</summary>
public class SponsorDailyStats
{
    public int SponsorId { get; set; }
    public DateOnly Day { get; set; }
    public long Impressions { get; set; }
    public long Clicks { get; set; }
}
