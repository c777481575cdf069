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
            return WithDefaults(connectionString);
        }
        throw new InvalidOperationException(
            "News:Database is Postgres: set ConnectionStrings:News to a PostgreSQL connection string, e.g. Host=127.0.0.1;Database=news;Username=news;Password=…");
    }

    /// <summary>
    /// What the site's own use of PostgreSQL allows, each unless the connection string says otherwise:
    /// <list type="bullet">
    /// <item>Max Auto Prepare 100: EF sends the same few statements again and again; unprepared, PostgreSQL parses and
    /// plans each one anew (uncached article: ~830 -> ~1,010 req/s). Npgsql prepares a statement on a connection once it
    /// has run there 5 times. An operator behind a pooler that cannot keep prepared statements sets 0.</item>
    /// <item>No Reset On Close: a connection back in the pool is otherwise reset (seven statements, sent before its next
    /// one), and a page borrows one per query. The site sets no session state to reset: no SET, temporary table, LISTEN
    /// or advisory lock; a transaction left open is still rolled back. Uncached article: ~1,020 -> ~1,210 req/s.</item>
    /// </list>
    /// </summary>
    internal static string WithDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 100;
        }
        if (!Sets("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;

        bool Sets(string keyword) => given.Keys.Cast<string>()
            .Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals(keyword, StringComparison.OrdinalIgnoreCase));
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
