using Npgsql;

namespace NewsSite.Data;

/// <summary>The PostgreSQL adapter (<c>News:Database</c> = <c>Postgres</c>): the server's connection string in <c>ConnectionStrings:News</c>.</summary>
public static class PostgresStore
{
    public static void AddPostgresStore(this IServiceCollection services)
    {
        // Read when first used, as the SQLite store does, so configuration from every source is in place.
        services.AddDbContextPool<NewsDbContext, PostgresNewsDbContext>((provider, options) =>
        {
            var time = provider.GetRequiredService<TimeProvider>();
            // A list of ids travels as one array parameter (= ANY), as on SQLite: one statement for any count, its SQL reused.
            options.UseNpgsql(ConnectionString(provider.GetRequiredService<IConfiguration>()),
                    npgsql => npgsql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .WithInterceptors(provider, db => new PostgresSearchIndex(db, time));
        });
        // Search: a tsvector of the normalized words with a GIN index, kept in step by the interceptor above.
        services.AddScoped<ISearchIndex, PostgresSearchIndex>();
    }

    public static async Task MigrateAsync(NewsDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await new PostgresSearchIndex(db, TimeProvider.System).FillIfEmptyAsync(cancellationToken);
    }

    /// <summary>Backups of a server database are the server's tools' job; the command says which, in both languages.</summary>
    public const string BackupAdvice = """
        النسخ الاحتياطي لقاعدة PostgreSQL يتم بأداة pg_dump (والاسترجاع بأداة pg_restore)، لا بهذا الأمر.
        PostgreSQL databases are backed up with pg_dump, e.g. `pg_dump --format=custom --file news.dump DBNAME`, and restored with pg_restore.
        """;

    // The appsettings default names a SQLite file; say what is wrong instead of failing on a keyword deep in Npgsql.
    private static string ConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("News") ?? "";
        if (IsPostgres(connectionString))
        {
            return connectionString;
        }
        throw new InvalidOperationException(
            "News:Database is Postgres: set ConnectionStrings:News to a PostgreSQL connection string, e.g. Host=127.0.0.1;Database=news;Username=news;Password=…");
    }

    private static bool IsPostgres(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Host is { Length: > 0 };
        }
        catch (ArgumentException)
        {
            return false; // a keyword Npgsql does not know, such as SQLite's Data Source
        }
    }
}
