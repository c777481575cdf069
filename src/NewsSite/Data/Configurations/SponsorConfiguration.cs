using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsSite.Data.Configurations;

internal sealed class SponsorConfiguration : IEntityTypeConfiguration<Sponsor>
{
    public void Configure(EntityTypeBuilder<Sponsor> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.LogoPath).HasMaxLength(500);
        builder.Property(s => s.TargetUrl).HasMaxLength(2000);
        builder.HasIndex(s => new { s.Placement, s.IsActive, s.Priority });
    }
}
