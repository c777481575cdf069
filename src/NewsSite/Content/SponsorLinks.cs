namespace NewsSite.Content;

/// <summary>Where sponsor links lead: readers click through /go/{id}, which only ever sends them to a stored web address.</summary>
public static class SponsorLinks
{
    public static string ClickPath(int sponsorId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/go/{sponsorId}");
}
