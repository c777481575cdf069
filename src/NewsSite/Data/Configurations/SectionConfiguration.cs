using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsSite.Data.Configurations;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Slug).HasMaxLength(Slug.MaxLength);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.HasIndex(s => s.SortOrder);
    }
}
