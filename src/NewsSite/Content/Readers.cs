using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace NewsSite.Content;

/// <summary>Tells a person reading from an obvious robot or a prefetch, so only people count as views.</summary>
public static partial class Readers
{
    public static bool IsPerson(HttpRequest request)
    {
        var userAgent = request.Headers.UserAgent.ToString();
        if (userAgent.Length == 0 || IsRobot(userAgent))
        {
            return false;
        }
        var purpose = request.Headers["Sec-Purpose"].ToString() + request.Headers["Purpose"].ToString();
        return !purpose.Contains("prefetch", StringComparison.OrdinalIgnoreCase)
            && HttpMethods.IsGet(request.Method);
    }

    // A browser sends the same user agent with every page: its verdict is remembered rather than matched on every request.
    // Bounded: past the limit the memory starts over, so a flood of made-up agents costs a match each, never memory.
    private const int RememberedAgentsLimit = 10_000;
    private const int RememberedAgentLength = 512;
    private static readonly ConcurrentDictionary<string, bool> RememberedAgents = new(StringComparer.Ordinal);

    private static bool IsRobot(string userAgent)
    {
        if (RememberedAgents.TryGetValue(userAgent, out var robot))
        {
            return robot;
        }
        robot = BotPattern().IsMatch(userAgent);
        if (userAgent.Length <= RememberedAgentLength)
        {
            if (RememberedAgents.Count >= RememberedAgentsLimit)
            {
                RememberedAgents.Clear();
            }
            RememberedAgents[userAgent] = robot;
        }
        return robot;
    }

    [GeneratedRegex(@"bot|crawl|spider|slurp|curl|wget|python|go-http-client|java/|libwww|httpclient|okhttp|headless|lighthouse|facebookexternalhit|preview|monitor|scan|fetch|feed",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BotPattern();
}
