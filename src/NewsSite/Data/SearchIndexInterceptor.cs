namespace NewsSite.Data;

/// <summary>
/// Keeps the search index in step with every save of an article, wherever it happens (editor, revision restore,
/// seeders, tests, code not written yet): one hook on SaveChanges rather than a call to remember on every page.
/// The words are written after the rows, on the same connection and inside the caller's transaction when there is one.
/// </summary>
internal sealed class SearchIndexInterceptor(Func<NewsDbContext, ISearchIndex> indexOf)
    : AfterSaveInterceptor<SearchIndexInterceptor.Pending>
{
    // Only these change what the index holds; status and publish time are checked when searching.
    private static readonly string[] IndexedProperties = [nameof(Article.Title), nameof(Article.Summary), nameof(Article.BodyMarkdown)];

    internal sealed record Pending(List<Article> Changed, List<int> Removed);

    protected override Pending? Collect(DbContext context)
    {
        if (context is not NewsDbContext)
        {
            return null;
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
        return pending.Removed.Count + pending.Changed.Count == 0 ? null : pending;
    }

    protected override async ValueTask ApplyAsync(DbContext context, Pending pending, CancellationToken cancellationToken)
    {
        var index = indexOf((NewsDbContext)context);
        if (pending.Removed.Count > 0)
        {
            await index.RemoveAsync(pending.Removed, cancellationToken);
        }
        if (pending.Changed.Count > 0)
        {
            await index.IndexAsync(pending.Changed, cancellationToken);
        }
    }
}
