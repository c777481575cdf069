using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace NewsSite.Content;

/// <summary>Values held in memory that a save can drop at once: see <see cref="ContentChanges"/>.</summary>
public interface IHeldQuery
{
    /// <summary>The page-cache tag whose purge also drops these values.</summary>
    string PurgedWith { get; }

    void Invalidate();
}

/// <summary>
/// Small reads that reader pages make again and again (the sponsors showing, the sections, most read, listing
/// counts), held in memory so neither cached nor uncached pages pay for them per request. Each is reloaded after
/// <c>News:OutputCacheSeconds</c>, so what time alone changes (a sponsor's window, views, a publish time arriving)
/// shows within that bound, and dropped at once by <see cref="ContentChanges"/> when a save changes what it shows.
/// </summary>
public abstract class Held<TKey, T>(TimeProvider time, IOptions<NewsOptions> options) : IHeldQuery
    where TKey : notnull
{
    private sealed record Snapshot(T Value, DateTimeOffset LoadedAt, int Generation);

    private readonly ConcurrentDictionary<TKey, Snapshot> _held = new();

    private int _generation;

    public abstract string PurgedWith { get; }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _held.Clear();
    }

    protected async ValueTask<T> GetOrLoadAsync(TKey key, Func<DateTime, CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var generation = Volatile.Read(ref _generation);
        if (_held.TryGetValue(key, out var held) && held.Generation == generation
            && now - held.LoadedAt < TimeSpan.FromSeconds(options.Value.OutputCacheSeconds))
        {
            return held.Value;
        }
        // Two readers may reload at once after an expiry: harmless, the last one wins. A load that a save
        // invalidated while it ran is used for this request only, never held.
        var value = await load(now.UtcDateTime, cancellationToken);
        if (Volatile.Read(ref _generation) == generation)
        {
            _held[key] = new Snapshot(value, now, generation);
        }
        return value;
    }
}

/// <summary>One held value, read through a scope of its own (the holder is a singleton).</summary>
public abstract class HeldQuery<T>(IServiceScopeFactory scopes, TimeProvider time, IOptions<NewsOptions> options)
    : Held<bool, T>(time, options)
{
    public ValueTask<T> GetAsync(CancellationToken cancellationToken) => GetOrLoadAsync(true, async (utcNow, ct) =>
    {
        await using var scope = scopes.CreateAsyncScope();
        return await LoadAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), utcNow, ct);
    }, cancellationToken);

    protected abstract Task<T> LoadAsync(NewsDbContext db, DateTime utcNow, CancellationToken cancellationToken);
}
