using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsSite.Content;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Content;

/// <summary>The site on a clock the test moves by hand.</summary>
public sealed class ClockedSiteFactory : NewsSiteFactory
{
    public FakeTimeProvider Time { get; } = new(Build.Now());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("News:SchedulerSeconds", "30");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}

public sealed class ScheduledPublisherTests(ClockedSiteFactory factory) : IClassFixture<ClockedSiteFactory>
{
    [Fact]
    public async Task A_scheduled_article_goes_live_at_its_time_without_a_visit()
    {
        var publishAt = factory.Time.GetUtcNow().UtcDateTime.AddMinutes(10);
        var article = Build.Article(title: "خبر مجدول للنشر بعد عشر دقائق");
        article.Schedule(publishAt);
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();
        var url = ArticleLinks.PathOf(article.Id, article.Slug);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);

        factory.Time.Advance(TimeSpan.FromMinutes(9));
        await Task.Delay(300);
        Assert.Equal(ArticleStatus.Scheduled, await StatusOfAsync(article.Id));

        factory.Time.Advance(TimeSpan.FromMinutes(1.5));
        await WaitUntilAsync(async () => await StatusOfAsync(article.Id) == ArticleStatus.Published);

        var published = await factory.QueryAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id));
        Assert.Equal(publishAt, published.PublishedAt);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var subjectId = article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "publish" && e.SubjectId == subjectId)));
    }

    [Fact]
    public async Task Articles_that_fell_due_while_the_site_was_down_publish_on_the_next_run()
    {
        var overdue = Build.Article(title: "خبر فات موعده");
        overdue.Schedule(factory.Time.GetUtcNow().UtcDateTime.AddHours(-3));
        var later = Build.Article(title: "خبر موعده غدًا");
        later.Schedule(factory.Time.GetUtcNow().UtcDateTime.AddDays(1));
        await factory.SaveAsync(overdue, later);

        await factory.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(CancellationToken.None);

        Assert.Equal(ArticleStatus.Published, await StatusOfAsync(overdue.Id));
        Assert.Equal(ArticleStatus.Scheduled, await StatusOfAsync(later.Id));
    }

    [Fact]
    public async Task Publishers_running_at_once_publish_each_due_article_exactly_once()
    {
        // As several instances would: separate publishers, each with its own context, against the same database.
        const int Due = 12;
        var section = Build.Section();
        var author = Build.Author();
        var articles = Enumerable.Range(1, Due).Select(i =>
        {
            var article = Build.Article(section, author, title: $"خبر مجدول رقم {i}");
            article.Schedule(factory.Time.GetUtcNow().UtcDateTime.AddMinutes(-i));
            return article;
        }).ToList();
        await factory.SaveAsync([.. articles]);
        var publishers = Enumerable.Range(0, 4)
            .Select(_ => ActivatorUtilities.CreateInstance<ScheduledPublisher>(factory.Services))
            .ToList();

        var published = await Task.WhenAll(publishers.Select(p => Task.Run(() => p.PublishDueAsync(CancellationToken.None))));

        Assert.Equal(Due, published.Sum());
        var ids = articles.Select(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Due, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "publish" && ids.Contains(e.SubjectId!))));
        foreach (var article in articles)
        {
            Assert.Equal(ArticleStatus.Published, await StatusOfAsync(article.Id));
        }
    }

    private Task<ArticleStatus> StatusOfAsync(int id) =>
        factory.QueryAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        // The hosted timer runs on its own; give it real time to finish the tick the fake clock fired.
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(await condition(), "the condition did not become true within 5 s");
    }
}
