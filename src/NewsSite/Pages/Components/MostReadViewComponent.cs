namespace NewsSite.Pages.Components;

/// <summary>"الأكثر قراءة": the live articles with the most views over the last seven days.</summary>
public sealed class MostReadViewComponent(NewsDbContext db, SiteClock clock) : ViewComponent
{
    public const int Size = 10;
    public const int WindowDays = 7;

    public sealed record Item(int Id, string Title, string Slug, long Views)
    {
        public string Url => ArticleLinks.PathOf(Id, Slug);
    }

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var now = clock.UtcNow;
        var since = DateOnly.FromDateTime(now).AddDays(-(WindowDays - 1));
        // Two small queries rather than one join, which SQLite answers by reading every live article:
        // the most viewed ids of the window first, then those of them that are live.
        var top = await db.ArticleDailyViews.AsNoTracking()
            .Where(v => v.Day >= since)
            .GroupBy(v => v.ArticleId)
            .Select(g => new { ArticleId = g.Key, Views = g.Sum(v => v.Views) })
            .OrderByDescending(x => x.Views)
            .Take(Size * 3)
            .ToListAsync(HttpContext.RequestAborted);
        var ids = top.Select(x => x.ArticleId).ToList();
        // Looked up by id, live-checked here: with the live filter in SQL, SQLite walks the (Status, PublishedAt)
        // index over the whole archive instead of looking the few ids up.
        var live = (await db.Articles.AsNoTracking()
                .Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.Title, a.Slug, a.PublishedAt, a.Status })
                .ToListAsync(HttpContext.RequestAborted))
            .Where(a => a.Status == Domain.ArticleStatus.Published && a.PublishedAt <= now)
            .ToDictionary(a => a.Id);
        var items = top.Where(x => live.ContainsKey(x.ArticleId))
            .Select(x => (Article: live[x.ArticleId], x.Views))
            .OrderByDescending(x => x.Views).ThenByDescending(x => x.Article.PublishedAt)
            .Take(Size)
            .Select(x => new Item(x.Article.Id, x.Article.Title, x.Article.Slug, x.Views))
            .ToList();
        return items.Count == 0 ? Content("") : View(items);
    }
}
