using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NewsSite.Content;

/// <summary>
/// Keeps several instances in step through Redis: a save on one instance is announced on a channel, and every
/// instance (the sender too, harmlessly) re-reads the site settings, drops what it holds in memory for the saved
/// tags (<see cref="IHeldQuery"/>: sponsors, sections, most read, listing counts) and purges those tags again. That second purge matters: a page another instance rendered with its old settings between
/// the first purge and the message would otherwise sit in the shared cache until it expires.
/// After a lost connection everything is reloaded, since messages sent meanwhile are gone.
/// </summary>
public sealed partial class ClusterChanges(
    IConnectionMultiplexer redis, IOptions<NewsOptions> options, SiteSettingsStore settings, IEnumerable<IHeldQuery> held,
    IOutputCacheStore cache, ILogger<ClusterChanges> logger) : IHostedService
{
    private const string SettingsFlag = "settings";

    private RedisChannel Channel => RedisChannel.Literal(options.Value.RedisPrefix + "changes");

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
            o.InstanceName = news.Value.RedisPrefix;
        });
        services.AddSingleton<ClusterChanges>();
        services.AddHostedService(provider => provider.GetRequiredService<ClusterChanges>());
    }

    /// <summary>Tells every instance that a save changed <paramref name="tags"/> (and the settings, when <paramref name="settingsSaved"/>).</summary>
    public async Task PublishAsync(IReadOnlyList<string> tags, bool settingsSaved)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, string.Join(' ', settingsSaved ? [SettingsFlag, .. tags] : tags));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The save itself is done: the editor gets no error for the announcement.
            LogPublishFailed(logger, ex);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        // One message at a time, in order.
        queue.OnMessage(message => ApplyQuietlyAsync(((string?)message.Message ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        redis.ConnectionRestored += OnConnectionRestored;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored -= OnConnectionRestored;
        return redis.GetSubscriber().UnsubscribeAsync(Channel);
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
            await ContentChanges.EvictAsync(cache, held, [.. message.Where(m => m != SettingsFlag)], CancellationToken.None);
        }
        catch (Exception ex) when (ex is RedisException or System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            LogApplyFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A save could not be announced to the other instances: they may show what it changed only later (held values and cached pages on expiry, settings on the next announced save)")]
    private static partial void LogPublishFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "A change announced by another instance could not be applied here")]
    private static partial void LogApplyFailed(ILogger logger, Exception ex);
}
