namespace NewsSite.Pages.News;

/// <summary>One story; its view is counted by <see cref="ReaderCounts"/>, before the page cache.</summary>
public sealed class DetailsModel(NewsDbContext db, SiteClock clock) : PageModel
{
    /// <summary>How many related stories show under the article.</summary>
    public const int RelatedCount = 6;

    // Related stories are ranked among this many newest of the section, so the query stays bounded by the index.
    private const int RelatedPool = 50;

    public sealed record TagLink(int Id, string Name, string Slug);

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
        var now = clock.UtcNow;
        var article = await ArticleQuery.For(db)(db, now, id, ct);
        if (article is null)
        {
            return NotFound();
        }
        // One address per story: a missing or old slug moves permanently to the current one.
        if (!string.Equals(slug, article.Slug, StringComparison.Ordinal))
        {
            return RedirectPermanent(ArticleLinks.PathOf(article.Id, article.Slug));
        }
        var tags = await TagsQuery.For(db)(db, id).ToListAsync(ct);
        Tags = tags;
        Related = await RelatedQuery.For(db)(db, now, article.SectionId, id, [.. tags.Select(t => t.Id)]).ToListAsync(ct);
        Article = article;
        return Page();
    }

    // The page's three queries are compiled once: a reader's uncached article skips building and looking up each query's
    // translation. The live filter is spelled out (ArticleCards.Live is a method call a compiled query cannot inline).
    private static readonly CompiledQuery<Func<NewsDbContext, DateTime, int, CancellationToken, Task<ArticleView?>>> ArticleQuery = new(() =>
        EF.CompileAsyncQuery((NewsDbContext db, DateTime now, int id, CancellationToken ct) => db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && a.Id == id)
            .Select(a => new ArticleView(
                a.Id, a.Title, a.Slug, a.Summary, a.BodyHtml,
                a.HeroImagePath, a.HeroImageAlt, a.HeroImageCaption, a.IsUrgent,
                a.PublishedAt!.Value, a.UpdatedAt,
                a.Section.Name, a.Section.Slug, a.Author.Name, a.Author.Slug,
                a.HeroImageWidth, a.HeroImageHeight, a.SectionId))
            .FirstOrDefault()));

    // Tags by their own query: as a nested collection SQLite would join every article's tags first.
    private static readonly CompiledQuery<Func<NewsDbContext, int, IAsyncEnumerable<TagLink>>> TagsQuery = new(() =>
        EF.CompileAsyncQuery((NewsDbContext db, int id) => db.Articles.AsNoTracking()
            .Where(a => a.Id == id).SelectMany(a => a.Tags).OrderBy(t => t.Name).Select(t => new TagLink(t.Id, t.Name, t.Slug))));

    /// <summary>
    /// The next story to read: from the same section, those sharing the most tags with this one first, then the newest.
    /// Only the section's newest <see cref="RelatedPool"/> are ranked (an index range), so an archive of any size costs the same;
    /// shared tags are matched by this story's tag ids, not by scanning every story of each tag (which grows with the archive).
    /// The pool is ranked from the index alone and only the chosen stories' rows are read: a row holds the story's whole
    /// body, so reading 50 of them for their card columns cost a third of the statement.
    /// </summary>
    private static readonly CompiledQuery<Func<NewsDbContext, DateTime, int, int, List<int>, IAsyncEnumerable<ArticleCard>>> RelatedQuery = new(() =>
        EF.CompileAsyncQuery((NewsDbContext db, DateTime now, int sectionId, int id, List<int> tagIds) => db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && a.SectionId == sectionId && a.Id != id)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(RelatedPool)
            .Select(a => new { a.Id, a.PublishedAt, Shared = a.Tags.Count(t => tagIds.Contains(t.Id)) })
            .OrderByDescending(c => c.Shared).ThenByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
            .Take(RelatedCount)
            .Join(db.Articles, c => c.Id, a => a.Id, (c, a) => new { c.Shared, Article = a })
            .OrderByDescending(x => x.Shared).ThenByDescending(x => x.Article.PublishedAt).ThenByDescending(x => x.Article.Id)
            .Select(x => x.Article)
            .Select(ArticleCards.ToCard)));
}
