using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsSite.Data.Configurations;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(a => a.Bio).HasMaxLength(2000);
        builder.HasIndex(a => a.Slug).IsUnique();
    }
}
