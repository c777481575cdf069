using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsSite.Content;

/// <summary>
/// Purges the page cache after every save that changes what readers see, wherever it happens (the newsroom,
/// the scheduler, a command): one place, so a new admin page cannot forget it. An article evicts its own page and
/// the lists; anything else shown on every page (sections, tags, authors, sponsors, settings) evicts everything.
/// Counters and other tables leave the cache alone: most-read refreshes with the cache's expiry.
/// </summary>
public sealed class ContentChanges(IOutputCacheStore cache, ActiveSponsors sponsors, SiteSettingsStore settings) : SaveChangesInterceptor
{
    // What a save in progress will evict, per context: decided before the save (afterwards the entries are unchanged).
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    private sealed record Pending(IReadOnlyList<string> Tags, SiteSettings? Settings);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EvictAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EvictAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Remember(DbContext? db)
    {
        if (db is not null && TagsToEvict(db.ChangeTracker) is { } tags)
        {
            var saved = db.ChangeTracker.Entries<SiteSettings>()
                .FirstOrDefault(e => e.State is EntityState.Added or EntityState.Modified)?.Entity;
            _pending.AddOrUpdate(db, new Pending(tags, saved));
        }
    }

    private void Forget(DbContext? db)
    {
        if (db is not null)
        {
            _pending.Remove(db);
        }
    }

    private async ValueTask EvictAsync(DbContext? db, CancellationToken cancellationToken)
    {
        if (db is null || !_pending.TryGetValue(db, out var pending))
        {
            return;
        }
        _pending.Remove(db);
        // Saved settings are swapped in before the purge, so no page rendered in between caches the old ones.
        if (pending.Settings is { } saved)
        {
            settings.Use(saved);
        }
        var tags = pending.Tags;
        if (tags.Contains(PageCache.Public))
        {
            sponsors.Invalidate();
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
