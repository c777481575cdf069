namespace NewsSite.Areas.Admin.Pages.Articles;

/// <summary>Every saved version of one article, newest first, each a link to its comparison.</summary>
public sealed class RevisionsModel(NewsDbContext db) : PageModel
{
    public sealed record ArticleHead(int Id, string Title, int Version, ArticleStatus Status);

    public sealed record Row(int Id, int Version, string SavedByName, DateTime SavedAt, ArticleStatus Status);

    public ArticleHead Article { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Set by a restore on the revision page, shown once here.</summary>
    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new ArticleHead(a.Id, a.Title, a.Version, a.Status))
            .SingleOrDefaultAsync(ct);
        if (article is null)
        {
            return NotFound();
        }
        Article = article;
        Rows = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == id)
            .OrderByDescending(r => r.Version).ThenByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.Version, r.SavedByName, r.SavedAt, r.Status))
            .ToListAsync(ct);
        return Page();
    }
}
