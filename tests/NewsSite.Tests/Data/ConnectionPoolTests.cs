using System.Net;
using NewsSite.Content;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Data;

/// <summary>
/// On PostgreSQL the pool is bounded, so a reader page may not hold a connection while it waits for another: the
/// values held in memory (sections, listing counts) reload through a scope of their own, from inside the handler, and
/// with every pooled connection held by a page waiting for one more, no page would ever answer.
/// </summary>
public sealed class ConnectionPoolTests(PostgresPoolOfOneFactory factory) : IClassFixture<PostgresPoolOfOneFactory>
{
    [Fact]
    public async Task Reader_pages_answer_from_a_pool_of_one_connection_while_their_held_values_load()
    {
        var section = Build.Section("رياضة");
        var article = Build.Article(section, title: "مباراة الأمس").Published(DateTime.UtcNow.AddMinutes(-5));
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();

        // The save dropped the held values: each page below loads the ones it needs while it runs.
        foreach (var url in new[] { "/", $"/section/{section.Slug}", "/search?q=" + Uri.EscapeDataString("مباراة"), ArticleLinks.PathOf(article.Id, article.Slug) })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
    }
}
