using System.Net;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Pages;

/// <summary>Home, the web root, health, search and the Arabic error pages.</summary>
public sealed class SiteTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task Home_shows_the_lead_the_latest_and_a_row_per_section()
    {
        var sport = Build.Section("رياضة");
        var culture = Build.Section("ثقافة");
        var articles = Enumerable.Range(1, 14).Select(i =>
            Build.Article(i % 2 == 0 ? sport : culture, title: $"خبر الصفحة الرئيسية {i}").Published(DateTime.UtcNow.AddMinutes(-i))).ToList();
        await factory.SaveAsync([.. articles]);
        using var client = factory.CreateReader();

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("خبر الصفحة الرئيسية 1", page.QuerySelector(".lead-title a")!.TextContent);
        Assert.Equal(8, page.QuerySelectorAll(".latest .card").Length);
        var rows = page.QuerySelectorAll(".section-row h2").Select(h => h.TextContent).ToList();
        Assert.Contains("رياضة", rows);
        Assert.Contains("ثقافة", rows);
        Assert.Contains(page.QuerySelectorAll(".site-nav a"), a => a.GetAttribute("href") == $"/section/{sport.Slug}");
        Assert.NotNull(page.QuerySelector("form.subscribe-form"));
    }

    [Fact]
    public async Task The_stylesheet_and_clock_come_from_the_top_level_web_root()
    {
        using var client = factory.CreateReader();
        var (_, page) = await NewsSiteFactory.GetPageAsync(client, "/");
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var script = page.QuerySelector("script[src]")!.GetAttribute("src")!;

        var plain = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));
        var fingerprinted = await client.GetAsync(new Uri(stylesheet, UriKind.Relative));
        var clock = await client.GetStringAsync(new Uri(script, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Contains("margin-inline", await plain.Content.ReadAsStringAsync());
        Assert.Matches(@"^/css/site\.[a-z0-9]{6,}\.css$", stylesheet);
        Assert.Equal(HttpStatusCode.OK, fingerprinted.StatusCode);
        Assert.Contains("Intl.DateTimeFormat", clock);
    }

    [Fact]
    public async Task Health_answers_200_when_the_database_and_the_media_folder_answer()
    {
        using var client = factory.CreateReader();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy\ndatabase: Healthy\nmedia: Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/news")]
    [InlineData("/%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("/section")]
    [InlineData("/status/200")]
    public async Task Unknown_paths_answer_an_arabic_404_with_search(string url)
    {
        using var client = factory.CreateReader();

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("الصفحة غير موجودة", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("/search", page.QuerySelector("form.search-form")!.GetAttribute("action"));
    }

    [Fact]
    public async Task Other_methods_on_unknown_paths_get_a_clean_arabic_4xx()
    {
        using var client = factory.CreateReader();

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete })
        {
            using var request = new HttpRequestMessage(method, new Uri("/no/such/page", UriKind.Relative)) { Content = new StringContent("x") };
            var response = await client.SendAsync(request);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

            // 404, or 405 where the development-time static file route claims every path for GET.
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
            Assert.Matches("[\u0600-\u06FF]", page.QuerySelector("h1")!.TextContent);
        }
    }

    [Fact]
    public async Task Search_finds_titles_and_survives_hostile_queries()
    {
        var article = Build.Article(title: "مهرجان الشعر العربي يفتتح دورته").Published();
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();

        var (found, page) = await NewsSiteFactory.GetPageAsync(client, "/search?q=" + Uri.EscapeDataString("مهرجان الشعر"));
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains(page.QuerySelectorAll(".card-title a"), a => a.TextContent == article.Title);

        foreach (var hostile in new[] { "\"", "*", "NEAR(", "'; DROP TABLE Articles; --", "%", "_", "<script>alert(1)</script>", new string('ق', 5000) })
        {
            var (response, result) = await NewsSiteFactory.GetPageAsync(client, "/search?q=" + Uri.EscapeDataString(hostile));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(result.QuerySelectorAll("script"), s => s.GetAttribute("src") is null);
        }
    }
}
