using System.Net;
using AngleSharp.Html.Dom;
using NewsSite.Areas.Admin.Pages.Articles;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Areas.Admin.Articles;

/// <summary>/admin/articles: every state, newest edit first, filtered and paged by five (the tests' page size).</summary>
public sealed class ArticleListTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    /// <summary>Four articles, one per state, edited an hour apart (the draft last); their titles share <paramref name="marker"/>.</summary>
    private async Task<(Section Section, Author Author, List<Article> Articles)> SeedOneOfEachAsync(string marker)
    {
        var section = Build.Section("ثقافة");
        var author = Build.Author("ريم الساعدي");
        var otherSection = Build.Section("رياضة");
        var now = DateTime.UtcNow;
        var draft = Build.Article(section, author, title: $"مسودة {marker}");
        var review = Build.Article(otherSection, author, title: $"مراجعة {marker}");
        review.SubmitForReview();
        var scheduled = Build.Article(section, Build.Author("فهد"), title: $"مجدول {marker}");
        scheduled.Schedule(now.AddDays(1));
        var published = Build.Article(section, author, title: $"منشور {marker}").Published(now.AddHours(-5));
        var articles = new List<Article> { draft, review, scheduled, published };
        for (var i = 0; i < articles.Count; i++)
        {
            articles[i].UpdatedAt = now.AddHours(-i);
        }
        await factory.SaveAsync([.. articles]);
        return (section, author, articles);
    }

    /// <summary>Seven drafts a minute apart, newest first, their titles sharing <paramref name="marker"/>: two pages of five.</summary>
    private async Task<List<Article>> SeedSevenAsync(string marker)
    {
        var articles = Enumerable.Range(1, 7).Select(i => Build.Article(title: $"خبر {i} {marker}")).ToList();
        for (var i = 0; i < articles.Count; i++)
        {
            articles[i].UpdatedAt = DateTime.UtcNow.AddMinutes(-i);
        }
        await factory.SaveAsync([.. articles]);
        return articles;
    }

    private static List<string> TitlesOf(IHtmlDocument page) =>
        page.QuerySelectorAll(".article-title-cell a").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task Every_state_is_listed_newest_edit_first_with_arabic_labels()
    {
        var marker = Build.Unique();
        var (_, _, articles) = await SeedOneOfEachAsync(marker);
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, "/admin/articles?q=" + marker);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(articles.Select(a => a.Title), TitlesOf(page));
        Assert.Equal(["مسودة", "بانتظار المراجعة", "مجدول", "منشور"], page.QuerySelectorAll("td .status").Select(s => s.TextContent));
        Assert.Equal("ثقافة", page.QuerySelector("tbody tr td[data-label=القسم]")!.TextContent);
        Assert.Equal("ريم الساعدي", page.QuerySelector("tbody tr td[data-label=الكاتب]")!.TextContent);
        Assert.Matches(@"^\d{4}/\d{2}/\d{2} \d{1,2}:\d{2} (صباحًا|مساءً)$", page.QuerySelector("tbody tr time")!.TextContent);
        Assert.Equal($"/admin/articles/{articles[0].Id}/edit", page.QuerySelector(".article-title-cell a")!.GetAttribute("href"));
        // Only the live story links to the public page.
        var publicLinks = page.QuerySelectorAll(".row-links a").Select(a => a.GetAttribute("href")).Where(h => h!.StartsWith("/news/", StringComparison.Ordinal));
        Assert.Equal([$"/news/{articles[3].Id}/{Uri.EscapeDataString(articles[3].Slug)}"], publicLinks);
        Assert.Equal("4 مقالات بحسب التصفية", page.QuerySelector(".result-count")!.TextContent);
    }

    [Fact]
    public async Task Filters_by_state_section_and_author_combine_with_the_title_search()
    {
        var marker = Build.Unique();
        var (section, author, articles) = await SeedOneOfEachAsync(marker);
        using var client = await factory.SignInAsAsync(StaffRoles.Editor);

        async Task<List<string>> TitlesAsync(string query) =>
            TitlesOf((await NewsSiteFactory.GetPageAsync(client, $"/admin/articles?q={marker}&{query}")).Document);

        Assert.Equal([articles[2].Title], await TitlesAsync("status=Scheduled"));
        Assert.Equal([articles[1].Title], await TitlesAsync("status=inreview"));
        Assert.Equal([articles[0].Title, articles[2].Title, articles[3].Title], await TitlesAsync($"section={section.Id}"));
        Assert.Equal([articles[0].Title, articles[1].Title, articles[3].Title], await TitlesAsync($"author={author.Id}"));
        Assert.Equal([articles[3].Title], await TitlesAsync($"section={section.Id}&author={author.Id}&status=Published"));
        Assert.Empty(await TitlesAsync("status=Draft&section=987654"));

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, $"/admin/articles?q={marker}&status=Published");
        Assert.Equal("Published", page.QuerySelector("#filter-status option[selected]")!.GetAttribute("value"));
        Assert.Equal(marker, page.QuerySelector("#filter-q")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("status=Bogus")]
    [InlineData("status=1")]
    [InlineData("status=Draft,Published")]
    [InlineData("section=abc")]
    [InlineData("author=%3Cscript%3E")]
    public async Task Unknown_filter_values_are_ignored_not_errors(string query)
    {
        var marker = Build.Unique();
        await SeedOneOfEachAsync(marker);
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, $"/admin/articles?q={marker}&{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, TitlesOf(page).Count);
    }

    [Fact]
    public async Task Pages_of_five_keep_the_filters_in_their_links()
    {
        var marker = Build.Unique();
        var articles = await SeedSevenAsync(marker);
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);

        var (_, first) = await NewsSiteFactory.GetPageAsync(client, $"/admin/articles?q={marker}&status=Draft");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await NewsSiteFactory.GetPageAsync(client, next);

        Assert.Equal(articles.Take(5).Select(a => a.Title), TitlesOf(first));
        Assert.Equal($"/admin/articles?status=Draft&q={marker}&page=2", next);
        Assert.Equal(articles.Skip(5).Select(a => a.Title), TitlesOf(second));
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.Equal($"/admin/articles?status=Draft&q={marker}", second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("3")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("99999999999")]
    public async Task Pages_out_of_bounds_or_not_numbers_are_404(string page)
    {
        var marker = Build.Unique();
        await SeedSevenAsync(marker);
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);

        var response = await client.GetAsync(new Uri($"/admin/articles?q={marker}&page={page}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_empty_result_is_one_page_not_a_404()
    {
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, "/admin/articles?q=" + Build.Unique());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("لا توجد مقالات هنا.", page.QuerySelector(".empty-state")!.TextContent);
    }

    [Fact]
    public async Task A_long_search_is_cut_to_its_cap()
    {
        var marker = Build.Unique();
        await factory.SaveAsync(Build.Article(title: marker + new string('س', 90)));
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);
        var query = marker + new string('س', 10_000);

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, "/admin/articles?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(IndexModel.MaxQueryLength, page.QuerySelector("#filter-q")!.GetAttribute("value")!.Length);
        Assert.Single(TitlesOf(page));
    }

    [Fact]
    public async Task The_list_is_for_signed_in_staff_only()
    {
        using var reader = factory.CreateReader();

        var response = await reader.GetAsync(new Uri("/admin/articles", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData(0, "لا مقالات")]
    [InlineData(1, "مقال واحد")]
    [InlineData(2, "مقالان")]
    [InlineData(3, "3 مقالات")]
    [InlineData(10, "10 مقالات")]
    [InlineData(11, "11 مقالًا")]
    [InlineData(99, "99 مقالًا")]
    [InlineData(100, "100 مقال")]
    [InlineData(102, "102 مقال")]
    [InlineData(103, "103 مقالات")]
    [InlineData(111, "111 مقالًا")]
    public void Counts_take_the_arabic_noun_form_of_their_number(int count, string expected) =>
        Assert.Equal(expected, IndexModel.CountText(count));
}
