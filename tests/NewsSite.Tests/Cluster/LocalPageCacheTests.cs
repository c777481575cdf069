using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsSite.Content;
using StackExchange.Redis;

namespace NewsSite.Tests.Cluster;

/// <summary>
/// Each instance's copies in front of the page cache in Redis (the real server .ci/run starts), two instances built as
/// the site builds them, sharing one Redis prefix, each on a clock of its own that the test moves.
/// </summary>
public sealed class LocalPageCacheTests : IAsyncLifetime
{
    private static readonly TimeSpan ValidFor = TimeSpan.FromSeconds(60);
    private readonly string _prefix = $"newssite-test-{Guid.NewGuid():N}:";
    private readonly List<ServiceProvider> _instances = [];
    private readonly FakeTimeProvider _timeA = new(DateTimeOffset.UtcNow);
    private readonly FakeTimeProvider _timeB = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_copy_answers_without_Redis_and_expires_with_the_entry_it_came_from()
    {
        var (a, b) = (Instance(_timeA), Instance(_timeB));
        var page = Encoding.UTF8.GetBytes("<p>صفحة مخزنة</p>");
        await a.SetAsync("page", page, [PageCache.Public, PageCache.Articles], ValidFor, default);
        _timeB.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(page, await b.GetAsync("page", default));

        // Gone from Redis behind B's back: B still answers from its copy.
        await RedisTestKeys.RemoveAsync(RedisTestKeys.Server, _prefix);
        Assert.Equal(page, await b.GetAsync("page", default));

        // Its copy was taken 50 s into the entry's 60: it lives 10 s more, not another 60.
        _timeB.Advance(TimeSpan.FromSeconds(11));
        Assert.Null(await b.GetAsync("page", default));
    }

    [Fact]
    public async Task A_purge_drops_every_copy_and_the_shared_entries_of_its_tag()
    {
        var (a, b) = (Instance(_timeA), Instance(_timeB));
        var (article, home) = (Encoding.UTF8.GetBytes("خبر"), Encoding.UTF8.GetBytes("الرئيسية"));
        await a.SetAsync("article", article, [PageCache.Public, PageCache.ArticleTag(7)], ValidFor, default);
        await a.SetAsync("home", home, [PageCache.Public, PageCache.Articles], ValidFor, default);
        Assert.Equal(article, await b.GetAsync("article", default));
        Assert.Equal(home, await b.GetAsync("home", default));

        await b.EvictByTagAsync(PageCache.ArticleTag(7), default);

        // The article is gone from Redis and B; the home page only from B's copies, so B fetches it again from Redis.
        Assert.Null(await b.GetAsync("article", default));
        Assert.Equal(home, await b.GetAsync("home", default));
        // A still has its copy until it is told (ClusterChanges tells every instance, and the save waits for them).
        Assert.Equal(article, await a.GetAsync("article", default));
        await a.EvictByTagAsync(PageCache.ArticleTag(7), default);
        Assert.Null(await a.GetAsync("article", default));
    }

    [Fact]
    public async Task A_stored_entry_answers_at_once_on_its_own_instance_and_a_stale_one_from_Redis_is_not_served()
    {
        var (a, b) = (Instance(_timeA), Instance(_timeB));
        var page = Encoding.UTF8.GetBytes("صفحة");
        await a.SetAsync("page", page, [PageCache.Public], ValidFor, default);
        await RedisTestKeys.RemoveAsync(RedisTestKeys.Server, _prefix);
        Assert.Equal(page, await a.GetAsync("page", default));

        // An entry Redis still holds but whose time is up (B's clock runs ahead): not served, the page is rendered again.
        await a.SetAsync("late", page, [PageCache.Public], ValidFor, default);
        _timeB.Advance(ValidFor);
        Assert.Null(await b.GetAsync("late", default));
    }

    private IOutputCacheStore Instance(TimeProvider time)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = RedisTestKeys.Server })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddOutputCache();
        services.Configure<NewsOptions>(o => o.RedisPrefix = _prefix);
        ClusterChanges.AddWhenConfigured(services, configuration);
        var provider = services.BuildServiceProvider();
        _instances.Add(provider);
        var store = provider.GetRequiredService<IOutputCacheStore>();
        Assert.IsType<LocalPageCache>(store);
        return store;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }
        await RedisTestKeys.RemoveAsync(RedisTestKeys.Server, _prefix);
    }
}
