using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;


namespace NewsSite.Discovery;

/// <summary>RSS 2.0 of the newest live stories, for the whole site and per section.</summary>
public static class Feeds
{
    public const int ItemCount = 50;
    public const string ContentType = "application/rss+xml; charset=utf-8";

    public static Task<IResult> SiteAsync(
        HttpRequest request, NewsDbContext db, SiteClock clock, SiteSettingsStore settings, CancellationToken ct)
    {
        var site = settings.Current.Settings;
        return WriteAsync(request, db.Articles, site.SiteName, site.Tagline, "/", clock, ct);
    }

    public static async Task<IResult> SectionAsync(
        string slug, HttpRequest request, NewsDbContext db, SiteClock clock, SiteSettingsStore settings, CancellationToken ct)
    {
        var section = await db.Sections.AsNoTracking().Where(s => s.Slug == slug)
            .Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
        if (section is null)
        {
            return Results.NotFound();
        }
        var site = settings.Current.Settings;
        return await WriteAsync(request, db.Articles.Where(a => a.SectionId == section.Id),
            $"{section.Name} | {site.SiteName}", $"آخر أخبار {section.Name} من {site.SiteName}",
            $"/section/{Uri.EscapeDataString(slug)}", clock, ct);
    }

    private static async Task<IResult> WriteAsync(
        HttpRequest request, IQueryable<Domain.Article> articles, string title, string description, string path,
        SiteClock clock, CancellationToken ct)
    {
        var newest = await articles.AsNoTracking().Live(clock.UtcNow).Newest()
            .Take(ItemCount)
            .Select(a => new { a.Id, a.Slug, a.Title, a.Summary, PublishedAt = a.PublishedAt!.Value, a.UpdatedAt, Section = a.Section.Name })
            .ToListAsync(ct);

        var items = newest.Select(a =>
        {
            var url = request.Absolute(ArticleLinks.PathOf(a.Id, a.Slug));
            var item = new SyndicationItem(a.Title, a.Summary, new Uri(url), url, Utc(a.UpdatedAt))
            {
                PublishDate = Utc(a.PublishedAt),
            };
            item.Categories.Add(new SyndicationCategory(a.Section));
            return item;
        }).ToList();
        var feed = new SyndicationFeed(title, description, new Uri(request.Absolute(path)), items)
        {
            Language = "ar",
            LastUpdatedTime = newest.Count > 0 ? Utc(newest.Max(a => a.UpdatedAt)) : Utc(clock.UtcNow),
        };

        // Fifty items are small: formatted in memory, because the formatter writes synchronously and
        // Kestrel refuses synchronous writes to the response.
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            // Plain RSS 2.0: lastBuildDate instead of Atom extension elements.
            new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer);
        }
        return Results.Bytes(buffer.ToArray(), ContentType);
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
