using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsSite.Content;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Content;

public sealed class CounterFlushServiceTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task Stopping_the_site_writes_the_views_still_in_memory()
    {
        var article = Build.Article(title: "خبر قبل الإغلاق").Published();
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();
        var url = new Uri(ArticleLinks.PathOf(article.Id, article.Slug), UriKind.Relative);
        for (var i = 0; i < 7; i++)
        {
            await client.GetAsync(url);
        }
        var counter = factory.Services.GetRequiredService<DailyCounter>();
        Assert.Equal(7, counter.PendingCount);

        // The graceful-shutdown path of the flush service, as the host runs it.
        var flusher = factory.Services.GetServices<IHostedService>().OfType<CounterFlushService>().Single();
        await flusher.StopAsync(CancellationToken.None);

        Assert.Equal(0, counter.PendingCount);
        Assert.Equal(7, await factory.QueryAsync(db => db.ArticleDailyViews.Where(v => v.ArticleId == article.Id).SumAsync(v => v.Views)));
    }
}
