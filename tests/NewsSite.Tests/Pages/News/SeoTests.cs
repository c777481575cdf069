using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using NewsSite.Content;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Pages.News;

public sealed class SeoTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private const string Origin = "http://localhost";

    [Fact]
    public async Task Json_ld_parses_with_the_required_properties_and_a_script_tag_in_the_title_stays_inside()
    {
        const string Title = "عنوان </script><script>alert(1)</script> خطير";
        var article = Build.Article(title: Title, summary: "ملخص <b>الخبر</b> & المزيد").Published();
        article.HeroImagePath = "/img/demo/local.svg";
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();
        var path = ArticleLinks.PathOf(article.Id, article.Slug);

        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        Assert.DoesNotContain("</script><script>alert(1)", html, StringComparison.Ordinal);
        var blocks = page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent)).ToList();
        Assert.Equal(2, blocks.Count);
        var news = blocks.Single(b => b.RootElement.GetProperty("@type").GetString() == "NewsArticle").RootElement;
        Assert.Equal("https://schema.org", news.GetProperty("@context").GetString());
        Assert.Equal(Title, news.GetProperty("headline").GetString());
        Assert.Equal("ملخص <b>الخبر</b> & المزيد", news.GetProperty("description").GetString());
        Assert.Equal("ar", news.GetProperty("inLanguage").GetString());
        Assert.Equal(Origin + path, news.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        Assert.Equal(Origin + "/img/demo/local.svg", news.GetProperty("image")[0].GetString());
        foreach (var name in new[] { "datePublished", "dateModified" })
        {
            // ISO 8601 with the site's offset (Asia/Kuwait is UTC+3), not a bare UTC time.
            var value = news.GetProperty(name).GetString()!;
            Assert.EndsWith("+03:00", value, StringComparison.Ordinal);
            Assert.Equal(article.PublishedAt!.Value, DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, TimeSpan.FromSeconds(1));
        }
        var author = news.GetProperty("author");
        Assert.Equal("Person", author.GetProperty("@type").GetString());
        Assert.Equal(article.Author.Name, author.GetProperty("name").GetString());
        Assert.Equal($"{Origin}/author/{article.Author.Slug}", author.GetProperty("url").GetString());
        var publisher = news.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.Equal("نبض الخبر", publisher.GetProperty("name").GetString());
        Assert.Equal("ImageObject", publisher.GetProperty("logo").GetProperty("@type").GetString());
        Assert.StartsWith(Origin + "/", publisher.GetProperty("logo").GetProperty("url").GetString(), StringComparison.Ordinal);

        var crumbs = blocks.Single(b => b.RootElement.GetProperty("@type").GetString() == "BreadcrumbList")
            .RootElement.GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], crumbs.Select(c => c.GetProperty("position").GetInt32()));
        Assert.Equal([Origin + "/", $"{Origin}/section/{article.Section.Slug}", Origin + path], crumbs.Select(c => c.GetProperty("item").GetString()));
        Assert.Equal(Title, crumbs[2].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Article_head_has_absolute_canonical_open_graph_and_twitter_tags()
    {
        var tag = Build.Tag("الطاقة");
        var article = Build.Article(title: "خبر له بطاقة اجتماعية").Published();
        article.HeroImagePath = "/img/demo/local.svg";
        article.HeroImageAlt = "صورة المدينة";
        article.Tags.Add(tag);
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();
        var path = ArticleLinks.PathOf(article.Id, article.Slug);

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, path);

        Assert.Equal("خبر له بطاقة اجتماعية | نبض الخبر", page.Title);
        Assert.Equal(Origin + path, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(Origin + path, Meta(page, "og:url"));
        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal("خبر له بطاقة اجتماعية", Meta(page, "og:title"));
        Assert.Equal("ملخص الخبر.", Meta(page, "og:description"));
        Assert.Equal("ملخص الخبر.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal(Origin + "/img/demo/local.svg", Meta(page, "og:image"));
        Assert.Equal("نبض الخبر", Meta(page, "og:site_name"));
        Assert.Equal("ar_AR", Meta(page, "og:locale"));
        Assert.Equal(article.Section.Name, Meta(page, "article:section"));
        Assert.Equal("الطاقة", Meta(page, "article:tag"));
        Assert.EndsWith("+03:00", Meta(page, "article:published_time"), StringComparison.Ordinal);
        Assert.NotNull(Meta(page, "article:modified_time"));
        Assert.Equal("summary_large_image", Meta(page, "twitter:card"));
        Assert.Equal(Origin + "/img/demo/local.svg", Meta(page, "twitter:image"));
        Assert.Equal("خبر له بطاقة اجتماعية", Meta(page, "twitter:title"));
        Assert.Equal("/feed.xml", page.QuerySelector("link[rel=alternate][type='application/rss+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Article_without_an_image_gets_the_logo_and_the_small_card()
    {
        var article = Build.Article(title: "خبر بلا صورة").Published();
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, ArticleLinks.PathOf(article.Id, article.Slug));

        Assert.Equal("summary", Meta(page, "twitter:card"));
        Assert.StartsWith(Origin + "/img/logo", Meta(page, "og:image"), StringComparison.Ordinal);
        var news = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.False(news.TryGetProperty("image", out _));
    }

    [Fact]
    public async Task Home_title_is_site_then_tagline_and_canonical_is_the_root()
    {
        using var client = factory.CreateReader();

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, "/");

        Assert.Equal("نبض الخبر - أخبار اليوم كما تحدث", page.Title);
        Assert.Equal(Origin + "/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("website", Meta(page, "og:type"));
    }

    [Fact]
    public async Task Listing_pages_are_canonical_with_their_page_number_and_link_their_feed()
    {
        var section = Build.Section("اقتصاد");
        await factory.SaveAsync([.. Enumerable.Range(0, 7).Select(i => Build.Article(section, title: $"خبر اقتصادي {i}").Published())]);
        using var client = factory.CreateReader();

        var (response, first) = await NewsSiteFactory.GetPageAsync(client, $"/section/{section.Slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, second) = await NewsSiteFactory.GetPageAsync(client, $"/section/{section.Slug}?page=2");

        Assert.Equal("اقتصاد | نبض الخبر", first.Title);
        Assert.Equal("اقتصاد - صفحة 2 | نبض الخبر", second.Title);
        Assert.Equal($"{Origin}/section/{section.Slug}", first.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal($"{Origin}/section/{section.Slug}?page=2", second.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains(first.QuerySelectorAll("link[rel=alternate]"), l => l.GetAttribute("href") == $"/section/{section.Slug}/feed.xml");
    }

    [Fact]
    public async Task Not_found_page_has_no_canonical()
    {
        using var client = factory.CreateReader();

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, "/news/999999/none");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(page.QuerySelector("link[rel=canonical]"));
    }

    private static string? Meta(IHtmlDocument page, string property) =>
        (page.QuerySelector($"meta[property='{property}']") ?? page.QuerySelector($"meta[name='{property}']"))?.GetAttribute("content");
}
