using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace NewsSite.Content;

/// <summary>
/// schema.org JSON-LD for an article page, serialized by System.Text.Json and never concatenated. Its encoder keeps
/// Arabic as characters but always escapes &lt; &gt; &amp;, so "&lt;/script&gt;" in a title cannot end the script element.
/// </summary>
public static class StructuredData
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Everything the NewsArticle and BreadcrumbList need, with absolute URLs and ISO 8601 dates.</summary>
    public sealed record ArticleInput(
        string Url, string Headline, string Description, string? ImageUrl,
        string DatePublished, string DateModified,
        string AuthorName, string AuthorUrl,
        string SiteName, string HomeUrl, string LogoUrl,
        string SectionName, string SectionUrl);

    public static string NewsArticle(ArticleInput a)
    {
        var article = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = a.Url },
            ["headline"] = a.Headline,
            ["description"] = a.Description,
            ["datePublished"] = a.DatePublished,
            ["dateModified"] = a.DateModified,
            ["inLanguage"] = "ar",
            ["articleSection"] = a.SectionName,
            ["author"] = new JsonObject { ["@type"] = "Person", ["name"] = a.AuthorName, ["url"] = a.AuthorUrl },
            ["publisher"] = new JsonObject
            {
                ["@type"] = "Organization",
                ["name"] = a.SiteName,
                ["url"] = a.HomeUrl,
                ["logo"] = new JsonObject { ["@type"] = "ImageObject", ["url"] = a.LogoUrl },
            },
        };
        if (a.ImageUrl is not null)
        {
            article["image"] = new JsonArray(a.ImageUrl);
        }
        return article.ToJsonString(Options);
    }

    public static string Breadcrumbs(ArticleInput a) => new JsonObject
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = new JsonArray(
            Crumb(1, a.SiteName, a.HomeUrl),
            Crumb(2, a.SectionName, a.SectionUrl),
            Crumb(3, a.Headline, a.Url)),
    }.ToJsonString(Options);

    private static JsonObject Crumb(int position, string name, string url) => new()
    {
        ["@type"] = "ListItem",
        ["position"] = position,
        ["name"] = name,
        ["item"] = url,
    };
}
