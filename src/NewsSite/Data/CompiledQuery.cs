using System.Collections.Concurrent;

namespace NewsSite.Data;

/// <summary>
/// A query compiled once per database provider. EF binds a compiled query to the first context that runs it (that
/// provider's SQL) and never looks again, so a process holding both stores (the tests on PostgreSQL also run SQLite's
/// own tests) would send one store's SQL to the other.
/// </summary>
/// <remarks>
/// Keyed by the context's type, which names the provider: each store is a context type of its own
/// (<see cref="NewsDbContext"/> on SQLite, <see cref="PostgresNewsDbContext"/> on PostgreSQL). Not by
/// <c>Database.ProviderName</c>: EF works that out from its assembly's name on every call, a few microseconds a query.
/// </remarks>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<Type, TQuery> _byStore = new();

    public TQuery For(NewsDbContext db) => _byStore.GetOrAdd(db.GetType(), _ => compile());
}
