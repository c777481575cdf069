using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsSite.Data.Configurations;

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> builder)
    {
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.HasIndex(s => s.Email).IsUnique();
    }
}
