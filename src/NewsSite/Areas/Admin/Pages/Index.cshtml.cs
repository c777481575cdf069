namespace NewsSite.Areas.Admin.Pages;

/// <summary>The newsroom's front page: how many stories sit in each state.</summary>
public sealed class IndexModel(NewsDbContext db) : PageModel
{
    public Dictionary<ArticleStatus, int> CountsByStatus { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        CountsByStatus = await db.Articles.GroupBy(a => a.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public int Count(ArticleStatus status) => CountsByStatus.GetValueOrDefault(status);
}
