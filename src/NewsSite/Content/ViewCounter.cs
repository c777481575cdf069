using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NewsSite.Data;
using NewsSite.Domain;

namespace NewsSite.Content;

/// <summary>
/// Counts article views in memory, so a page view never writes to the database, and adds them to
/// the daily totals on <see cref="FlushAsync"/> (every few seconds and at shutdown).
/// </summary>
public sealed partial class ViewCounter(IServiceScopeFactory scopes, TimeProvider time, ILogger<ViewCounter> logger)
{
    private readonly ConcurrentDictionary<(int ArticleId, DateOnly Day), long> _pending = new();

    public void Record(int articleId)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        _pending.AddOrUpdate((articleId, day), 1, static (_, n) => n + 1);
    }

    public long PendingCount => _pending.Values.Sum();

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        // TryRemove per key: a view recorded during the flush lands in a new entry for the next one.
        var batch = new List<((int ArticleId, DateOnly Day) Key, long Views)>();
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var views))
            {
                batch.Add((key, views));
            }
        }
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var ((articleId, day), views) in batch)
            {
                await AddViewsAsync(db, articleId, day, views, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or OperationCanceledException
                                       or System.Data.Common.DbException)
        {
            // Keep the counts for the next flush rather than lose them.
            foreach (var (key, views) in batch)
            {
                _pending.AddOrUpdate(key, views, (_, n) => n + views);
            }
            LogFlushFailed(logger, ex, batch.Count);
            throw;
        }
    }

    // Additive update first, insert when the day has no row yet: safe with several writers.
    private static async Task AddViewsAsync(NewsDbContext db, int articleId, DateOnly day, long views, CancellationToken ct)
    {
        var updated = await db.ArticleDailyViews
            .Where(v => v.ArticleId == articleId && v.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Views, v => v.Views + views), ct);
        if (updated > 0)
        {
            return;
        }
        var exists = await db.Articles.AnyAsync(a => a.Id == articleId, ct);
        if (!exists)
        {
            return; // deleted since it was viewed
        }
        db.ArticleDailyViews.Add(new ArticleDailyViews { ArticleId = articleId, Day = day, Views = views });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not flush {Keys} view counters; they are kept for the next flush")]
    private static partial void LogFlushFailed(ILogger logger, Exception ex, int keys);
}
