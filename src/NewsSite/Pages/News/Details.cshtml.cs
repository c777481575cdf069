namespace NewsSite.Pages.News;

/// <summary>One story; its view is counted by <see cref="ReaderCounts"/>, before the page cache.</summary>
public sealed class DetailsModel(NewsDbContext db, SiteClock clock) : PageModel
{
    /// <summary>How many related stories show under the article.</summary>
    public const int RelatedCount = 6;

    // Related stories are ranked among this many newest of the section, so the query stays bounded by the index.
    private const int RelatedPool = 50;

    public sealed record TagLink(string Name, string Slug);

    public sealed record ArticleView(
        int Id, string Title, string Slug, string Summary, string BodyHtml,
        string? HeroImagePath, string? HeroImageAlt, string? HeroImageCaption, bool IsUrgent,
        DateTime PublishedAt, DateTime UpdatedAt,
        string SectionName, string SectionSlug, string AuthorName, string AuthorSlug,
        int? HeroImageWidth, int? HeroImageHeight, int SectionId);

    public ArticleView Article { get; private set; } = null!;

    public IReadOnlyList<TagLink> Tags { get; private set; } = [];

    public IReadOnlyList<ArticleCard> Related { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Live(clock.UtcNow)
            .Where(a => a.Id == id)
            .Select(a => new ArticleView(
                a.Id, a.Title, a.Slug, a.Summary, a.BodyHtml,
                a.HeroImagePath, a.HeroImageAlt, a.HeroImageCaption, a.IsUrgent,
                a.PublishedAt!.Value, a.UpdatedAt,
                a.Section.Name, a.Section.Slug, a.Author.Name, a.Author.Slug,
                a.HeroImageWidth, a.HeroImageHeight, a.SectionId))
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
        // Tags by their own query: as a nested collection SQLite would join every article's tags first.
        var tags = await db.Articles.Where(a => a.Id == id).SelectMany(a => a.Tags)
            .OrderBy(t => t.Name).Select(t => new { t.Id, t.Name, t.Slug })
            .ToListAsync(ct);
        Tags = [.. tags.Select(t => new TagLink(t.Name, t.Slug))];
        Related = await RelatedAsync(article, [.. tags.Select(t => t.Id)], ct);
        Article = article;
        return Page();
    }

    /// <summary>
    /// The next story to read: from the same section, those sharing the most tags with this one first, then the newest.
    /// Only the section's newest <see cref="RelatedPool"/> are ranked (an index range), so an archive of any size costs the same;
    /// shared tags are matched by this story's tag ids, not by scanning every story of each tag (which grows with the archive).
    /// </summary>
    private async Task<IReadOnlyList<ArticleCard>> RelatedAsync(ArticleView article, List<int> tagIds, CancellationToken ct)
    {
        var candidates = await db.Articles.AsNoTracking().Live(clock.UtcNow)
            .Where(a => a.SectionId == article.SectionId && a.Id != article.Id)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(RelatedPool)
            .Select(a => new { a.Id, Shared = a.Tags.Count(t => tagIds.Contains(t.Id)) })
            .ToListAsync(ct);
        // OrderByDescending is stable: among equal tag counts the newest stay first.
        var chosen = candidates.OrderByDescending(c => c.Shared).Take(RelatedCount).Select(c => c.Id).ToList();
        // By id alone (they were live a moment ago): with the live filter beside the id list, SQLite walks the
        // (Status, PublishedAt) index over the whole archive instead of looking the few ids up.
        var cards = await db.Articles.AsNoTracking().Where(a => chosen.Contains(a.Id)).Select(ArticleCards.ToCard).ToListAsync(ct);
        return [.. cards.OrderBy(c => chosen.IndexOf(c.Id))];
    }
}
