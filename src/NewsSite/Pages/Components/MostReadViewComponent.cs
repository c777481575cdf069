using Microsoft.Extensions.Options;

namespace NewsSite.Pages.Components;

/// <summary>"الأكثر قراءة": the live articles with the most views over the last seven days.</summary>
public sealed class MostReadViewComponent(MostReadViewComponent.List list) : ViewComponent
{
    public const int Size = 10;
    public const int WindowDays = 7;

    public sealed record Item(int Id, string Title, string Slug, long Views)
    {
        public string Url => ArticleLinks.PathOf(Id, Slug);
    }

    /// <summary>
    /// The list, held in memory: new views show within the page cache's expiry, a change to any article
    /// (a title, an unpublish) at once.
    /// </summary>
    public sealed class List(IServiceScopeFactory scopes, TimeProvider time, IOptions<NewsOptions> options)
        : HeldQuery<IReadOnlyList<Item>>(scopes, time, options)
    {
        public override string PurgedWith => PageCache.Articles;

        protected override async Task<IReadOnlyList<Item>> LoadAsync(NewsDbContext db, DateTime utcNow, CancellationToken cancellationToken)
        {
            var since = DateOnly.FromDateTime(utcNow).AddDays(-(WindowDays - 1));
            // Two small queries rather than one join, which SQLite answers by reading every live article:
            // the most viewed ids of the window first, then those of them that are live.
            var top = await db.ArticleDailyViews.AsNoTracking()
                .Where(v => v.Day >= since)
                .GroupBy(v => v.ArticleId)
                .Select(g => new { ArticleId = g.Key, Views = g.Sum(v => v.Views) })
                .OrderByDescending(x => x.Views)
                .Take(Size * 3)
                .ToListAsync(cancellationToken);
            var ids = top.Select(x => x.ArticleId).ToList();
            // Looked up by id, live-checked here: with the live filter in SQL, SQLite walks the (Status, PublishedAt)
            // index over the whole archive instead of looking the few ids up.
            var live = (await db.Articles.AsNoTracking()
                    .Where(a => ids.Contains(a.Id))
                    .Select(a => new { a.Id, a.Title, a.Slug, a.PublishedAt, a.Status })
                    .ToListAsync(cancellationToken))
                .Where(a => a.Status == Domain.ArticleStatus.Published && a.PublishedAt <= utcNow)
                .ToDictionary(a => a.Id);
            return [.. top.Where(x => live.ContainsKey(x.ArticleId))
                .Select(x => (Article: live[x.ArticleId], x.Views))
                .OrderByDescending(x => x.Views).ThenByDescending(x => x.Article.PublishedAt)
                .Take(Size)
                .Select(x => new Item(x.Article.Id, x.Article.Title, x.Article.Slug, x.Views))];
        }
    }

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var items = await list.GetAsync(HttpContext.RequestAborted);
        return items.Count == 0 ? Content("") : View(items);
    }
}
