using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace NewsSite.Data;

/// <summary>The one database: content, readership counts and the newsroom's accounts (Identity).</summary>
public class NewsDbContext(DbContextOptions<NewsDbContext> options) : IdentityDbContext<StaffUser>(options)
{
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
