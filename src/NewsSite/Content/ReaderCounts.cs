namespace NewsSite.Content;

/// <summary>
/// Counts article views and sponsor impressions for every reader page a person gets, before the page cache, so a
/// page served from the cache counts exactly like a rendered one. Robots, prefetches and redirects do not count; a 304 does.
/// </summary>
public static class ReaderCounts
{
    public static IApplicationBuilder UseReaderCounts(this IApplicationBuilder app)
    {
        var counter = app.ApplicationServices.GetRequiredService<DailyCounter>();
        var sponsors = app.ApplicationServices.GetRequiredService<ActiveSponsors>();
        return app.Use(async (context, next) =>
        {
            await next(context);
            if (context.GetEndpoint()?.Metadata.GetMetadata<ReaderPage>() is not { } page || !Readers.IsPerson(context.Request))
            {
                return;
            }
            var status = context.Response.StatusCode;
            // A 304 is the browser showing the page it revalidated: a view like any other.
            var revalidated = status == StatusCodes.Status304NotModified;
            if ((status == StatusCodes.Status200OK || revalidated) && page.ArticleIdOf(context) is { } articleId)
            {
                counter.Record(CountKind.ArticleView, articleId);
            }
            // Every HTML page with the layout shows the sponsor blocks (a 404 page too, a redirect not).
            if (revalidated || (status is < 300 or >= 400 && context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true))
            {
                foreach (var sponsor in await sponsors.GetAsync(context.RequestAborted))
                {
                    counter.Record(CountKind.SponsorImpression, sponsor.Id);
                }
            }
        });
    }
}
