using System.Net;
using NewsSite.Content;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Pages;

/// <summary>
/// The uncached path stays cheap: each reader page runs a small, fixed number of SQL commands however many
/// articles, tags and sponsors it shows, so an N+1 query fails the build.
/// </summary>
public sealed class QueryCountTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    // Each URL is asked once, so the page renders rather than coming from the cache.
    private async Task<int> CommandsForAsync(string url)
    {
        using var client = factory.CreateReader();
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add(SqlCommandCounter.Header, id);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return factory.SqlCommands.CountOf(id);
    }

    [Fact]
    public async Task Every_reader_page_runs_a_bounded_number_of_sql_commands()
    {
        var section = Build.Section("اقتصاد");
        var author = Build.Author();
        var tags = Enumerable.Range(0, 4).Select(i => Build.Tag($"وسم {i}")).ToList();
        var articles = Enumerable.Range(0, 12).Select(i =>
        {
            var article = Build.Article(section, author, title: $"خبر اقتصادي رقم {i}").Published(DateTime.UtcNow.AddMinutes(-10 - i));
            article.Tags.AddRange(tags);
            return article;
        }).ToList();
        await factory.SaveAsync([.. articles, Build.Sponsor("راعٍ أعلى"), Build.Sponsor("راعٍ أسفل", SponsorPlacement.Footer)]);
        await factory.SaveAsync(articles.Select(a => (object)new ArticleDailyViews
        {
            ArticleId = a.Id, Day = DateOnly.FromDateTime(DateTime.UtcNow), Views = a.Id,
        }).ToArray());
        // Once per process (settings, sponsors, sections, most read: held in memory): out of the way before counting.
        await CommandsForAsync("/search?q=warm");

        var article = articles[3];
        var counts = new Dictionary<string, (int Commands, int Bound)>
        {
            ["home"] = (await CommandsForAsync("/"), Bounds.Home),
            ["article"] = (await CommandsForAsync(ArticleLinks.PathOf(article.Id, article.Slug)), Bounds.Article),
            ["section"] = (await CommandsForAsync($"/section/{section.Slug}?page=2"), Bounds.Listing),
            ["tag"] = (await CommandsForAsync($"/tag/{tags[0].Slug}?page=2"), Bounds.Listing),
            ["author"] = (await CommandsForAsync($"/author/{author.Slug}"), Bounds.Listing),
            ["search"] = (await CommandsForAsync("/search?q=" + Uri.EscapeDataString("اقتصادي")), Bounds.Search),
        };

        Assert.True(counts.Values.All(c => c.Commands >= 1 && c.Commands <= c.Bound),
            string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value.Commands} (at most {c.Value.Bound})")));
    }

    // What each page runs today with 12 stories of 4 tags each: more stories or tags must not add a command.
    // Settings, sponsors, the section menu and most-read come from memory after the first page.
    private static class Bounds
    {
        public const int Home = 4;
        public const int Article = 3;
        public const int Listing = 4;
        // The index query and the cards. (SQLite's FTS commands run on the raw connection, outside EF's count.)
        public const int Search = 2;
    }
}
