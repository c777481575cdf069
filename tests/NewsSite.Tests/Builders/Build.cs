using NewsSite.Content;
using NewsSite.Domain;

namespace NewsSite.Tests.Builders;

/// <summary>Small builders for test data; every slug is unique so tests sharing a database don't collide.</summary>
public static class Build
{
    private static readonly MarkdownRenderer Markdown = new();

    public static string Unique() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>Now to the microsecond, the precision both stores keep (PostgreSQL's timestamps), so a time read back equals the one written.</summary>
    public static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return now.AddTicks(-(now.Ticks % 10));
    }

    public static Section Section(string name = "محليات") => new() { Name = name, Slug = "section-" + Unique() };

    public static Author Author(string name = "سارة الخالد") => new() { Name = name, Slug = "author-" + Unique(), Bio = "كاتبة في الشؤون المحلية." };

    public static Tag Tag(string name = "الطاقة") => new() { Name = name, Slug = "tag-" + Unique() };

    public static Article Article(
        Section? section = null, Author? author = null, string title = "البلدية تفتتح حديقة جديدة",
        string markdown = "فقرة أولى.\n\n## تفاصيل الافتتاح\n\nفقرة ثانية.", string summary = "ملخص الخبر.")
    {
        var now = Now();
        var article = new Article
        {
            Title = title,
            Slug = Slug.From(title),
            Summary = summary,
            Section = section ?? Section(),
            Author = author ?? Author(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        article.SetBody(markdown, Markdown.Render(markdown));
        return article;
    }

    public static Article Published(this Article article, DateTime? at = null)
    {
        article.Publish(at ?? Now().AddMinutes(-5));
        return article;
    }

    /// <summary>Saves the article <paramref name="times"/> more times, so its version is that much higher.</summary>
    public static Article Saved(this Article article, int times)
    {
        for (var i = 0; i < times; i++)
        {
            article.MarkSaved(Now());
        }
        return article;
    }

    /// <summary>A revision of a stored article, as a save at <paramref name="version"/> would have left it.</summary>
    public static ArticleRevision Revision(
        Article article, int version, string title, string markdown, string summary = "ملخص الخبر.",
        DateTime? savedAt = null, string by = "سارة الخالد", ArticleStatus status = ArticleStatus.Draft) => new()
    {
        ArticleId = article.Id,
        Version = version,
        Title = title,
        Summary = summary,
        BodyMarkdown = markdown,
        Status = status,
        SavedAt = savedAt ?? Now().AddHours(version - 10),
        SavedByName = by,
    };

    public static Sponsor Sponsor(
        string name, SponsorPlacement placement = SponsorPlacement.Header, int priority = 1,
        DateTime? startsAt = null, DateTime? endsAt = null, bool active = true) => new()
    {
        Name = name,
        LogoPath = "/img/logo.svg",
        TargetUrl = "https://example.com/" + Unique(),
        Placement = placement,
        Priority = priority,
        StartsAt = startsAt,
        EndsAt = endsAt,
        IsActive = active,
    };

    public static Subscriber Subscriber(string? email = null, DateTime? createdAt = null, DateTime? confirmedAt = null) => new()
    {
        Email = email ?? $"reader-{Unique()}@example.com",
        CreatedAt = createdAt ?? Now(),
        ConfirmedAt = confirmedAt,
    };

    /// <summary>A real 1×1 PNG, as a logo upload.</summary>
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
