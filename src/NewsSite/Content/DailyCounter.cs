using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

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
            // The same order on every instance, so two flushes of the same rows never wait on each other crosswise (deadlock).
            // One statement per kind, built once per flush rather than once per row.
            var statements = new Dictionary<CountKind, string>();
            foreach (var ((kind, id, day), count) in batch.OrderBy(b => b.Key))
            {
                if (!statements.TryGetValue(kind, out var statement))
                {
                    statements[kind] = statement = UpsertSql(db, kind);
                }
                await db.Database.ExecuteSqlRawAsync(statement, [id, day, count], cancellationToken);
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

    // Insert-or-add one day row (SQLite and PostgreSQL share the ON CONFLICT syntax): two instances flushing the same new
    // row at once both land, neither fails, nothing is counted twice. A row counted for an item deleted since is skipped
    // by the EXISTS. Built from the model, so table and column names follow whatever the store's conventions made of them.
    private static string UpsertSql(NewsDbContext db, CountKind kind)
    {
        var (tableType, ownerType, countedProperty) = kind switch
        {
            CountKind.ArticleView => (typeof(ArticleDailyViews), typeof(Article), nameof(ArticleDailyViews.Views)),
            CountKind.SponsorImpression => (typeof(SponsorDailyStats), typeof(Sponsor), nameof(SponsorDailyStats.Impressions)),
            CountKind.SponsorClick => (typeof(SponsorDailyStats), typeof(Sponsor), nameof(SponsorDailyStats.Clicks)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        var sql = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(tableType)!;
        var owner = db.Model.FindEntityType(ownerType)!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var ownerTable = StoreObjectIdentifier.Table(owner.GetTableName()!, owner.GetSchema());
        string Column(IReadOnlyProperty p, StoreObjectIdentifier t) => sql.DelimitIdentifier(p.GetColumnName(t)!);

        var keys = entity.FindPrimaryKey()!.Properties; // (owner id, day), in that order
        var counts = entity.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
        var target = Column(entity.FindProperty(countedProperty)!, table);
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        return $$"""
            INSERT INTO {{tableName}} ({{string.Join(", ", keys.Concat(counts).Select(p => Column(p, table)))}})
            SELECT {0}, {1}, {{string.Join(", ", counts.Select(p => p.Name == countedProperty ? "{2}" : "0"))}}
            WHERE EXISTS (SELECT 1 FROM {{sql.DelimitIdentifier(ownerTable.Name, ownerTable.Schema)}} WHERE {{Column(owner.FindPrimaryKey()!.Properties[0], ownerTable)}} = {0})
            ON CONFLICT ({{string.Join(", ", keys.Select(p => Column(p, table)))}}) DO UPDATE SET {{target}} = {{tableName}}.{{target}} + excluded.{{target}}
            """;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not flush {Keys} daily counters; they are kept for the next flush")]
    private static partial void LogFlushFailed(ILogger logger, Exception ex, int keys);
}
