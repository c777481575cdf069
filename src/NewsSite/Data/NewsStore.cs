using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsSite.Data;

public enum NewsDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>The store <c>News:Database</c> chooses; each provider's specifics live in its adapter (SqliteStore, PostgresStore).</summary>
public static class NewsStore
{
    /// <summary>Registers the context and its search index for the configured provider.</summary>
    public static void AddNewsStore(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(NewsOptions.SectionName).GetValue(nameof(NewsOptions.Database), NewsDatabase.Sqlite);
        if (database == NewsDatabase.Postgres)
        {
            services.AddPostgresStore();
        }
        else
        {
            services.AddSqliteStore();
        }
    }

    /// <summary>Creates or migrates the database and fills an empty search index from the articles.</summary>
    public static Task MigrateAsync(NewsDbContext db, CancellationToken cancellationToken = default) =>
        db is PostgresNewsDbContext
            ? PostgresStore.MigrateAsync(db, cancellationToken)
            : SqliteStore.MigrateAsync(db, cancellationToken);

    /// <summary>
    /// What every provider's context carries: each <see cref="IInterceptor"/> in DI (the page-cache purge, a test's
    /// query counter) and the interceptor that keeps that provider's search index in step.
    /// </summary>
    internal static DbContextOptionsBuilder WithInterceptors(
        this DbContextOptionsBuilder options, IServiceProvider provider, Func<NewsDbContext, ISearchIndex> searchIndexOf) =>
        options.AddInterceptors(provider.GetServices<IInterceptor>())
            .AddInterceptors(new SearchIndexInterceptor(searchIndexOf));
}
