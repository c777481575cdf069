using System.Text.RegularExpressions;

namespace NewsSite.Content;

/// <summary>Tells a person reading from an obvious robot or a prefetch, so only people count as views.</summary>
public static partial class Readers
{
    public static bool IsPerson(HttpRequest request)
    {
        var userAgent = request.Headers.UserAgent.ToString();
        if (userAgent.Length == 0 || BotPattern().IsMatch(userAgent))
        {
            return false;
        }
        var purpose = request.Headers["Sec-Purpose"].ToString() + request.Headers["Purpose"].ToString();
        return !purpose.Contains("prefetch", StringComparison.OrdinalIgnoreCase)
            && HttpMethods.IsGet(request.Method);
    }

    [GeneratedRegex(@"bot|crawl|spider|slurp|curl|wget|python|go-http-client|java/|libwww|httpclient|okhttp|headless|lighthouse|facebookexternalhit|preview|monitor|scan|fetch|feed",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BotPattern();
}
