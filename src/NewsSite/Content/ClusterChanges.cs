using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NewsSite.Content;

/// <summary>
/// Keeps several instances in step through Redis: a save on one instance is announced on a channel, and every
/// instance (the sender too, harmlessly) re-reads the site settings, drops what it holds in memory for the saved
/// tags (<see cref="IHeldQuery"/>: sponsors, sections, most read, listing counts; its copies of cached pages, <see cref="LocalPageCache"/>)
/// and purges those tags again. That second purge matters: a page another instance rendered with its old settings between
/// the first purge and the message would otherwise sit in the shared cache until it expires. Each instance confirms
/// on a second channel, and the save waits (up to <see cref="ConfirmTimeout"/>) until every instance has, so the next
/// request on any of them shows it. After a lost connection everything is reloaded, since messages sent meanwhile are gone.
/// </summary>
public sealed partial class ClusterChanges(
    IConnectionMultiplexer redis, IOptions<NewsOptions> options, SiteSettingsStore settings, IEnumerable<IHeldQuery> held,
    IOutputCacheStore cache, ILogger<ClusterChanges> logger) : IHostedService
{
    private const string SettingsFlag = "settings";

    // Marks the announcement's id among its tags; an instance of an older version takes it for a tag that matches nothing.
    private const string IdMark = "id:";

    /// <summary>How long a save waits for every instance to confirm; past it the save goes on and a warning is logged.</summary>
    public static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(2);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Confirmations> _waiting = new(StringComparer.Ordinal);

    private RedisChannel Channel => RedisChannel.Literal(options.Value.RedisPrefix + "changes");

    private RedisChannel Applied => RedisChannel.Literal(options.Value.RedisPrefix + "changes:applied");

    /// <summary>With <c>ConnectionStrings:Redis</c> set: one shared connection, the page cache in Redis, and this class.</summary>
    public static void AddWhenConfigured(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Redis") is not { Length: > 0 } connectionString)
        {
            return;
        }
        var redisOptions = ConfigurationOptions.Parse(connectionString);
        // Reconnects by itself after Redis restarts. Redis is required while configured (the key ring and the page cache live
        // there): an instance cannot start without it, and requests that reach it fail while it is away.
        redisOptions.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>().Configure<IConnectionMultiplexer, IOptions<NewsOptions>>((o, connection, news) =>
        {
            o.ConnectionMultiplexerFactory = () => Task.FromResult(connection);
            // Entries written by LocalPageCache (each with its expiry in front), apart from those of earlier versions.
            o.InstanceName = news.Value.RedisPrefix + "pages:";
        });
        // The shared store behind this instance's copies, within the page cache's own size limit.
        var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(redisStore);
        services.AddSingleton<IOutputCacheStore>(provider => new LocalPageCache(
            (IOutputCacheStore)(redisStore.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, redisStore.ImplementationType!)),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit));
        services.AddSingleton<ClusterChanges>();
        services.AddHostedService(provider => provider.GetRequiredService<ClusterChanges>());
    }

    /// <summary>
    /// Tells every instance that a save changed <paramref name="tags"/> (and the settings, when <paramref name="settingsSaved"/>),
    /// and waits until each has applied it.
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<string> tags, bool settingsSaved)
    {
        var id = IdMark + Guid.NewGuid().ToString("N");
        var confirmations = _waiting[id] = new Confirmations();
        try
        {
            string[] message = settingsSaved ? [id, SettingsFlag, .. tags] : [id, .. tags];
            var instances = await redis.GetSubscriber().PublishAsync(Channel, string.Join(' ', message));
            if (!await confirmations.AllAsync(instances, ConfirmTimeout))
            {
                LogUnconfirmed(logger, instances - confirmations.Count, instances, ConfirmTimeout.TotalSeconds);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The save itself is done: the editor gets no error for the announcement.
            LogPublishFailed(logger, ex);
        }
        finally
        {
            _waiting.TryRemove(id, out _);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await redis.GetSubscriber().SubscribeAsync(Applied);
        applied.OnMessage(message =>
        {
            if (_waiting.TryGetValue((string?)message.Message ?? "", out var confirmations))
            {
                confirmations.Add();
            }
        });
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        // One message at a time, in order.
        queue.OnMessage(message => ApplyQuietlyAsync(((string?)message.Message ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        redis.ConnectionRestored += OnConnectionRestored;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored -= OnConnectionRestored;
        return Task.WhenAll(redis.GetSubscriber().UnsubscribeAsync(Channel), redis.GetSubscriber().UnsubscribeAsync(Applied));
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) =>
        _ = ApplyQuietlyAsync([SettingsFlag, PageCache.Public]);

    private async Task ApplyQuietlyAsync(string[] message)
    {
        try
        {
            if (message.Contains(SettingsFlag))
            {
                await settings.LoadAsync(CancellationToken.None);
            }
            await ContentChanges.EvictAsync(cache, held, [.. message.Where(m => m != SettingsFlag && !IsId(m))], CancellationToken.None);
            if (message.FirstOrDefault(IsId) is { } id)
            {
                await redis.GetSubscriber().PublishAsync(Applied, id);
            }
        }
        catch (Exception ex) when (ex is RedisException or System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            LogApplyFailed(logger, ex);
        }
    }

    private static bool IsId(string part) => part.StartsWith(IdMark, StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Error, Message = "A save could not be announced to the other instances: they may show what it changed only later (held values and cached pages on expiry, settings on the next announced save)")]
    private static partial void LogPublishFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A save was announced, but {Missing} of {Instances} instances did not confirm within {Seconds} s: they may show what it changed a moment later")]
    private static partial void LogUnconfirmed(ILogger logger, long missing, long instances, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A change announced by another instance could not be applied here")]
    private static partial void LogApplyFailed(ILogger logger, Exception ex);

    /// <summary>The instances that confirmed one announcement; how many there are is known only once it is sent.</summary>
    private sealed class Confirmations
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _expected = long.MaxValue;
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void Add()
        {
            if (Interlocked.Increment(ref _count) >= Interlocked.Read(ref _expected))
            {
                _all.TrySetResult();
            }
        }

        public async Task<bool> AllAsync(long expected, TimeSpan timeout)
        {
            Interlocked.Exchange(ref _expected, expected);
            if (Count >= expected)
            {
                return true;
            }
            try
            {
                await _all.Task.WaitAsync(timeout);
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }
}
