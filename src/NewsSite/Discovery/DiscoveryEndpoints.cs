namespace NewsSite.Discovery;

/// <summary>
/// Feeds, sitemaps and robots.txt: answers for feed readers and crawlers, in XML and plain text rather than
/// Razor pages, so they live together as endpoints.
/// </summary>
public static class DiscoveryEndpoints
{
    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder app)
    {
        // Feeds and sitemaps list articles: shared from the page cache, purged with the lists.
        app.MapGet("/feed.xml", Feeds.SiteAsync).WithMetadata(PageCache.Policy);
        app.MapGet("/section/{slug}/feed.xml", Feeds.SectionAsync).WithMetadata(PageCache.Policy);
        app.MapGet("/sitemap.xml", Sitemaps.IndexAsync).WithMetadata(PageCache.Policy);
        app.MapGet("/sitemaps/pages.xml", Sitemaps.PagesAsync).WithMetadata(PageCache.Policy);
        app.MapGet("/sitemaps/articles-{file:int}.xml", Sitemaps.ArticlesAsync).WithMetadata(PageCache.Policy);
        app.MapGet("/sitemap-news.xml", Sitemaps.NewsAsync).WithMetadata(PageCache.Policy);
        app.MapGet("/robots.txt", Robots);
        return app;
    }

    /// <summary>Crawlers stay out of the newsroom and the sponsor click counter; both sitemaps by absolute URL.</summary>
    private static IResult Robots(HttpRequest request) => Results.Text(
        $"""
        User-agent: *
        Disallow: /admin
        Disallow: /go/

        Sitemap: {request.Absolute("/sitemap.xml")}
        Sitemap: {request.Absolute("/sitemap-news.xml")}

        """,
        "text/plain; charset=utf-8");
}
