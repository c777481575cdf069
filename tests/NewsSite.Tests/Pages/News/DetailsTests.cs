using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsSite.Content;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Pages.News;

public sealed partial class DetailsTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task Article_page_has_the_whole_anatomy()
    {
        var article = Build.Article(
            title: "افتتاح أكبر محطة للطاقة الشمسية",
            markdown: "مقدمة الخبر.\n\n## تفاصيل المشروع\n\nنص.\n\n## ردود الفعل\n\nنص آخر.").Published();
        await factory.SaveAsync(article,
            Build.Sponsor("راعٍ علوي", SponsorPlacement.Header),
            Build.Sponsor("راعٍ سفلي", SponsorPlacement.Footer));
        await AddViewsAsync(article.Id, 5);
        using var client = factory.CreateReader();

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, ArticleLinks.PathOf(article.Id, article.Slug));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Matches(DateLinePattern(), page.GetElementById("date-line")!.TextContent);
        Assert.Equal("افتتاح أكبر محطة للطاقة الشمسية", page.QuerySelector("h1")!.TextContent.Trim());

        var headings = page.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("هذا الموقع برعاية", headings);
        Assert.Contains("برعاية", headings);
        Assert.Contains("الأكثر قراءة", headings);
        Assert.Contains("اشترك معنا", headings);

        var content = page.QuerySelector(".article-content")!;
        Assert.Equal("محتوى الخبر", content.QuerySelector("h2")!.TextContent.Trim());
        var subheadings = content.QuerySelectorAll(".article-body h2").ToList();
        Assert.Equal(["تفاصيل المشروع", "ردود الفعل"], subheadings.Select(h => h.TextContent));
        Assert.All(subheadings, h => Assert.False(string.IsNullOrEmpty(h.Id)));

        Assert.Contains(page.QuerySelectorAll(".most-read-list a"), a => a.TextContent == article.Title);
        var form = page.QuerySelector("form.subscribe-form")!;
        Assert.Equal("/subscribe", form.GetAttribute("action"));
        // Nothing per visitor in a cached page: the subscribe post is checked by its origin instead.
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.NotNull(form.QuerySelector("input[type=email]"));

        var footer = page.QuerySelector("footer")!.TextContent;
        var year = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuwait")).Year;
        Assert.Contains($"حقوق النشر محفوظة لـ نبض الخبر © {year}", footer);
        Assert.Contains("تم تصميمه و تطويره بواسطة", footer);
    }

    [Fact]
    public async Task Arabic_goes_out_as_characters_not_entities()
    {
        var article = Build.Article(title: "عنوان عربي خالص").Published();
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();

        var html = await client.GetStringAsync(new Uri(ArticleLinks.PathOf(article.Id, article.Slug), UriKind.Relative));

        Assert.Contains("عنوان عربي خالص", html);
        Assert.DoesNotContain("&#x", html);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/old-slug")]
    [InlineData("/%D8%AE%D8%A8%D8%B1")]
    public async Task Missing_or_stale_slug_answers_301_to_the_canonical_url(string slugPart)
    {
        var article = Build.Article(title: "خبر بعنوان ثابت").Published();
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();

        var response = await client.GetAsync(new Uri($"/news/{article.Id}{slugPart}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(ArticleLinks.PathOf(article.Id, article.Slug), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Drafts_and_scheduled_articles_are_404_for_readers()
    {
        var draft = Build.Article(title: "مسودة لم تنشر");
        var scheduled = Build.Article(title: "خبر مجدول للغد");
        scheduled.Schedule(DateTime.UtcNow.AddDays(1));
        var future = Build.Article(title: "منشور بتاريخ قادم").Published(DateTime.UtcNow.AddHours(2));
        await factory.SaveAsync(draft, scheduled, future);
        using var client = factory.CreateReader();

        foreach (var article in new[] { draft, scheduled, future })
        {
            var (response, page) = await NewsSiteFactory.GetPageAsync(client, ArticleLinks.PathOf(article.Id, article.Slug));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("الصفحة غير موجودة", page.QuerySelector("h1")!.TextContent);
        }
    }

    [Theory]
    [InlineData("/news/abc/x")]
    [InlineData("/news/-1/x")]
    [InlineData("/news/0")]
    [InlineData("/news/99999999999/x")]
    [InlineData("/news/2147483647/x")]
    [InlineData("/news/1.5/x")]
    public async Task Malformed_or_unknown_ids_are_404(string url)
    {
        using var client = factory.CreateReader();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Script_typed_into_any_field_is_escaped()
    {
        const string Payload = "<script>alert(1)</script>";
        var section = Build.Section(Payload);
        var author = Build.Author(Payload);
        var tag = Build.Tag(Payload);
        var article = Build.Article(section, author, title: "عنوان " + Payload, markdown: Payload, summary: Payload).Published();
        article.HeroImagePath = "/img/logo.svg";
        article.HeroImageAlt = "\" onerror=\"alert(1)";
        article.HeroImageCaption = Payload;
        article.Tags.Add(tag);
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, ArticleLinks.PathOf(article.Id, article.Slug));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // JSON-LD blocks are data, not script: only they may be inline.
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.GetAttribute("src") is null && s.GetAttribute("type") != "application/ld+json");
        Assert.All(page.QuerySelectorAll("*"), e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.Contains(Payload, page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Every_view_by_a_person_counts_exactly_once_after_a_flush()
    {
        var article = Build.Article(title: "خبر يعد قراءاته").Published();
        await factory.SaveAsync(article);
        var counter = factory.Services.GetRequiredService<DailyCounter>();
        await counter.FlushAsync(CancellationToken.None);
        var before = await ViewsOfAsync(article.Id);
        using var reader = factory.CreateReader();
        using var bot = factory.CreateClient();
        bot.DefaultRequestHeaders.UserAgent.ParseAdd("Googlebot/2.1 (+http://www.google.com/bot.html)");
        var url = new Uri(ArticleLinks.PathOf(article.Id, article.Slug), UriKind.Relative);

        const int Views = 25;
        await Task.WhenAll(Enumerable.Range(0, Views).Select(_ => reader.GetAsync(url)));
        await bot.GetAsync(url);
        await reader.GetAsync(new Uri($"/news/{article.Id}", UriKind.Relative)); // a redirect is not a view
        await counter.FlushAsync(CancellationToken.None);

        Assert.Equal(before + Views, await ViewsOfAsync(article.Id));
    }

    private Task<long> ViewsOfAsync(int articleId) =>
        factory.QueryAsync(db => db.ArticleDailyViews.Where(v => v.ArticleId == articleId).SumAsync(v => v.Views));

    private Task AddViewsAsync(int articleId, long views) =>
        factory.SaveAsync(new ArticleDailyViews { ArticleId = articleId, Day = DateOnly.FromDateTime(DateTime.UtcNow), Views = views });

    [GeneratedRegex(@"^(الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت) - \d{4}/\d{2}/\d{2} ([1-9]|1[0-2]):[0-5]\d:[0-5]\d (صباحًا|مساءً)$")]
    private static partial Regex DateLinePattern();
}
