using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsSite.Content;
using NewsSite.Data;

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
        var items = await db.ArticleDailyViews.AsNoTracking()
            .Where(v => v.Day >= since)
            .GroupBy(v => v.ArticleId)
            .Select(g => new { ArticleId = g.Key, Views = g.Sum(v => v.Views) })
            .Join(db.Articles.Live(now), v => v.ArticleId, a => a.Id,
                (v, a) => new { a.Id, a.Title, a.Slug, v.Views, a.PublishedAt })
            .OrderByDescending(x => x.Views).ThenByDescending(x => x.PublishedAt)
            .Take(Size)
            .Select(x => new Item(x.Id, x.Title, x.Slug, x.Views))
            .ToListAsync(HttpContext.RequestAborted);
        return items.Count == 0 ? Content("") : View(items);
    }
}
