using StackExchange.Redis;

namespace NewsSite.Tests;

/// <summary>Tests that use Redis give their keys a prefix of their own and remove them when done.</summary>
internal static class RedisTestKeys
{
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
