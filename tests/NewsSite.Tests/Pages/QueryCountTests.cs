using System.Net;
using NewsSite.Content;
using NewsSite.Data;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Pages;

/// <summary>
/// The uncached path stays cheap: each reader page runs a small, fixed number of SQL commands however many
/// articles, tags and sponsors it shows, so an N+1 query fails the build; on SQLite all of them on one connection.
/// </summary>
public sealed class QueryCountTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    // Each URL is asked once, so the page renders rather than coming from the cache.
    private async Task<int> CommandsForAsync(string url) => (await SqlForAsync(url)).Commands;

    private async Task<(int Commands, int Connections)> SqlForAsync(string url)
    {
        using var client = factory.CreateReader();
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add(SqlCommandCounter.Header, id);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (factory.SqlCommands.CountOf(id), factory.SqlCommands.ConnectionsOf(id));
    }

    [Fact]
    public async Task Every_reader_page_runs_a_bounded_number_of_sql_commands_on_one_connection()
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
        var pages = new Dictionary<string, (string Url, int Bound)>
        {
            ["home"] = ("/", Bounds.Home),
            ["article"] = (ArticleLinks.PathOf(article.Id, article.Slug), Bounds.Article),
            ["section"] = ($"/section/{section.Slug}?page=2", Bounds.Listing),
            ["tag"] = ($"/tag/{tags[0].Slug}?page=2", Bounds.Listing),
            ["author"] = ($"/author/{author.Slug}", Bounds.Listing),
            ["search"] = ("/search?q=" + Uri.EscapeDataString("اقتصادي"), Bounds.Search),
        };
        var counts = new Dictionary<string, (int Commands, int Connections, int Bound)>();
        foreach (var (name, (url, bound)) in pages)
        {
            var (commands, connections) = await SqlForAsync(url);
            counts[name] = (commands, connections, bound);
        }

        Assert.True(counts.Values.All(c => c.Commands >= 1 && c.Commands <= c.Bound),
            string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value.Commands} (at most {c.Value.Bound})")));
        // On SQLite one connection a page (EF would open and close it around each command); on PostgreSQL each command
        // rents its own from the bounded pool, so no page holds one while it waits for another (ConnectionPoolTests).
        Assert.True(counts.Values.All(c => c.Connections == (factory.Backend == NewsDatabase.Sqlite ? 1 : c.Commands)),
            string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value.Connections} connections, {c.Value.Commands} commands")));
    }

    [Fact]
    public async Task The_home_page_runs_as_many_commands_with_many_sections_and_fills_each_row()
    {
        // Six sections of stories, listed by sort order in reverse of creation; one more whose only story leads the page,
        // and one with none: neither of those two has a row. Ten seconds apart, all newer than the other test's stories.
        var sections = Enumerable.Range(0, 8).Select(i => Build.Section($"قسم الصفحة الأولى {i}")).ToList();
        sections.ForEach(s => s.SortOrder = 100 - sections.IndexOf(s));
        var start = Build.Now();
        var articles = Enumerable.Range(0, 36).Select(t =>
                Build.Article(sections[t % 6], title: $"خبر القسم {t % 6} رقم {t}").Published(start.AddSeconds(-20 - 10 * t)))
            .Append(Build.Article(sections[6], title: "خبر يتصدر الصفحة").Published(start.AddSeconds(-10)))
            .ToList();
        await factory.SaveAsync([.. articles, sections[7]]);
        // The saved sections reach the held menu once: out of the way before counting.
        await CommandsForAsync("/search?q=warm");

        var commands = await CommandsForAsync("/");
        using var client = factory.CreateReader();
        var (_, page) = await NewsSiteFactory.GetPageAsync(client, "/");

        Assert.InRange(commands, 1, Bounds.Home);
        var newest = articles.OrderByDescending(a => a.PublishedAt).ToList();
        var shown = newest.Take(9).ToList();
        Assert.Equal(shown.Select(a => a.Title),
            page.QuerySelectorAll(".lead-title a, .latest .card-title a").Select(a => a.TextContent));
        var expected = sections.OrderBy(s => s.SortOrder)
            .Select(s => (s.Slug, Titles: newest.Where(a => a.Section == s).Except(shown).Take(4).Select(a => a.Title).ToList()))
            .Where(row => row.Titles.Count > 0)
            .ToList();
        var ours = sections.Select(s => $"/section/{s.Slug}").ToHashSet();
        var rows = page.QuerySelectorAll(".section-row")
            .Select(row => (Href: row.QuerySelector("h2 a")!.GetAttribute("href")!, Titles: row.QuerySelectorAll(".card-title a").Select(a => a.TextContent).ToList()))
            .Where(row => ours.Contains(row.Href))
            .ToList();
        Assert.Equal(6, expected.Count);
        Assert.Equal(expected.Select(r => $"/section/{r.Slug}: {string.Join(" | ", r.Titles)}"),
            rows.Select(r => $"{r.Href}: {string.Join(" | ", r.Titles)}"));
    }

    // What each page runs today with 12 stories of 4 tags each: more stories, tags or sections must not add a command.
    // Settings, sponsors, the section menu and most-read come from memory after the first page.
    private static class Bounds
    {
        // The urgent strip, the newest, and every section's row in one statement.
        public const int Home = 3;
        public const int Article = 3;
        public const int Listing = 4;
        // The index query and the cards. (SQLite's FTS commands run on the raw connection, outside EF's count.)
        public const int Search = 2;
    }
}
