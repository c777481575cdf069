using System.Net;
using NewsSite.Content;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Faults;

/// <summary>
/// One process with a site on each store, as the PostgreSQL test run has (SQLite's own tests run beside it): the compiled
/// queries of the home and article pages must speak each store's SQL, whichever store ran them first.
/// </summary>
public sealed class BothStoresTests
{
    [Fact]
    public async Task Home_and_article_pages_work_on_each_store_whichever_ran_first()
    {
        await using var sqlite = new SqliteSiteFactory();
        await using var configured = new NewsSiteFactory();
        foreach (var factory in new NewsSiteFactory[] { configured, sqlite, configured })
        {
            var article = Build.Article(title: $"خبر على {factory.Backend}").Published();
            await factory.SaveAsync(article);
            using var reader = factory.CreateReader();

            var page = await reader.GetAsync(new Uri(ArticleLinks.PathOf(article.Id, article.Slug), UriKind.Relative));
            var home = await reader.GetAsync(new Uri("/", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(article.Title, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains(article.Title, await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
