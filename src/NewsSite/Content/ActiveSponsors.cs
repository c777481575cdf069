using Microsoft.Extensions.Options;

namespace NewsSite.Content;

/// <summary>
/// The sponsors showing now, per placement, held in memory: the blocks render from it and every page served
/// (from the cache or not) counts its impressions from it. Reloaded after the page cache's expiry, so a
/// sponsor's start or end shows within that interval, and at once when a sponsor is saved.
/// </summary>
public sealed class ActiveSponsors(IServiceScopeFactory scopes, TimeProvider time, IOptions<NewsOptions> options)
{
    public sealed record Shown(int Id, string Name, string LogoPath, SponsorPlacement Placement);

    private sealed record Snapshot(IReadOnlyList<Shown> Sponsors, DateTimeOffset LoadedAt);

    private Snapshot? _current;

    public void Invalidate() => _current = null;

    /// <summary>Every sponsor showing now, by placement, then priority.</summary>
    public async ValueTask<IReadOnlyList<Shown>> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = _current;
        if (current is not null && now - current.LoadedAt < TimeSpan.FromSeconds(options.Value.OutputCacheSeconds))
        {
            return current.Sponsors;
        }
        // Two readers may reload at once after an expiry: harmless, the last one wins.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var sponsors = await db.Sponsors.AsNoTracking()
            .Where(Sponsor.ActiveAt(now.UtcDateTime))
            .OrderBy(s => s.Placement).ThenBy(s => s.Priority).ThenBy(s => s.Id)
            .Select(s => new Shown(s.Id, s.Name, s.LogoPath, s.Placement))
            .ToListAsync(cancellationToken);
        _current = new Snapshot(sponsors, now);
        return sponsors;
    }
}
