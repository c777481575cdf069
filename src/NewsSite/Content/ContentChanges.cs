using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace NewsSite.Content;

/// <summary>
/// Purges the page cache after every save that changes what readers see, wherever it happens (the newsroom,
/// the scheduler, a command): one place, so a new admin page cannot forget it. An article evicts its own page and
/// the lists; anything else shown on every page (sections, tags, authors, sponsors, settings) evicts everything.
/// What pages hold in memory (<see cref="IHeldQuery"/>) is dropped with its tag. Counters and other tables
/// leave the cache alone: most-read refreshes with the cache's expiry. With several instances (Redis configured)
/// the others are told too.
/// </summary>
public sealed class ContentChanges(
    IOutputCacheStore cache, IEnumerable<IHeldQuery> held, SiteSettingsStore settings, ClusterChanges? cluster = null)
    : AfterSaveInterceptor<ContentChanges.Pending>
{
    public sealed record Pending(IReadOnlyList<string> Tags, SiteSettings? Settings);

    protected override Pending? Collect(DbContext context)
    {
        if (TagsToEvict(context.ChangeTracker) is not { } tags)
        {
            return null;
        }
        var saved = context.ChangeTracker.Entries<SiteSettings>()
            .FirstOrDefault(e => e.State is EntityState.Added or EntityState.Modified)?.Entity;
        return new Pending(tags, saved);
    }

    protected override async ValueTask ApplyAsync(DbContext context, Pending pending, CancellationToken cancellationToken)
    {
        // Saved settings are swapped in before the purge, so no page rendered in between caches the old ones.
        if (pending.Settings is { } saved)
        {
            settings.Use(saved);
        }
        await EvictAsync(cache, held, pending.Tags, cancellationToken);
        if (cluster is not null)
        {
            await cluster.PublishAsync(pending.Tags, pending.Settings is not null);
        }
    }

    /// <summary>Purges the cached pages of <paramref name="tags"/> and drops what is held in memory with them.</summary>
    public static async Task EvictAsync(
        IOutputCacheStore cache, IEnumerable<IHeldQuery> held, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        // Every cached page carries the public tag, so its purge drops everything held too.
        var all = tags.Contains(PageCache.Public);
        foreach (var query in held.Where(q => all || tags.Contains(q.PurgedWith)))
        {
            query.Invalidate();
        }
        foreach (var tag in tags)
        {
            await cache.EvictByTagAsync(tag, cancellationToken);
        }
    }

    private static List<string>? TagsToEvict(ChangeTracker tracker)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Article article:
                    tags.Add(PageCache.Articles);
                    tags.Add(PageCache.ArticleTag(article.Id));
                    break;
                // An article's tags (the many-to-many join rows), sections, tags, authors, sponsors and settings
                // show on many pages each: evict them all.
                case Section or Tag or Author or Sponsor or SiteSettings or Dictionary<string, object>:
                    tags.Add(PageCache.Public);
                    break;
                default:
                    break;
            }
        }
        return tags.Count == 0 ? null : [.. tags];
    }
}
