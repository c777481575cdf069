using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsSite.Content;
using NewsSite.Domain;
using NewsSite.Tests.Areas.Admin.Articles;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Pages;

/// <summary>/search through the real pipeline. Each test tags its stories with a word of its own, so tests sharing the database never see each other's.</summary>
public sealed class SearchTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Theory]
    [InlineData("الأخبار")]
    [InlineData("الاخبار")]
    [InlineData("الأخْبار")]
    [InlineData("الاخبـــار")]
    [InlineData("المدرسه")]
    [InlineData("المدرسة")]
    public async Task Variant_spellings_find_the_same_story(string spelling)
    {
        var tag = Tag();
        var story = await PublishAsync($"الأخبار المحلية {tag}", body: "افتتاح المدرسة الجديدة في الحي.");

        var titles = await TitlesAsync($"{spelling} {tag}");

        Assert.Equal([story.Title], titles);
    }

    [Fact]
    public async Task The_last_word_matches_as_a_prefix_and_earlier_words_do_not()
    {
        var tag = Tag();
        var story = await PublishAsync($"مهرجان الكتاب الدولي {tag}");

        Assert.Equal([story.Title], await TitlesAsync($"{tag} مهرج"));
        Assert.Equal([story.Title], await TitlesAsync($"{tag} الكتا"));
        Assert.Empty(await TitlesAsync($"مهرج {tag}"));
    }

    [Fact]
    public async Task Results_rank_by_relevance_then_recency()
    {
        var tag = Tag();
        var now = DateTime.UtcNow;
        var inBody = await PublishAsync($"خبر عن الطقس {tag}", body: "توقعات فيضان في المنطقة.", at: now.AddMinutes(-1));
        var olderTwin = await PublishAsync($"فيضان في الوادي {tag}", at: now.AddHours(-5));
        var newerTwin = await PublishAsync($"فيضان في الوادي {tag}", at: now.AddHours(-2));

        var (_, page) = await SearchAsync($"{tag} فيضان");

        var ids = page.QuerySelectorAll(".card-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([UrlOf(newerTwin), UrlOf(olderTwin), UrlOf(inBody)], ids);
    }

    [Fact]
    public async Task A_word_in_more_stories_than_are_ranked_finds_the_newest_of_them_and_a_narrower_query_the_older()
    {
        var tag = Tag();
        var (section, author) = (Build.Section(), Build.Author());
        // The best match by far, and the oldest: the word in its title. Then more weak matches than are ranked.
        // (Saved first, it gets the lowest id.)
        var oldest = Build.Article(section, author, title: $"{tag} {tag} ذكرى المعرض القديم", markdown: tag).Published(DateTime.UtcNow.AddDays(-30));
        var newer = Enumerable.Range(0, SearchPage.RankedMatches)
            .Select(i => Build.Article(section, author, title: $"خبر رقم {i}", markdown: $"ورد فيه {tag} مرة.").Published(DateTime.UtcNow.AddMinutes(-i - 1)));
        // And today's strong match, 200,000 ids on: PostgreSQL looks among the newest ids first, then wider, so the
        // ranked matches span the gap, and the oldest story is still found by the narrower query.
        var newest = Build.Article(section, author, title: $"{tag} {tag} خبر اليوم", markdown: tag).Published(DateTime.UtcNow);
        newest.Id = (await factory.QueryAsync(db => db.Articles.MaxAsync(a => (int?)a.Id)) ?? 0) + 200_000;
        await factory.SaveAsync([oldest, .. newer, newest]);

        var (_, first) = await SearchAsync(tag);
        using var client = factory.CreateReader();
        var lastPage = SearchPage.RankedMatches / 5;
        var (last, _) = await NewsSiteFactory.GetPageAsync(client, $"/search?q={tag}&page={lastPage}");
        var beyond = await client.GetAsync(new Uri($"/search?q={tag}&page={lastPage + 1}", UriKind.Relative));

        var firstUrls = first.QuerySelectorAll(".card-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(UrlOf(newest), firstUrls);
        Assert.DoesNotContain(UrlOf(oldest), firstUrls);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        Assert.Equal([oldest.Title], await TitlesAsync($"{tag} المعرض"));
    }

    [Fact]
    public async Task Drafts_scheduled_and_future_stories_are_never_found()
    {
        var tag = Tag();
        var draft = Build.Article(title: $"مسودة سرية {tag}");
        var inReview = Build.Article(title: $"قيد المراجعة {tag}");
        inReview.SubmitForReview();
        var scheduled = Build.Article(title: $"خبر مجدول {tag}");
        scheduled.Schedule(DateTime.UtcNow.AddDays(1));
        await factory.SaveAsync(draft, inReview, scheduled);
        var live = await PublishAsync($"خبر منشور {tag}");

        Assert.Equal([live.Title], await TitlesAsync(tag));
    }

    [Fact]
    public void Every_status_but_published_is_named_in_the_search_filter() =>
        // SqliteSearchIndex lists the statuses that are not live; a new one must be added there too.
        Assert.Equal([ArticleStatus.Draft, ArticleStatus.InReview, ArticleStatus.Scheduled, ArticleStatus.Published], Enum.GetValues<ArticleStatus>());

    [Fact]
    public async Task A_scheduled_story_is_found_once_the_scheduler_publishes_it()
    {
        var tag = Tag();
        var due = Build.Article(title: $"خبر حان موعده {tag}");
        due.Schedule(DateTime.UtcNow.AddMinutes(-1));
        await factory.SaveAsync(due);
        Assert.Empty(await TitlesAsync(tag));

        await factory.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(CancellationToken.None);

        Assert.Equal([due.Title], await TitlesAsync(tag));
    }

    [Fact]
    public async Task No_results_say_so_and_offer_the_most_read_stories()
    {
        var popular = await PublishAsync($"خبر يقرؤه الجميع {Tag()}");
        await factory.SaveAsync(new ArticleDailyViews { ArticleId = popular.Id, Day = DateOnly.FromDateTime(DateTime.UtcNow), Views = 1_000_000 });

        var (response, page) = await SearchAsync("كلمةلاتوجد " + Tag());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll(".card"));
        Assert.Contains("لم نجد", page.QuerySelector(".search-empty")!.TextContent);
        Assert.Contains(page.QuerySelectorAll(".search-empty .most-read a"), a => a.TextContent == popular.Title);
        Assert.Single(page.QuerySelectorAll(".most-read"));
    }

    [Fact]
    public async Task Snippets_highlight_the_match_and_encode_everything_else()
    {
        var snippet = await SnippetAsync("نص فيه <img src=x onerror=alert(1)> ثم كلمة زلزال في آخره.", "زلزال");

        Assert.Contains(snippet.QuerySelectorAll("mark"), m => m.TextContent == "زلزال");
        Assert.Empty(snippet.QuerySelectorAll("img"));
        Assert.Contains("<img src=x", snippet.TextContent);
    }

    [Fact]
    public async Task Snippets_show_the_story_as_written_whatever_spelling_was_searched()
    {
        var snippet = await SnippetAsync("أطلقت هيئةُ الطيران المدنيّ خدمةً جديدة إلى المسافرين.", "هيئه");

        Assert.Contains(snippet.QuerySelectorAll("mark"), m => m.TextContent == "هيئةُ");
        Assert.Contains("أطلقت هيئةُ الطيران المدنيّ", snippet.TextContent, StringComparison.Ordinal);
        Assert.Contains("إلى المسافرين", snippet.TextContent, StringComparison.Ordinal);
    }

    // The snippet of a story with this body, found by this query (and a tag of its own, so no other story matches).
    private async Task<AngleSharp.Dom.IElement> SnippetAsync(string body, string query)
    {
        var tag = Tag();
        await PublishAsync($"خبر {tag}", body: $"{body} {tag}");
        var (_, page) = await SearchAsync($"{query} {tag}");
        return page.QuerySelector(".card-snippet")!;
    }

    [Fact]
    public async Task Results_are_paginated_within_bounds()
    {
        var tag = Tag();
        for (var i = 0; i < 7; i++)
        {
            await PublishAsync($"خبر رقم {i} {tag}", at: DateTime.UtcNow.AddMinutes(-i - 1));
        }
        using var client = factory.CreateReader();
        var url = "/search?q=" + Uri.EscapeDataString(tag);

        var (_, first) = await NewsSiteFactory.GetPageAsync(client, url);
        var (_, second) = await NewsSiteFactory.GetPageAsync(client, url + "&page=2");

        Assert.Equal(5, first.QuerySelectorAll(".card").Length);
        Assert.Equal(2, second.QuerySelectorAll(".card").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(url + "&page=3", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(url + "&page=0", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(url + "&page=999999999999", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(خبر عاجل, 2)")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("OR")]
    [InlineData("-")]
    [InlineData("خبر OR")]
    [InlineData("title:خبر")]
    [InlineData("(((")]
    [InlineData("\"خبر")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("^خبر")]
    public async Task Hostile_queries_answer_200_without_script(string query)
    {
        var (response, page) = await SearchAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.GetAttribute("src") is null);
        Assert.Equal(query, page.QuerySelector("#search-q")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("%ED%A0%80")]          // a lone high surrogate, as UTF-8 bytes
    [InlineData("%ED%B0%80%D8%AE")]    // a lone low surrogate before an Arabic letter
    [InlineData("%FF%FE")]             // not UTF-8 at all
    [InlineData("%00%01%02")]          // control characters, including the snippet markers
    public async Task Malformed_text_in_the_query_answers_200(string escaped)
    {
        using var client = factory.CreateReader();

        var response = await client.GetAsync(new Uri("/search?q=" + escaped, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_5000_character_query_is_capped_and_answers_200()
    {
        var (response, page) = await SearchAsync(new string('ق', 5000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SearchModelLength, page.QuerySelector("#search-q")!.GetAttribute("value")!.Length);
    }

    [Fact]
    public async Task The_index_follows_an_edit_and_an_unpublish()
    {
        var tag = Tag();
        var story = await PublishAsync($"بركان قديم {tag}");
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);

        var fields = await EditorForm.LoadAsync(editor, EditorForm.EditUrl(story.Id));
        fields["Input.Title"] = $"إعصار جديد {tag}";
        await EditorForm.PostAsync(editor, EditorForm.EditUrl(story.Id), fields);

        Assert.Empty(await TitlesAsync($"بركان {tag}"));
        Assert.Equal([$"إعصار جديد {tag}"], await TitlesAsync($"اعصار {tag}"));

        await EditorForm.PostAsync(editor, EditorForm.EditUrl(story.Id), await EditorForm.LoadAsync(editor, EditorForm.EditUrl(story.Id)), "unpublish");

        Assert.Empty(await TitlesAsync($"اعصار {tag}"));
    }

    private const int SearchModelLength = NewsSite.Pages.SearchModel.MaxQueryLength;

    // A word no other test uses: letters and digits, so it is one search term.
    private static string Tag() => "t" + Build.Unique();

    private static string UrlOf(Article article) => ArticleLinks.PathOf(article.Id, article.Slug);

    private async Task<Article> PublishAsync(string title, string body = "نص الخبر.", DateTime? at = null)
    {
        var article = Build.Article(title: title, markdown: body).Published(at);
        await factory.SaveAsync(article);
        return article;
    }

    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SearchAsync(string query)
    {
        using var client = factory.CreateReader();
        return await NewsSiteFactory.GetPageAsync(client, "/search?q=" + Uri.EscapeDataString(query));
    }

    private async Task<List<string>> TitlesAsync(string query)
    {
        var (response, page) = await SearchAsync(query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelectorAll(".card-title a").Select(a => a.TextContent).ToList();
    }
}
