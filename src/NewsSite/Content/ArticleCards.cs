using System.Linq.Expressions;

namespace NewsSite.Content;

/// <summary>What a list of stories shows of each one.</summary>
public sealed record ArticleCard(
    int Id, string Title, string Slug, string Summary, string SectionName, string SectionSlug,
    DateTime PublishedAt, string? HeroImagePath, string? HeroImageAlt, bool IsUrgent,
    int? HeroImageWidth = null, int? HeroImageHeight = null)
{
    public string Url => ArticleLinks.PathOf(Id, Slug);

    /// <summary>Search results only: the matched words in context, already HTML-encoded with &lt;mark&gt; around them.</summary>
    public Microsoft.AspNetCore.Html.HtmlString? Snippet { get; init; }
}

public sealed record PagedCards(IReadOnlyList<ArticleCard> Items, int Page, int TotalPages, int TotalCount);

/// <summary>The reader queries that several pages share: what is live, and how it becomes a card.</summary>
public static class ArticleCards
{
    public static readonly Expression<Func<Article, ArticleCard>> ToCard = a => new ArticleCard(
        a.Id, a.Title, a.Slug, a.Summary, a.Section.Name, a.Section.Slug,
        a.PublishedAt!.Value, a.HeroImagePath, a.HeroImageAlt, a.IsUrgent, a.HeroImageWidth, a.HeroImageHeight);

    /// <summary>Published and due: what a reader may see at <paramref name="now"/>.</summary>
    public static IQueryable<Article> Live(this IQueryable<Article> articles, DateTime now) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now);

    /// <summary>Newest first, the id breaking ties, as the listing indexes are ordered (compiled queries spell it out).</summary>
    public static IOrderedQueryable<Article> Newest(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);
}

public static class ArticleLinks
{
    public static string PathOf(int id, string slug) => $"/news/{id}/{Uri.EscapeDataString(slug)}";
}

/// <summary>What the shared pager partial needs: where we are, how far it goes, and the address of page N.</summary>
public sealed record PageLinks(int Page, int TotalPages, Func<int, string> PathOf);

public static class Paging
{
    public const int MaxPage = 100_000;

    /// <summary>Reads <c>?page=N</c>: absent means 1; anything but a whole number from 1 up is not a page.</summary>
    public static bool TryRead(HttpRequest request, out int page)
    {
        var raw = request.Query["page"];
        if (raw.Count == 0)
        {
            page = 1;
            return true;
        }
        return int.TryParse(raw.ToString(), System.Globalization.NumberStyles.None,
                   System.Globalization.CultureInfo.InvariantCulture, out page)
               && page is >= 1 and <= MaxPage;
    }
}
