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

    [Fact]
    public async Task Instances_flushing_the_same_new_day_at_once_add_up_exactly()
    {
        // Several instances, each with its own counts of the same article and sponsor on a day without a row yet.
        var article = Build.Article(title: "خبر تقرؤه عدة نسخ").Published();
        // Inactive, so it shows on no page the other tests of this class count.
        var sponsor = Build.Sponsor("راعٍ تعدّه عدة نسخ", active: false);
        await factory.SaveAsync(article, sponsor);
        var counters = Enumerable.Range(1, 4).Select(n =>
        {
            var counter = ActivatorUtilities.CreateInstance<DailyCounter>(factory.Services);
            for (var i = 0; i < n * 10; i++)
            {
                counter.Record(CountKind.ArticleView, article.Id);
                counter.Record(CountKind.SponsorImpression, sponsor.Id);
            }
            counter.Record(CountKind.SponsorClick, sponsor.Id);
            return counter;
        }).ToList();

        await Task.WhenAll(counters.Select(c => Task.Run(() => c.FlushAsync(CancellationToken.None))));

        Assert.All(counters, c => Assert.Equal(0, c.PendingCount));
        Assert.Equal(100, await factory.QueryAsync(db => db.ArticleDailyViews.Where(v => v.ArticleId == article.Id).SumAsync(v => v.Views)));
        var stats = await factory.QueryAsync(db => db.SponsorDailyStats.Where(s => s.SponsorId == sponsor.Id).ToListAsync());
        Assert.Equal((100, 4), (Assert.Single(stats).Impressions, stats[0].Clicks));
    }
}
