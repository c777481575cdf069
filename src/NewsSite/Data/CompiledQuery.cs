using System.Collections.Concurrent;

namespace NewsSite.Data;

/// <summary>
/// A query compiled once per database provider. EF binds a compiled query to the first context that runs it (that
/// provider's SQL) and never looks again, so a process holding both stores (the tests on PostgreSQL also run SQLite's
/// own tests) would send one store's SQL to the other.
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<string, TQuery> _byProvider = new(StringComparer.Ordinal);

    public TQuery For(NewsDbContext db) => _byProvider.GetOrAdd(db.Database.ProviderName ?? "", _ => compile());
}
