using System.Diagnostics.CodeAnalysis;

namespace NewsSite.Content;

/// <summary>Where sponsor links lead: readers click through /go/{id}, which only ever sends them to a stored web address.</summary>
public static class SponsorLinks
{
    public static string ClickPath(int sponsorId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/go/{sponsorId}");

    /// <summary>An absolute http or https address with a host: never javascript:, data:, a relative path or "//host".</summary>
    public static bool IsWebAddress([NotNullWhen(true)] string? url) =>
        url is not null
        && url.Length == url.Trim().Length
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;
}
