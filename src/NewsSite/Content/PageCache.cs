using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace NewsSite.Content;

/// <summary>Endpoint metadata of a reader page: its layout shows the sponsor blocks, and the article page also counts a view.</summary>
public sealed record ReaderPage(bool CountsArticleView = false)
{
    /// <summary>The story this request is for: the route's id on the article page, else none.</summary>
    public int? ArticleIdOf(HttpContext context) =>
        CountsArticleView && int.TryParse(context.GetRouteValue("id") as string, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}

/// <summary>
/// The full-page cache of what anonymous readers GET. The tags are kept few on purpose: every entry is
/// <see cref="Public"/>; an article page is also <c>article:{id}</c>; every other page (home, listings, search,
/// feeds, sitemaps) is <see cref="Articles"/>, so an article change evicts its own page and every list at once.
/// </summary>
public sealed class PageCache : IOutputCachePolicy
{
    public const string Public = "public";
    public const string Articles = "articles";

    /// <summary>The staff sign-in cookie: its holder sees drafts and edit links, so never a shared page.</summary>
    public const string StaffCookie = "news.staff";

    public static readonly PageCache Policy = new();

    private static readonly Microsoft.Extensions.Primitives.StringValues VaryByQuery = new(["page", "q"]);
    private static readonly Microsoft.Extensions.Primitives.StringValues VaryByHeader = new(HeaderNames.AcceptEncoding);

    private PageCache()
    {
    }

    public static string ArticleTag(int id) => $"article:{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<NewsOptions>>().Value;
        var request = http.Request;
        var shared = options.OutputCache
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Cookies.ContainsKey(StaffCookie)
            && !request.Headers.ContainsKey(HeaderNames.Authorization);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = shared;
        context.AllowCacheStorage = shared;
        // Concurrent misses of one page wait for a single rendering; without the cache nothing may wait.
        context.AllowLocking = shared;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(options.OutputCacheSeconds);
        // The path is in the key already; of the query only these change a page, and cookies never do.
        context.CacheVaryByRules.QueryKeys = VaryByQuery;
        // The cache holds compressed bytes, one entry per encoding the client accepts.
        context.CacheVaryByRules.HeaderNames = VaryByHeader;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        // A response that sets a cookie belongs to one visitor; only complete pages are shared.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
        // Tags matter only to an entry being stored, so a hit does not work them out.
        context.Tags.Add(Public);
        context.Tags.Add(http.GetEndpoint()?.Metadata.GetMetadata<ReaderPage>()?.ArticleIdOf(http) is { } articleId ? ArticleTag(articleId) : Articles);
        return ValueTask.CompletedTask;
    }
}

/// <summary>ETags for cached pages.</summary>
public static class PageCacheETags
{
    /// <summary>
    /// Gives every rendered cacheable page a fresh ETag, stored with the entry: every hit of it carries the same one,
    /// so a browser's revalidation gets a 304 until the page is purged or expires, without hashing the body.
    /// </summary>
    public static IApplicationBuilder UsePageCacheETags(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set before the page runs, so the cache stores it with the entry (a 404 or an error page is not stored anyway).
        if (context.GetEndpoint()?.Metadata.GetMetadata<PageCache>() is not null)
        {
            context.Response.Headers.ETag = $"\"{Guid.NewGuid():N}\"";
        }
        return next(context);
    });
}
