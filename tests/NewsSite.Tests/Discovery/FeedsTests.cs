using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using NewsSite.Content;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Discovery;

public sealed class FeedsTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task Site_feed_is_rss_2_with_the_50_newest_live_items_and_absolute_links()
    {
        // Seconds old, so newer than anything the other tests here publish (minutes old).
        var now = DateTime.UtcNow;
        var section = Build.Section("محليات");
        var articles = Enumerable.Range(0, 55).Select(i => Build.Article(section, title: $"خبر رقم {i}").Published(now.AddSeconds(-2 - i))).ToList();
        var draft = Build.Article(section, title: "مسودة حديثة");
        var scheduled = Build.Article(section, title: "خبر مجدول");
        scheduled.Schedule(now.AddHours(3));
        await factory.SaveAsync([.. articles, draft, scheduled]);
        using var client = factory.CreateReader();

        var response = await client.GetAsync(new Uri("/feed.xml", UriKind.Relative));
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        var rss = XDocument.Parse(xml).Root!;
        Assert.Equal("rss", rss.Name.LocalName);
        Assert.Equal("2.0", rss.Attribute("version")!.Value);
        Assert.Equal("ar", rss.Element("channel")!.Element("language")!.Value);

        var feed = Load(xml);
        Assert.Equal("نبض الخبر", feed.Title.Text);
        Assert.Equal(50, feed.Items.Count());
        var expected = articles.Take(50).ToList();
        Assert.Equal(expected.Select(a => "http://localhost" + ArticleLinks.PathOf(a.Id, a.Slug)),
            feed.Items.Select(i => i.Links.Single().Uri.AbsoluteUri));
        Assert.Equal(expected.Select(a => a.PublishedAt!.Value), feed.Items.Select(i => i.PublishDate.UtcDateTime), new WithinASecond());
        Assert.All(feed.Items, i => Assert.Equal(section.Name, i.Categories.Single().Name));
        Assert.DoesNotContain(feed.Items, i => i.Title.Text is "مسودة حديثة" or "خبر مجدول");
    }

    [Fact]
    public async Task Section_feed_holds_only_that_sections_stories()
    {
        var art = Build.Section("فن");
        var sport = Build.Section("رياضة");
        var now = DateTime.UtcNow;
        await factory.SaveAsync(
            Build.Article(art, title: "خبر فني أول").Published(now.AddMinutes(-20)),
            Build.Article(art, title: "خبر فني ثان").Published(now.AddMinutes(-10)),
            Build.Article(art, title: "مسودة فنية"),
            Build.Article(sport, title: "خبر رياضي").Published(now.AddMinutes(-15)));
        using var client = factory.CreateReader();

        var feed = Load(await client.GetStringAsync(new Uri($"/section/{art.Slug}/feed.xml", UriKind.Relative)));

        Assert.Equal(["خبر فني ثان", "خبر فني أول"], feed.Items.Select(i => i.Title.Text));
        Assert.Equal($"http://localhost/section/{art.Slug}", feed.Links.Single().Uri.AbsoluteUri);
        Assert.Contains("فن", feed.Title.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_section_feed_is_404()
    {
        using var client = factory.CreateReader();

        var response = await client.GetAsync(new Uri("/section/no-such-section/feed.xml", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static SyndicationFeed Load(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        return SyndicationFeed.Load(reader);
    }

    private sealed class WithinASecond : IEqualityComparer<DateTime>
    {
        public bool Equals(DateTime x, DateTime y) => Math.Abs((x - y).TotalSeconds) < 1;
        public int GetHashCode(DateTime obj) => 0;
    }
}
