using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsSite.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(a => a.Summary).HasMaxLength(1000);
        builder.Property(a => a.HeroImagePath).HasMaxLength(500);
        builder.Property(a => a.HeroImageAlt).HasMaxLength(500);
        builder.Property(a => a.HeroImageCaption).HasMaxLength(500);

        builder.Property(a => a.Version).IsConcurrencyToken();

        builder.HasOne(a => a.Section).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Author).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity("ArticleTags");

        // Reader queries: the latest published (home, feeds), and the latest per section or author. The id ends each
        // index because it breaks ties in every listing's order: with it, a deep page's ids are one index range read
        // backwards (PostgreSQL: index-only), without it PostgreSQL sorts the whole section.
        builder.HasIndex(a => new { a.Status, a.PublishedAt, a.Id });
        builder.HasIndex(a => new { a.SectionId, a.Status, a.PublishedAt, a.Id });
        builder.HasIndex(a => new { a.AuthorId, a.Status, a.PublishedAt, a.Id });
        // The newsroom's list: newest edits first, by status.
        builder.HasIndex(a => new { a.Status, a.UpdatedAt });
    }
}
