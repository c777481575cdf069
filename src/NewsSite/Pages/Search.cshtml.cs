using Microsoft.Extensions.Options;

namespace NewsSite.Pages;

/// <summary>Full-text search that folds Arabic spelling variants; results as the shared listing, each with its highlighted snippet.</summary>
public sealed class SearchModel(NewsDbContext db, SiteClock clock, IOptions<NewsOptions> options, ListingCounts counts, ISearchIndex index)
    : ListingModel(db, clock, options, counts)
{
    public const int MaxQueryLength = SearchTerms.MaxQueryLength;

    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken ct)
    {
        if (!Paging.TryRead(Request, out var page))
        {
            return NotFound();
        }
        var query = SearchTerms.Cap(q);
        SearchQuery = query;
        var found = query.Length == 0 ? new SearchPage([], 0) : await index.SearchAsync(query, page, PageSize, ct);
        var totalPages = Math.Max(1, (int)Math.Ceiling(found.Total / (double)PageSize));
        if (page > totalPages)
        {
            return NotFound();
        }

        var ids = found.Hits.Select(h => h.ArticleId).ToList();
        // By id alone: the index decided what is live from Articles in this request already, and with the live filter
        // beside the id list SQLite walks the (Status, PublishedAt) index over the whole archive (20 ms at 100,000
        // stories) instead of looking the page's ids up.
        var cards = await Db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(ArticleCards.ToCard).ToDictionaryAsync(c => c.Id, ct);
        // Relevance first, the newer story among equals, each card carrying its encoded, highlighted snippet.
        var items = found.Hits.Where(h => cards.ContainsKey(h.ArticleId))
            .OrderBy(h => h.Score).ThenByDescending(h => cards[h.ArticleId].PublishedAt)
            .Select(h => cards[h.ArticleId] with { Snippet = SearchSnippet.ToHtml(h.Snippet) })
            .ToList();
        var heading = query.Length == 0 ? "البحث" : $"نتائج البحث عن «{query}»";
        return Show(heading, null, $"/search?q={Uri.EscapeDataString(query)}", new PagedCards(items, page, totalPages, found.Total));
    }
}
