using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace NewsSite.Content;

/// <summary>
/// How many live stories each listing (a section, tag or author) has, held in memory: every page of a listing
/// needs the number, and counting a section of 20,000 stories reads 20,000 index entries. Dropped with any
/// article change; recounted after the page cache's expiry, so a story whose publish time arrives counts within it.
/// </summary>
public sealed class ListingCounts(TimeProvider time, IOptions<NewsOptions> options) : IHeldQuery
{
    private sealed record Count(int Value, DateTimeOffset CountedAt, int Generation);

    private readonly ConcurrentDictionary<string, Count> _counts = new(StringComparer.Ordinal);

    private int _generation;

    public string PurgedWith => PageCache.Articles;

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _counts.Clear();
    }

    /// <summary>The count of <paramref name="listing"/> (its path), from memory or from <paramref name="count"/>.</summary>
    public async ValueTask<int> GetAsync(string listing, Func<CancellationToken, Task<int>> count, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var generation = Volatile.Read(ref _generation);
        if (_counts.TryGetValue(listing, out var held) && held.Generation == generation
            && now - held.CountedAt < TimeSpan.FromSeconds(options.Value.OutputCacheSeconds))
        {
            return held.Value;
        }
        var value = await count(cancellationToken);
        // A count that a save invalidated while it ran serves this request only.
        if (Volatile.Read(ref _generation) == generation)
        {
            _counts[listing] = new Count(value, now, generation);
        }
        return value;
    }
}
