using Microsoft.Extensions.Options;

namespace NewsSite.Pages;

/// <summary>What the section, tag and author pages share: a paginated list of live stories under a heading.</summary>
public abstract class ListingModel(NewsDbContext db, SiteClock clock, IOptions<NewsOptions> options, ListingCounts counts) : PageModel
{
    protected NewsDbContext Db => db;

    protected int PageSize => options.Value.PageSize;

    protected DateTime Now => clock.UtcNow;

    public string Heading { get; private set; } = "";
    public string? Description { get; private set; }

    /// <summary>The listing's own path; page N links add <c>?page=N</c>.</summary>
    public string BasePath { get; private set; } = "";

    public PagedCards Cards { get; private set; } = null!;

    /// <summary>Set on the search page, whose listing starts with the search form.</summary>
    public string? SearchQuery { get; protected set; }

    public string PagePath(int page) =>
        page == 1 ? BasePath : $"{BasePath}{(BasePath.Contains('?', StringComparison.Ordinal) ? '&' : '?')}page={page}";

    protected async Task<IActionResult> ListAsync(
        string heading, string? description, string basePath, IQueryable<Article> articles, CancellationToken ct)
    {
        if (!Paging.TryRead(Request, out var page))
        {
            return NotFound();
        }
        var live = articles.AsNoTracking().Live(clock.UtcNow);
        var total = await counts.GetAsync(basePath, live.CountAsync, ct);
        var totalPages = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        if (page > totalPages)
        {
            return NotFound();
        }
        // The page's ids first, from the listing's index alone (PostgreSQL: an index-only scan), so a deep page skips
        // index entries rather than reading and sorting the rows before it; then those few cards by id.
        var ids = await live.Newest().Select(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var cards = await Db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(ArticleCards.ToCard).ToListAsync(ct);
        var items = cards.OrderBy(c => ids.IndexOf(c.Id)).ToList();
        return Show(heading, description, basePath, new PagedCards(items, page, totalPages, total));
    }

    /// <summary>Shows one page of cards found some other way (the search index does its own paging).</summary>
    protected IActionResult Show(string heading, string? description, string basePath, PagedCards cards)
    {
        (Heading, Description, BasePath, Cards) = (heading, description, basePath, cards);
        // Set here, not in the _Listing partial: a partial's ViewData is a copy the layout never sees.
        ViewData["Title"] = cards.Page == 1 ? heading : $"{heading} - صفحة {cards.Page}";
        ViewData["Description"] = description ?? $"آخر أخبار {heading}";
        // Each page of a listing is its own canonical page; search results are not a page to index.
        if (SearchQuery is null)
        {
            ViewData[PageMeta.Key] = new PageMeta { CanonicalPath = PagePath(cards.Page) };
        }
        return Page();
    }
}
