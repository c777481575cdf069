namespace NewsSite.Tests.Discovery;

public sealed class RobotsTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task Robots_names_both_sitemaps_absolutely_and_keeps_crawlers_out_of_the_newsroom()
    {
        using var client = factory.CreateReader();

        var response = await client.GetAsync(new Uri("/robots.txt", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries);

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /go/", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap-news.xml", lines);
    }
}
