using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsSite.Content;
using NewsSite.Data;

namespace NewsSite.Pages.News;

public sealed class DetailsModel(NewsDbContext db, SiteClock clock, DailyCounter counter) : PageModel
{
    public sealed record TagLink(string Name, string Slug);

    public sealed record ArticleView(
        int Id, string Title, string Slug, string Summary, string BodyHtml,
        string? HeroImagePath, string? HeroImageAlt, string? HeroImageCaption, bool IsUrgent,
        DateTime PublishedAt, DateTime UpdatedAt,
        string SectionName, string SectionSlug, string AuthorName, string AuthorSlug,
        int? HeroImageWidth, int? HeroImageHeight);

    public ArticleView Article { get; private set; } = null!;

    public IReadOnlyList<TagLink> Tags { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Live(clock.UtcNow)
            .Where(a => a.Id == id)
            .Select(a => new ArticleView(
                a.Id, a.Title, a.Slug, a.Summary, a.BodyHtml,
                a.HeroImagePath, a.HeroImageAlt, a.HeroImageCaption, a.IsUrgent,
                a.PublishedAt!.Value, a.UpdatedAt,
                a.Section.Name, a.Section.Slug, a.Author.Name, a.Author.Slug,
                a.HeroImageWidth, a.HeroImageHeight))
            .FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return NotFound();
        }
        // One address per story: a missing or old slug moves permanently to the current one.
        if (!string.Equals(slug, article.Slug, StringComparison.Ordinal))
        {
            return RedirectPermanent(ArticleLinks.PathOf(article.Id, article.Slug));
        }
        if (Readers.IsPerson(Request))
        {
            counter.Record(CountKind.ArticleView, article.Id);
        }
        // Tags by their own query: as a nested collection SQLite would join every article's tags first.
        Tags = await db.Articles.Where(a => a.Id == id).SelectMany(a => a.Tags)
            .OrderBy(t => t.Name).Select(t => new TagLink(t.Name, t.Slug))
            .ToListAsync(ct);
        Article = article;
        return Page();
    }
}
