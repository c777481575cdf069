using Microsoft.Extensions.Options;

namespace NewsSite.Content;

/// <summary>A value held in memory that a save can drop at once: see <see cref="ContentChanges"/>.</summary>
public interface IHeldQuery
{
    /// <summary>The page-cache tag whose purge also drops this value.</summary>
    string PurgedWith { get; }

    void Invalidate();
}

/// <summary>
/// A small read that every reader page makes (the sponsors showing, the sections, most read), held in memory so
/// neither cached nor uncached pages pay for it per request. Reloaded after <c>News:OutputCacheSeconds</c>, so
/// what time alone changes (a sponsor's window, views) shows within that bound; dropped at once by
/// <see cref="ContentChanges"/> when a save changes what it shows.
/// </summary>
public abstract class HeldQuery<T>(IServiceScopeFactory scopes, TimeProvider time, IOptions<NewsOptions> options) : IHeldQuery
{
    private sealed record Snapshot(T Value, DateTimeOffset LoadedAt, int Generation);

    private Snapshot? _current;

    private int _generation;

    public abstract string PurgedWith { get; }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    public async ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var generation = Volatile.Read(ref _generation);
        if (_current is { } current && current.Generation == generation
            && now - current.LoadedAt < TimeSpan.FromSeconds(options.Value.OutputCacheSeconds))
        {
            return current.Value;
        }
        // Two readers may reload at once after an expiry: harmless, the last one wins. A load that a save
        // invalidated while it ran is used for this request only, never held.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var value = await LoadAsync(db, now.UtcDateTime, cancellationToken);
        if (Volatile.Read(ref _generation) == generation)
        {
            _current = new Snapshot(value, now, generation);
        }
        return value;
    }

    protected abstract Task<T> LoadAsync(NewsDbContext db, DateTime utcNow, CancellationToken cancellationToken);
}
