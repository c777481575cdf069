using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace NewsSite.Data;

/// <summary>
/// The one database: content, readership counts and the newsroom's accounts (Identity). This type is the SQLite
/// store (its migrations in Migrations/); <see cref="PostgresNewsDbContext"/> is the same model on PostgreSQL.
/// </summary>
public class NewsDbContext : IdentityDbContext<StaffUser>
{
    public NewsDbContext(DbContextOptions<NewsDbContext> options) : base(options)
    {
    }

    /// <summary>For a provider's own context type, which EF keys its migrations by.</summary>
    protected NewsDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Sponsor> Sponsors => Set<Sponsor>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<ArticleDailyViews> ArticleDailyViews => Set<ArticleDailyViews>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<SponsorDailyStats> SponsorDailyStats => Set<SponsorDailyStats>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly);
    }
}
