using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsSite.Content;
using NewsSite.Domain;
using NewsSite.Tests.Areas.Admin.Articles;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Pages;

/// <summary>The full-page cache: shared by anonymous readers only, purged by every save readers would see.</summary>
public sealed class PageCacheTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private static Uri UrlOf(Article article) => new(ArticleLinks.PathOf(article.Id, article.Slug), UriKind.Relative);

    private async Task<Article> PublishedAsync(string title)
    {
        var article = Build.Article(title: title).Published();
        await factory.SaveAsync(article);
        return article;
    }

    // Behind the cache's back: a direct update purges nothing, so a cached page keeps the old title.
    private Task<int> ChangeTitleInDatabaseAsync(int id, string title) =>
        factory.QueryAsync(db => db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, title)));

    private static async Task<string> TitleAsync(HttpClient client, Uri url)
    {
        var (response, page) = await NewsSiteFactory.GetPageAsync(client, url.OriginalString);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector("h1")!.TextContent.Trim();
    }

    [Fact]
    public async Task A_second_anonymous_get_comes_from_the_cache_until_the_editor_saves()
    {
        var article = await PublishedAsync("خبر في الذاكرة");
        using var reader = factory.CreateReader();
        Assert.Equal("خبر في الذاكرة", await TitleAsync(reader, UrlOf(article)));

        await ChangeTitleInDatabaseAsync(article.Id, "عنوان تغيّر خلف الذاكرة");
        Assert.Equal("خبر في الذاكرة", await TitleAsync(reader, UrlOf(article)));

        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);
        var fields = await EditorForm.LoadAsync(editor, EditorForm.EditUrl(article.Id));
        fields["Input.Summary"] = "ملخص جديد بعد الحفظ.";
        var (saved, _) = await EditorForm.PostAsync(editor, EditorForm.EditUrl(article.Id), fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, page) = await NewsSiteFactory.GetPageAsync(reader, UrlOf(article).OriginalString);
        Assert.Equal(fields["Input.Title"], page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("ملخص جديد بعد الحفظ.", page.Body!.TextContent);
    }

    [Fact]
    public async Task Staff_never_get_a_cached_page_nor_fill_the_cache()
    {
        var article = await PublishedAsync("خبر يراه المحرر طازجًا");
        using var reader = factory.CreateReader();
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);
        Assert.Equal("خبر يراه المحرر طازجًا", await TitleAsync(reader, UrlOf(article)));

        await ChangeTitleInDatabaseAsync(article.Id, "عنوان لا يراه إلا المحرر");

        Assert.Equal("عنوان لا يراه إلا المحرر", await TitleAsync(editor, UrlOf(article)));
        Assert.Equal("خبر يراه المحرر طازجًا", await TitleAsync(reader, UrlOf(article)));
    }

    [Fact]
    public async Task A_sponsor_save_shows_on_the_next_request()
    {
        using var reader = factory.CreateReader();
        await reader.GetAsync(new Uri("/", UriKind.Relative));

        await factory.SaveAsync(Build.Sponsor("راعٍ جديد يظهر فورًا"));

        var (_, page) = await NewsSiteFactory.GetPageAsync(reader, "/");
        Assert.Contains("راعٍ جديد يظهر فورًا", page.QuerySelector(".sponsors-header")?.TextContent ?? "");
    }

    [Fact]
    public async Task A_scheduled_article_going_live_shows_on_the_next_request()
    {
        var article = Build.Article(title: "خبر مجدول يظهر في موعده");
        article.Schedule(DateTime.UtcNow.AddHours(1));
        await factory.SaveAsync(article);
        using var reader = factory.CreateReader();
        var (_, before) = await NewsSiteFactory.GetPageAsync(reader, "/");
        Assert.DoesNotContain("خبر مجدول يظهر في موعده", before.Body!.TextContent);
        // Its time comes (moved behind the cache's back), then the scheduler publishes it.
        await factory.QueryAsync(db => db.Articles.Where(a => a.Id == article.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedAt, DateTime.UtcNow.AddMinutes(-1))));

        Assert.Equal(1, await factory.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(CancellationToken.None));

        var (_, after) = await NewsSiteFactory.GetPageAsync(reader, "/");
        Assert.Contains("خبر مجدول يظهر في موعده", after.Body!.TextContent);
    }

    [Fact]
    public async Task Cached_hits_count_one_view_and_one_impression_each_and_robots_none()
    {
        var sponsor = Build.Sponsor("راعٍ يُعد تحت الذاكرة");
        var article = Build.Article(title: "خبر يُعد تحت الذاكرة").Published();
        await factory.SaveAsync(sponsor, article);
        var counter = factory.Services.GetRequiredService<DailyCounter>();
        using var reader = factory.CreateReader();
        using var bot = factory.CreateClient();
        bot.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        // A robot renders the page into the cache and counts nothing.
        Assert.Equal(HttpStatusCode.OK, (await bot.GetAsync(UrlOf(article))).StatusCode);
        await counter.FlushAsync(CancellationToken.None);

        const int Hits = 7;
        for (var i = 0; i < Hits; i++)
        {
            var response = await reader.GetAsync(UrlOf(article));
            Assert.NotNull(response.Headers.Age); // served from the cache
        }
        await bot.GetAsync(UrlOf(article));
        await counter.FlushAsync(CancellationToken.None);

        Assert.Equal(Hits, await factory.QueryAsync(db => db.ArticleDailyViews.Where(v => v.ArticleId == article.Id).SumAsync(v => v.Views)));
        Assert.Equal(Hits, await factory.QueryAsync(db => db.SponsorDailyStats.Where(s => s.SponsorId == sponsor.Id).SumAsync(s => s.Impressions)));
    }

    [Fact]
    public async Task The_cache_holds_brotli_and_gzip_apart_from_plain()
    {
        var article = await PublishedAsync("خبر مضغوط مرة واحدة");
        using var client = factory.CreateReader();

        async Task<(HttpResponseMessage Response, string Html)> GetAsync(string? encoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, UrlOf(article));
            if (encoding is not null)
            {
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            }
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStreamAsync();
            Stream decoded = response.Content.Headers.ContentEncoding.FirstOrDefault() switch
            {
                "br" => new BrotliStream(body, CompressionMode.Decompress),
                "gzip" => new GZipStream(body, CompressionMode.Decompress),
                _ => body,
            };
            using var reader = new StreamReader(decoded);
            return (response, await reader.ReadToEndAsync());
        }

        foreach (var round in new[] { "first", "cached" })
        {
            var (br, brHtml) = await GetAsync("br");
            var (gzip, gzipHtml) = await GetAsync("gzip");
            var (plain, plainHtml) = await GetAsync(null);
            Assert.Equal(["br"], br.Content.Headers.ContentEncoding);
            Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", br.Headers.Vary);
            Assert.All(new[] { brHtml, gzipHtml, plainHtml }, html => Assert.Contains("خبر مضغوط مرة واحدة", html));
            Assert.True(round == "first" || br.Headers.Age is not null, "the second round comes from the cache");
        }
    }

    [Fact]
    public async Task A_revalidation_with_the_etag_gets_304_and_counts_a_view()
    {
        var article = await PublishedAsync("خبر يُعاد التحقق منه");
        var counter = factory.Services.GetRequiredService<DailyCounter>();
        using var client = factory.CreateReader();
        var first = await client.GetAsync(UrlOf(article));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, UrlOf(article));
        request.Headers.IfNoneMatch.Add(etag);
        var again = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        await counter.FlushAsync(CancellationToken.None);
        Assert.Equal(2, await factory.QueryAsync(db => db.ArticleDailyViews.Where(v => v.ArticleId == article.Id).SumAsync(v => v.Views)));
    }

    [Fact]
    public async Task Static_assets_are_linked_by_their_fingerprint()
    {
        // The build's manifest serves them no-cache (for editing); the published app sends
        // "max-age=31536000, immutable" for these names, which tests/bench/run.sh checks.
        using var client = factory.CreateReader();
        var (_, page) = await NewsSiteFactory.GetPageAsync(client, "/");
        var css = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", css);

        var response = await client.GetAsync(new Uri(css, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
