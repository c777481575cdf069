using StackExchange.Redis;

namespace NewsSite.Tests;

/// <summary>Tests that use Redis give their keys a prefix of their own and remove them when done.</summary>
internal static class RedisTestKeys
{
    /// <summary>The Redis server tests use: NEWS_TEST_REDIS, else the one .ci/run starts on loopback.</summary>
    public static readonly string Server = Environment.GetEnvironmentVariable("NEWS_TEST_REDIS") is { Length: > 0 } redis ? redis : "127.0.0.1:6379";

    public static async Task RemoveAsync(string redis, string prefix)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var database = connection.GetDatabase();
        foreach (var server in connection.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
            {
                await database.KeyDeleteAsync(key);
            }
        }
    }
}
