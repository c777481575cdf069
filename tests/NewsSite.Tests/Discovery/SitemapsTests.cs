using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using NewsSite.Content;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Discovery;

/// <summary>
/// The split is tested with the per-file limit lowered to 10 (News:SitemapUrlsPerFile): the same code path as
/// 50,000, without seeding 50,001 articles into every test run.
/// </summary>
public sealed class SmallSitemapsFactory : NewsSiteFactory
{
    public const int PerFile = 10;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("News:SitemapUrlsPerFile", PerFile.ToString(CultureInfo.InvariantCulture));
    }
}

public sealed class SitemapsTests(SmallSitemapsFactory factory) : IClassFixture<SmallSitemapsFactory>
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public void Per_file_limit_defaults_to_the_protocols_50000() =>
        Assert.Equal(50_000, new NewsOptions().SitemapUrlsPerFile);

    [Fact]
    public async Task Sitemap_index_splits_live_articles_into_files_within_the_limit()
    {
        var section = Build.Section();
        var live = Enumerable.Range(0, 25).Select(i => Build.Article(section, title: $"خبر الخريطة {i}").Published(DateTime.UtcNow.AddHours(-i))).ToList();
        var draft = Build.Article(section, title: "مسودة الخريطة");
        var scheduled = Build.Article(section, title: "مجدول الخريطة");
        scheduled.Schedule(DateTime.UtcNow.AddDays(1));
        await factory.SaveAsync([.. live, draft, scheduled]);
        using var client = factory.CreateReader();

        var index = await GetXmlAsync(client, "/sitemap.xml");

        Assert.Equal(Ns + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Ns + "sitemap").Select(s => s.Element(Ns + "loc")!.Value).ToList();
        Assert.Equal("http://localhost/sitemaps/pages.xml", files[0]);
        Assert.True(files.Count >= 4, $"25 articles at 10 a file need 3 files besides pages.xml, got {files.Count - 1}");
        var locs = new List<string>();
        foreach (var file in files)
        {
            var urlset = (await GetXmlAsync(client, new Uri(file).PathAndQuery)).Root!;
            Assert.Equal(Ns + "urlset", urlset.Name);
            var urls = urlset.Elements(Ns + "url").ToList();
            Assert.InRange(urls.Count, 1, SmallSitemapsFactory.PerFile);
            foreach (var url in urls)
            {
                var loc = url.Element(Ns + "loc")!.Value;
                Assert.True(Uri.TryCreate(loc, UriKind.Absolute, out var uri) && uri.Scheme == "http" && uri.Host == "localhost", loc);
                if (url.Element(Ns + "lastmod") is { } lastmod)
                {
                    Assert.True(DateTimeOffset.TryParseExact(lastmod.Value, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), lastmod.Value);
                }
                locs.Add(loc);
            }
        }
        Assert.Equal(locs.Count, locs.Distinct().Count());
        Assert.Subset(locs.ToHashSet(), live.Select(a => "http://localhost" + ArticleLinks.PathOf(a.Id, a.Slug)).ToHashSet());
        Assert.DoesNotContain("http://localhost" + ArticleLinks.PathOf(draft.Id, draft.Slug), locs);
        Assert.DoesNotContain("http://localhost" + ArticleLinks.PathOf(scheduled.Id, scheduled.Slug), locs);
        Assert.Contains("http://localhost/", locs);
        Assert.Contains($"http://localhost/section/{section.Slug}", locs);
        Assert.Contains($"http://localhost/author/{live[0].Author.Slug}", locs);
    }

    [Fact]
    public async Task Article_sitemap_lastmod_comes_from_the_update_time()
    {
        var article = Build.Article(title: "خبر حدث لاحقًا").Published(DateTime.UtcNow.AddDays(-2));
        article.UpdatedAt = DateTime.UtcNow.AddHours(-1);
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();
        var file = (article.Id - 1) / SmallSitemapsFactory.PerFile + 1;

        var urlset = await GetXmlAsync(client, $"/sitemaps/articles-{file}.xml");

        var url = urlset.Root!.Elements(Ns + "url").Single(u => u.Element(Ns + "loc")!.Value.EndsWith(ArticleLinks.PathOf(article.Id, article.Slug), StringComparison.Ordinal));
        var lastmod = DateTimeOffset.Parse(url.Element(Ns + "lastmod")!.Value, CultureInfo.InvariantCulture);
        Assert.Equal(article.UpdatedAt, lastmod.UtcDateTime, TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("/sitemaps/articles-0.xml")]
    [InlineData("/sitemaps/articles-99999.xml")]
    public async Task Article_file_without_live_articles_is_404(string path)
    {
        using var client = factory.CreateReader();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    internal static async Task<XDocument> GetXmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Load(await response.Content.ReadAsStreamAsync());
    }
}

public sealed class NewsSitemapTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    [Fact]
    public async Task News_sitemap_holds_at_most_1000_live_stories_of_the_last_48_hours_newest_first()
    {
        var now = DateTime.UtcNow;
        var section = Build.Section();
        var author = Build.Author();
        var recent = Enumerable.Range(0, 1005).Select(i => Build.Article(section, author, title: $"خبر عاجل رقم {i}").Published(now.AddMinutes(-1 - i))).ToList();
        var old = Build.Article(section, author, title: "خبر قبل 49 ساعة").Published(now.AddHours(-49));
        var draft = Build.Article(section, author, title: "مسودة اليوم");
        await factory.SaveAsync([.. recent, old, draft]);
        using var client = factory.CreateReader();

        var sitemap = await SitemapsTests.GetXmlAsync(client, "/sitemap-news.xml");

        Assert.Equal(Ns + "urlset", sitemap.Root!.Name);
        var urls = sitemap.Root.Elements(Ns + "url").ToList();
        Assert.Equal(1000, urls.Count);
        Assert.Equal(recent.Take(1000).Select(a => "http://localhost" + ArticleLinks.PathOf(a.Id, a.Slug)), urls.Select(u => u.Element(Ns + "loc")!.Value));
        var first = urls[0].Element(News + "news")!;
        Assert.Equal("نبض الخبر", first.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Equal("ar", first.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal("خبر عاجل رقم 0", first.Element(News + "title")!.Value);
        Assert.All(urls, u =>
        {
            var published = DateTimeOffset.Parse(u.Element(News + "news")!.Element(News + "publication_date")!.Value, CultureInfo.InvariantCulture);
            Assert.InRange(published.UtcDateTime, now.AddHours(-48), now);
        });
        Assert.DoesNotContain(urls, u => u.Descendants(News + "title").Single().Value is "خبر قبل 49 ساعة" or "مسودة اليوم");
    }

    [Fact]
    public async Task News_sitemap_leaves_out_stories_older_than_48_hours()
    {
        var now = DateTime.UtcNow;
        var inside = Build.Article(title: "خبر قبل 47 ساعة").Published(now.AddHours(-47));
        var outside = Build.Article(title: "خبر قبل 48 ساعة ودقيقة").Published(now.AddHours(-48).AddMinutes(-1));
        await factory.SaveAsync(inside, outside);
        using var client = factory.CreateReader();

        var sitemap = await SitemapsTests.GetXmlAsync(client, "/sitemap-news.xml");

        var titles = sitemap.Descendants(News + "title").Select(t => t.Value).ToList();
        // The other test here may fill the 1,000 with newer stories; then neither shows, which is still right.
        Assert.True(titles.Contains("خبر قبل 47 ساعة") || titles.Count == 1000);
        Assert.DoesNotContain("خبر قبل 48 ساعة ودقيقة", titles);
    }
}
