using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;

namespace NewsSite.Data;

public class NewsDbContext(DbContextOptions<NewsDbContext> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Sponsor> Sponsors => Set<Sponsor>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<ArticleDailyViews> ArticleDailyViews => Set<ArticleDailyViews>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly);
}
