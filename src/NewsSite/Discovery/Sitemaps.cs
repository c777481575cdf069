using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;


namespace NewsSite.Discovery;

/// <summary>
/// The sitemap index, its files and the Google News sitemap. Files are written to the response as rows arrive
/// (async XmlWriter over an ordered AsAsyncEnumerable query), so an archive of any size is never held in memory.
/// </summary>
public static class Sitemaps
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";
    public const int NewsMaxItems = 1000;
    public static readonly TimeSpan NewsWindow = TimeSpan.FromHours(48);

    private const string ContentType = "application/xml; charset=utf-8";

    /// <summary>
    /// One file for home, sections, tags and authors, then one per block of article ids: file n holds the live
    /// stories with ids in ((n-1)·limit, n·limit], so no file can pass the limit and each is an index range of the key.
    /// </summary>
    public static async Task<IResult> IndexAsync(
        HttpRequest request, NewsDbContext db, SiteClock clock, IOptions<NewsOptions> options, CancellationToken ct)
    {
        var perFile = options.Value.SitemapUrlsPerFile;
        var files = await db.Articles.AsNoTracking().Live(clock.UtcNow)
            .GroupBy(a => (a.Id - 1) / perFile)
            .Select(g => new { Block = g.Key, LastModified = g.Max(a => a.UpdatedAt) })
            .OrderBy(f => f.Block)
            .ToListAsync(ct);
        return Xml(async writer =>
        {
            await writer.WriteStartElementAsync(null, "sitemapindex", Namespace);
            await WriteEntryAsync(writer, "sitemap", request.Absolute("/sitemaps/pages.xml"), null);
            foreach (var file in files)
            {
                var path = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/sitemaps/articles-{file.Block + 1}.xml");
                await WriteEntryAsync(writer, "sitemap", request.Absolute(path), clock.Iso(file.LastModified));
            }
            await writer.WriteEndElementAsync();
        });
    }

    /// <summary>Home, every section, and the tags and authors that have live stories; bounded by the per-file limit.</summary>
    public static IResult PagesAsync(
        HttpRequest request, NewsDbContext db, SiteClock clock, IOptions<NewsOptions> options, CancellationToken ct)
    {
        var perFile = options.Value.SitemapUrlsPerFile;
        var live = db.Articles.Live(clock.UtcNow);
        return Xml(async writer =>
        {
            await writer.WriteStartElementAsync(null, "urlset", Namespace);
            await WriteEntryAsync(writer, "url", request.Absolute("/"), null);
            var written = 1;
            var listings = new (string Prefix, IAsyncEnumerable<string> Slugs)[]
            {
                ("/section/", db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => s.Slug).AsAsyncEnumerable()),
                ("/tag/", db.Tags.AsNoTracking().Where(t => t.Articles.AsQueryable().Any(a => live.Contains(a)))
                    .OrderBy(t => t.Id).Select(t => t.Slug).AsAsyncEnumerable()),
                ("/author/", db.Authors.AsNoTracking().Where(au => live.Any(a => a.AuthorId == au.Id))
                    .OrderBy(au => au.Id).Select(au => au.Slug).AsAsyncEnumerable()),
            };
            foreach (var (prefix, slugs) in listings)
            {
                await foreach (var slug in slugs.WithCancellation(ct))
                {
                    if (written++ == perFile)
                    {
                        break;
                    }
                    await WriteEntryAsync(writer, "url", request.Absolute(prefix + Uri.EscapeDataString(slug)), null);
                }
            }
            await writer.WriteEndElementAsync();
        });
    }

    public static async Task<IResult> ArticlesAsync(
        int file, HttpRequest request, NewsDbContext db, SiteClock clock, IOptions<NewsOptions> options, CancellationToken ct)
    {
        var perFile = options.Value.SitemapUrlsPerFile;
        if (file < 1 || file > int.MaxValue / perFile)
        {
            return Results.NotFound();
        }
        var (first, last) = ((file - 1) * perFile + 1, file * perFile);
        var block = db.Articles.AsNoTracking().Live(clock.UtcNow).Where(a => a.Id >= first && a.Id <= last);
        if (!await block.AnyAsync(ct))
        {
            return Results.NotFound();
        }
        return Xml(async writer =>
        {
            await writer.WriteStartElementAsync(null, "urlset", Namespace);
            var rows = block.OrderBy(a => a.Id).Select(a => new { a.Id, a.Slug, a.UpdatedAt }).AsAsyncEnumerable();
            await foreach (var a in rows.WithCancellation(ct))
            {
                await WriteEntryAsync(writer, "url", request.Absolute(ArticleLinks.PathOf(a.Id, a.Slug)), clock.Iso(a.UpdatedAt));
            }
            await writer.WriteEndElementAsync();
        });
    }

    /// <summary>Google News: the live stories of the last 48 hours, newest first, at most 1,000.</summary>
    public static IResult NewsAsync(
        HttpRequest request, NewsDbContext db, SiteClock clock, SiteSettingsStore settings, CancellationToken ct)
    {
        var siteName = settings.Current.Settings.SiteName;
        var since = clock.UtcNow - NewsWindow;
        var rows = db.Articles.AsNoTracking().Live(clock.UtcNow)
            .Where(a => a.PublishedAt >= since)
            .Newest()
            .Take(NewsMaxItems)
            .Select(a => new { a.Id, a.Slug, a.Title, PublishedAt = a.PublishedAt!.Value })
            .AsAsyncEnumerable();
        return Xml(async writer =>
        {
            await writer.WriteStartElementAsync(null, "urlset", Namespace);
            await writer.WriteAttributeStringAsync("xmlns", "news", null, NewsNamespace);
            await foreach (var a in rows.WithCancellation(ct))
            {
                await writer.WriteStartElementAsync(null, "url", Namespace);
                await writer.WriteElementStringAsync(null, "loc", Namespace, request.Absolute(ArticleLinks.PathOf(a.Id, a.Slug)));
                await writer.WriteStartElementAsync("news", "news", NewsNamespace);
                await writer.WriteStartElementAsync("news", "publication", NewsNamespace);
                await writer.WriteElementStringAsync("news", "name", NewsNamespace, siteName);
                await writer.WriteElementStringAsync("news", "language", NewsNamespace, "ar");
                await writer.WriteEndElementAsync();
                await writer.WriteElementStringAsync("news", "publication_date", NewsNamespace, clock.Iso(a.PublishedAt));
                await writer.WriteElementStringAsync("news", "title", NewsNamespace, a.Title);
                await writer.WriteEndElementAsync();
                await writer.WriteEndElementAsync();
            }
            await writer.WriteEndElementAsync();
        });
    }

    /// <summary>A url (or sitemap) entry: its absolute loc and, when known, lastmod.</summary>
    private static async Task WriteEntryAsync(XmlWriter writer, string element, string loc, string? lastModified)
    {
        await writer.WriteStartElementAsync(null, element, Namespace);
        await writer.WriteElementStringAsync(null, "loc", Namespace, loc);
        if (lastModified is not null)
        {
            await writer.WriteElementStringAsync(null, "lastmod", Namespace, lastModified);
        }
        await writer.WriteEndElementAsync();
    }

    /// <summary>Streams the document to the response body as it is written.</summary>
    private static IResult Xml(Func<XmlWriter, Task> write) => Results.Stream(async body =>
    {
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) };
        await using var writer = XmlWriter.Create(body, settings);
        await writer.WriteStartDocumentAsync();
        await write(writer);
        await writer.WriteEndDocumentAsync();
        await writer.FlushAsync();
    }, ContentType);
}
