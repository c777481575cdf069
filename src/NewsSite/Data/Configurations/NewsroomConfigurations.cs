using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsSite.Data.Configurations;

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.Summary).HasMaxLength(1000);
        builder.Property(r => r.SavedByName).HasMaxLength(200);
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ArticleId, r.Version });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(50);
        builder.Property(e => e.Subject).HasMaxLength(50);
        builder.Property(e => e.SubjectId).HasMaxLength(100);
        builder.Property(e => e.Details).HasMaxLength(2000);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Subject, e.SubjectId });
        builder.HasIndex(e => new { e.UserId, e.At });
    }
}

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SiteName).HasMaxLength(100);
        builder.Property(s => s.Tagline).HasMaxLength(200);
        builder.Property(s => s.LogoPath).HasMaxLength(500);
        builder.Property(s => s.TimeZone).HasMaxLength(100);
        builder.Property(s => s.CopyrightHolder).HasMaxLength(200);
        builder.Property(s => s.CreditText).HasMaxLength(200);
        builder.Property(s => s.CreditUrl).HasMaxLength(500);
        foreach (var link in new[] { nameof(SiteSettings.FacebookUrl), nameof(SiteSettings.XUrl), nameof(SiteSettings.InstagramUrl),
                     nameof(SiteSettings.YouTubeUrl), nameof(SiteSettings.TelegramUrl), nameof(SiteSettings.WhatsAppUrl) })
        {
            builder.Property(link).HasMaxLength(500);
        }
    }
}

internal sealed class SponsorDailyStatsConfiguration : IEntityTypeConfiguration<SponsorDailyStats>
{
    public void Configure(EntityTypeBuilder<SponsorDailyStats> builder)
    {
        builder.HasKey(s => new { s.SponsorId, s.Day });
        builder.HasOne<Sponsor>().WithMany().HasForeignKey(s => s.SponsorId).OnDelete(DeleteBehavior.Cascade);
    }
}
