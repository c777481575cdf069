using Microsoft.EntityFrameworkCore.Design;

namespace NewsSite.Data;

/// <summary>The same model on PostgreSQL: a type of its own, because EF keys migrations by context type (Migrations/Postgres).</summary>
public sealed class PostgresNewsDbContext(DbContextOptions<PostgresNewsDbContext> options) : NewsDbContext(options);

/// <summary>
/// For <c>dotnet ef migrations add X --context PostgresNewsDbContext --output-dir Data/Migrations/Postgres</c>:
/// the model needs the provider but no server, whatever <c>News:Database</c> the app is configured with.
/// </summary>
public sealed class PostgresNewsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresNewsDbContext>
{
    public PostgresNewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresNewsDbContext>().UseNpgsql("Host=localhost").Options);
}
