namespace NewsSite.Pages;

public sealed class IndexModel(NewsDbContext db, SiteClock clock) : PageModel
{
    private const int LatestCount = 8;
    private const int PerSection = 4;

    /// <summary>How far back an urgent story stays in the strip, and how many it shows.</summary>
    public static readonly TimeSpan UrgentWindow = TimeSpan.FromHours(24);
    public const int UrgentCount = 5;

    public sealed record SectionRow(string Name, string Slug, IReadOnlyList<ArticleCard> Articles);

    public IReadOnlyList<ArticleCard> Urgent { get; private set; } = [];
    public ArticleCard? Lead { get; private set; }
    public IReadOnlyList<ArticleCard> Latest { get; private set; } = [];
    public List<SectionRow> Rows { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var live = db.Articles.AsNoTracking().Live(clock.UtcNow);
        // A range of the (Status, PublishedAt) index: a day of stories, never the archive.
        var since = clock.UtcNow - UrgentWindow;
        Urgent = await live.Where(a => a.IsUrgent && a.PublishedAt >= since).NewestCards().Take(UrgentCount).ToListAsync(ct);
        var newest = await live.NewestCards().Take(LatestCount + 1).ToListAsync(ct);
        Lead = newest.FirstOrDefault();
        Latest = newest.Skip(1).ToList();

        // One small query per section: bounded by the number of sections, not by the archive.
        var shown = newest.Select(a => a.Id).ToList();
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.SortOrder)
            .Select(s => new { s.Id, s.Name, s.Slug }).ToListAsync(ct);
        foreach (var section in sections)
        {
            var cards = await live.Where(a => a.SectionId == section.Id && !shown.Contains(a.Id))
                .NewestCards().Take(PerSection).ToListAsync(ct);
            if (cards.Count > 0)
            {
                Rows.Add(new SectionRow(section.Name, section.Slug, cards));
            }
        }
    }
}
