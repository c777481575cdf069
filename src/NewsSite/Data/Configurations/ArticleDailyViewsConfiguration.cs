using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsSite.Data.Configurations;

internal sealed class ArticleDailyViewsConfiguration : IEntityTypeConfiguration<ArticleDailyViews>
{
    public void Configure(EntityTypeBuilder<ArticleDailyViews> builder)
    {
        builder.HasKey(v => new { v.ArticleId, v.Day });
        builder.HasOne<Article>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // "Most read" sums a recent window of days.
        builder.HasIndex(v => new { v.Day, v.ArticleId, v.Views });
    }
}
