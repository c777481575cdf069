using Microsoft.Data.Sqlite;

namespace NewsSite.Data;

/// <summary>The SQLite adapter: everything SQLite-specific lives here, so the rest stays provider-neutral.</summary>
public static class SqliteStore
{
    public const string DefaultConnectionString = "Data Source=App_Data/news.db";

    /// <summary>How long a command waits for another writer's lock (Microsoft.Data.Sqlite retries SQLITE_BUSY until then).</summary>
    public const int BusyTimeoutSeconds = 30;

    /// <summary>Registers the context on SQLite (<c>News:Database</c> = <c>Sqlite</c>, the default).</summary>
    public static void AddSqliteStore(this IServiceCollection services)
    {
        // Read when first used, so configuration from every source (tests included) is in place.
        services.AddDbContextPool<NewsDbContext>((provider, options) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var contentRoot = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var time = provider.GetRequiredService<TimeProvider>();
            // A list of ids travels as one JSON parameter: the statement stays the same for any count, so EF reuses its SQL
            // (expanded into one parameter per id, EF regenerated the related-stories SQL on every uncached article).
            options.UseSqlite(Resolve(configuration.GetConnectionString("News") ?? DefaultConnectionString, contentRoot),
                    sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .WithInterceptors(provider, db => new SqliteSearchIndex(db, time));
        });
        // Search: FTS5 over normalized words, kept in step by the interceptor above.
        services.AddScoped<ISearchIndex, SqliteSearchIndex>();
    }

    /// <summary>Creates the database, applies migrations and turns on write-ahead logging.</summary>
    public static async Task MigrateAsync(NewsDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets readers go on while the view flush or an editor writes; it persists in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await new SqliteSearchIndex(db, TimeProvider.System).FillIfEmptyAsync(cancellationToken);
    }

    /// <summary>SQLite's online backup: a consistent copy while the site keeps running.</summary>
    public static async Task BackupAsync(NewsDbContext db, string targetFile, CancellationToken cancellationToken)
    {
        var source = (SqliteConnection)db.Database.GetDbConnection();
        await source.OpenAsync(cancellationToken);
        await using var target = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = targetFile, Pooling = false }.ToString());
        await target.OpenAsync(cancellationToken);
        source.BackupDatabase(target);
    }

    // A relative file is relative to the app's content root, and its folder is created on first start; writers wait for each other.
    private static string Resolve(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        // WAL allows one writer at a time: the view flush, the scheduler and an editor wait their turn instead of failing "database is locked".
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = BusyTimeoutSeconds;
        }
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(file, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        return builder.ToString();
    }
}

/// <summary>
/// For <c>dotnet ef migrations add X --context NewsDbContext</c>: the SQLite model, named outright so the tools do
/// not take the PostgreSQL factory (its context derives from this one) for it.
/// </summary>
public sealed class SqliteNewsDbContextDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<NewsDbContext>
{
    public NewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NewsDbContext>().UseSqlite(SqliteStore.DefaultConnectionString).Options);
}
