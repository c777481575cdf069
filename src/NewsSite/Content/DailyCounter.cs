using System.Collections.Concurrent;

namespace NewsSite.Content;

/// <summary>What the site counts per item and UTC day.</summary>
public enum CountKind
{
    ArticleView,
    SponsorImpression,
    SponsorClick,
}

/// <summary>
/// Counts article views and sponsor impressions and clicks in memory, so a reader's request never writes
/// to the database, and adds them to the daily totals on <see cref="FlushAsync"/> (every few seconds and at shutdown).
/// </summary>
public sealed partial class DailyCounter(IServiceScopeFactory scopes, TimeProvider time, ILogger<DailyCounter> logger)
{
    private readonly ConcurrentDictionary<(CountKind Kind, int Id, DateOnly Day), long> _pending = new();

    public void Record(CountKind kind, int id)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        _pending.AddOrUpdate((kind, id, day), 1, static (_, n) => n + 1);
    }

    public long PendingCount => _pending.Values.Sum();

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        // TryRemove per key: a count recorded during the flush lands in a new entry for the next one.
        var batch = new List<((CountKind Kind, int Id, DateOnly Day) Key, long Count)>();
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var count))
            {
                batch.Add((key, count));
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
            foreach (var ((kind, id, day), count) in batch)
            {
                await AddAsync(db, kind, id, day, count, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or OperationCanceledException
                                       or System.Data.Common.DbException)
        {
            // Keep the counts for the next flush rather than lose them.
            foreach (var (key, count) in batch)
            {
                _pending.AddOrUpdate(key, count, (_, n) => n + count);
            }
            LogFlushFailed(logger, ex, batch.Count);
            throw;
        }
    }

    // Additive update first, insert when the day has no row yet: safe with several writers.
    private static async Task AddAsync(NewsDbContext db, CountKind kind, int id, DateOnly day, long count, CancellationToken ct)
    {
        if (await AddToExistingDayAsync(db, kind, id, day, count, ct) > 0)
        {
            return;
        }
        var exists = kind == CountKind.ArticleView
            ? await db.Articles.AnyAsync(a => a.Id == id, ct)
            : await db.Sponsors.AnyAsync(s => s.Id == id, ct);
        if (!exists)
        {
            return; // deleted since it was counted
        }
        db.Add(NewDay(kind, id, day, count));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static Task<int> AddToExistingDayAsync(NewsDbContext db, CountKind kind, int id, DateOnly day, long count, CancellationToken ct)
    {
        var sponsorDay = db.SponsorDailyStats.Where(s => s.SponsorId == id && s.Day == day);
        return kind switch
        {
            CountKind.ArticleView => db.ArticleDailyViews.Where(v => v.ArticleId == id && v.Day == day)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Views, v => v.Views + count), ct),
            CountKind.SponsorImpression => sponsorDay
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Impressions, v => v.Impressions + count), ct),
            CountKind.SponsorClick => sponsorDay
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Clicks, v => v.Clicks + count), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static object NewDay(CountKind kind, int id, DateOnly day, long count) => kind switch
    {
        CountKind.ArticleView => new ArticleDailyViews { ArticleId = id, Day = day, Views = count },
        CountKind.SponsorImpression => new SponsorDailyStats { SponsorId = id, Day = day, Impressions = count },
        CountKind.SponsorClick => new SponsorDailyStats { SponsorId = id, Day = day, Clicks = count },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not flush {Keys} daily counters; they are kept for the next flush")]
    private static partial void LogFlushFailed(ILogger logger, Exception ex, int keys);
}
