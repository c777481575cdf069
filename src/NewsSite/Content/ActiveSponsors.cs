using Microsoft.Extensions.Options;

namespace NewsSite.Content;

/// <summary>
/// The sponsors showing now, per placement: the blocks render from it and every page served (from the cache
/// or not) counts its impressions from it. A sponsor's start or end shows within the page cache's expiry,
/// a saved sponsor at once.
/// </summary>
public sealed class ActiveSponsors(IServiceScopeFactory scopes, TimeProvider time, IOptions<NewsOptions> options)
    : HeldQuery<IReadOnlyList<ActiveSponsors.Shown>>(scopes, time, options)
{
    public sealed record Shown(int Id, string Name, string LogoPath, SponsorPlacement Placement);

    public override string PurgedWith => PageCache.Public;

    /// <summary>Every sponsor showing now, by placement, then priority.</summary>
    protected override async Task<IReadOnlyList<Shown>> LoadAsync(NewsDbContext db, DateTime utcNow, CancellationToken cancellationToken) =>
        await db.Sponsors.AsNoTracking()
            .Where(Sponsor.ActiveAt(utcNow))
            .OrderBy(s => s.Placement).ThenBy(s => s.Priority).ThenBy(s => s.Id)
            .Select(s => new Shown(s.Id, s.Name, s.LogoPath, s.Placement))
            .ToListAsync(cancellationToken);
}
