using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsSite.Data;

/// <summary>
/// Keeps the search index in step with every save of an article, wherever it happens (editor, revision restore,
/// seeders, tests, code not written yet): one hook on SaveChanges rather than a call to remember on every page.
/// The words are written after the rows, on the same connection and inside the caller's transaction when there is one.
/// </summary>
internal sealed class SearchIndexInterceptor(Func<NewsDbContext, ISearchIndex> indexOf) : SaveChangesInterceptor
{
    // Only these change what the index holds; status and publish time are checked when searching.
    private static readonly string[] IndexedProperties = [nameof(Article.Title), nameof(Article.Summary), nameof(Article.BodyMarkdown)];

    private sealed record Pending(List<Article> Changed, List<int> Removed);

    // One interceptor serves every pooled context; each save's pending work is kept with its own context.
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ApplyAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is not NewsDbContext)
        {
            return;
        }
        var pending = new Pending([], []);
        foreach (var entry in context.ChangeTracker.Entries<Article>())
        {
            if (entry.State == EntityState.Deleted)
            {
                pending.Removed.Add(entry.Entity.Id);
            }
            else if (entry.State == EntityState.Added
                     || (entry.State == EntityState.Modified && IndexedProperties.Any(p => entry.Property(p).IsModified)))
            {
                pending.Changed.Add(entry.Entity);
            }
        }
        _pending.AddOrUpdate(context, pending);
    }

    private async Task ApplyAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not NewsDbContext db || !_pending.TryGetValue(db, out var pending))
        {
            return;
        }
        _pending.Remove(db);
        var index = indexOf(db);
        if (pending.Removed.Count > 0)
        {
            await index.RemoveAsync(pending.Removed, cancellationToken);
        }
        if (pending.Changed.Count > 0)
        {
            await index.IndexAsync(pending.Changed, cancellationToken);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
