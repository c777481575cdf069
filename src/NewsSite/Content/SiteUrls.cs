namespace NewsSite.Content;

/// <summary>
/// Absolute addresses for canonical links, social cards, feeds and sitemaps, taken from the request's scheme and
/// host. Behind a proxy these are the proxy-facing values only once forwarded headers are trusted (a later step).
/// </summary>
public static class SiteUrls
{
    /// <summary><paramref name="pathOrUrl"/> as an absolute http(s) URL; one that is already absolute is kept.</summary>
    public static string Absolute(this HttpRequest request, string pathOrUrl)
    {
        // "/news/1" parses as an absolute file: URI on Unix, so only http(s) counts as already absolute.
        if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return pathOrUrl;
        }
        return $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}{pathOrUrl}";
    }

    /// <summary>The site's logo: the uploaded one, else the bundled mark.</summary>
    public static string LogoPath(Domain.SiteSettings settings) => settings.LogoPath ?? "/img/logo.svg";
}
