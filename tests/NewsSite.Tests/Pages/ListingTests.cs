using Microsoft.EntityFrameworkCore;
using System.Net;
using NewsSite.Data;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Pages;

/// <summary>Section, tag and author pages: the same listing with pages of five (the tests' page size).</summary>
public sealed class ListingTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private async Task<(string SectionUrl, string TagUrl, string AuthorUrl, List<Article> Articles)> SeedTwelveAsync()
    {
        var section = Build.Section("اقتصاد");
        var author = Build.Author("منى العلي");
        var tag = Build.Tag("الميزانية");
        var articles = Enumerable.Range(1, 12).Select(i =>
        {
            var article = Build.Article(section, author, title: $"خبر اقتصادي رقم {i}").Published(DateTime.UtcNow.AddHours(-i));
            article.Tags.Add(tag);
            return article;
        }).ToList();
        var draft = Build.Article(section, author, title: "مسودة في القسم");
        draft.Tags.Add(tag);
        await factory.SaveAsync([.. articles, draft]);
        return ($"/section/{section.Slug}", $"/tag/{tag.Slug}", $"/author/{author.Slug}", articles);
    }

    [Fact]
    public async Task Listings_page_through_the_newest_live_stories()
    {
        var (sectionUrl, tagUrl, authorUrl, articles) = await SeedTwelveAsync();
        using var client = factory.CreateReader();

        foreach (var url in new[] { sectionUrl, tagUrl, authorUrl })
        {
            var (first, page1) = await NewsSiteFactory.GetPageAsync(client, url);
            var (_, page3) = await NewsSiteFactory.GetPageAsync(client, url + "?page=3");

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(articles.Take(5).Select(a => a.Title), page1.QuerySelectorAll(".card-title a").Select(a => a.TextContent));
            Assert.Equal(articles.Skip(10).Select(a => a.Title), page3.QuerySelectorAll(".card-title a").Select(a => a.TextContent));
            Assert.DoesNotContain(page1.QuerySelectorAll(".card-title a"), a => a.TextContent == "مسودة في القسم");
            Assert.Equal(url + "?page=2", page1.QuerySelector("a[rel=next]")!.GetAttribute("href"));
            Assert.Null(page1.QuerySelector("a[rel=prev]"));
            Assert.Equal(url + "?page=2", page3.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
            Assert.Null(page3.QuerySelector("a[rel=next]"));
        }
    }

    [Fact]
    public async Task A_story_published_or_unpublished_changes_the_page_count_at_once()
    {
        var (sectionUrl, tagUrl, authorUrl, articles) = await SeedTwelveAsync();
        using var client = factory.CreateReader();
        var urls = new[] { sectionUrl, tagUrl, authorUrl };
        async Task<HttpStatusCode[]> ThirdPagesAsync() =>
            await Task.WhenAll(urls.Select(async url => (await client.GetAsync(new Uri(url + "?page=3", UriKind.Relative))).StatusCode));
        Task ChangeAsync(Func<NewsDbContext, Task> change) => factory.QueryAsync(async db =>
        {
            await change(db);
            return await db.SaveChangesAsync();
        });
        Assert.All(await ThirdPagesAsync(), status => Assert.Equal(HttpStatusCode.OK, status));

        // Twelve stories in pages of five: ten leave no third page, the draft published makes one again.
        var unpublished = articles.Take(2).Select(a => a.Id).ToList();
        await ChangeAsync(async db => (await db.Articles.Where(a => unpublished.Contains(a.Id)).ToListAsync()).ForEach(a => a.Unpublish()));
        Assert.All(await ThirdPagesAsync(), status => Assert.Equal(HttpStatusCode.NotFound, status));

        await ChangeAsync(async db => (await db.Articles.SingleAsync(a => a.Title == "مسودة في القسم" && a.SectionId == articles[0].SectionId))
            .Publish(DateTime.UtcNow.AddHours(-30)));
        Assert.All(await ThirdPagesAsync(), status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task Untagging_stories_changes_the_tag_page_count_at_once()
    {
        var (_, tagUrl, _, articles) = await SeedTwelveAsync();
        using var client = factory.CreateReader();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(tagUrl + "?page=3", UriKind.Relative))).StatusCode);

        // Only the join rows change, not the stories: ten tagged stories leave no third page.
        var untagged = articles.Take(2).Select(a => a.Id).ToList();
        await factory.QueryAsync(async db =>
        {
            (await db.Articles.Include(a => a.Tags).Where(a => untagged.Contains(a.Id)).ToListAsync()).ForEach(a => a.Tags.Clear());
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(tagUrl + "?page=3", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("4")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("%3Cscript%3E")]
    public async Task Pages_out_of_bounds_or_not_numbers_are_404(string page)
    {
        var (sectionUrl, tagUrl, authorUrl, _) = await SeedTwelveAsync();
        using var client = factory.CreateReader();

        foreach (var url in new[] { sectionUrl, tagUrl, authorUrl })
        {
            var response = await client.GetAsync(new Uri($"{url}?page={page}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_ten_kilobyte_query_string_is_a_clean_answer()
    {
        var (sectionUrl, _, _, _) = await SeedTwelveAsync();
        using var client = factory.CreateReader();
        var junk = new string('9', 10_000);

        var hugePage = await client.GetAsync(new Uri($"{sectionUrl}?page={junk}", UriKind.Relative));
        var ignored = await client.GetAsync(new Uri($"{sectionUrl}?x={junk}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, hugePage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ignored.StatusCode);
    }

    [Theory]
    [InlineData("/section/no-such-section")]
    [InlineData("/tag/no-such-tag")]
    [InlineData("/author/no-such-author")]
    [InlineData("/section/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/section/'%20OR%201=1--")]
    public async Task Unknown_listings_are_404_in_arabic(string url)
    {
        using var client = factory.CreateReader();

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("الصفحة غير موجودة", page.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.GetAttribute("src") is null);
    }

    [Fact]
    public async Task An_empty_section_shows_an_empty_state_not_an_error()
    {
        var section = Build.Section("قسم فارغ");
        await factory.SaveAsync(section);
        using var client = factory.CreateReader();

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, $"/section/{section.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("قسم فارغ", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".empty-state"));
    }
}
