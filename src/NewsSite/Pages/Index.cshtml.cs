using NewsSite.Pages.Components;

namespace NewsSite.Pages;

public sealed class IndexModel(NewsDbContext db, SiteClock clock, SectionNavViewComponent.Sections sections) : PageModel
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
        var now = clock.UtcNow;
        Urgent = await UrgentQuery.For(db)(db, now, now - UrgentWindow).ToListAsync(ct);
        var newest = await NewestQuery.For(db)(db, now).ToListAsync(ct);
        Lead = newest.FirstOrDefault();
        Latest = newest.Skip(1).ToList();

        // The sections come from memory, in the menu's order; their rows from one statement, whose UNION ALL promises
        // no order: each row is regrouped by its section and sorted here.
        var sectionList = await sections.GetAsync(ct);
        if (sectionList.Count == 0)
        {
            return;
        }
        var rows = (await SectionRowsQuery(now, [.. newest.Select(a => a.Id)], sectionList).ToListAsync(ct))
            .ToLookup(c => c.SectionSlug);
        foreach (var section in sectionList)
        {
            if (rows[section.Slug].ToList() is { Count: > 0 } cards)
            {
                Rows.Add(new SectionRow(section.Name, section.Slug,
                    [.. cards.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)]));
            }
        }
    }

    // Compiled once; the live filter and the order are spelled out (ArticleCards.Live and Newest are calls a compiled query cannot inline).
    // A range of the (Status, PublishedAt) index: a day of stories, never the archive.
    private static readonly CompiledQuery<Func<NewsDbContext, DateTime, DateTime, IAsyncEnumerable<ArticleCard>>> UrgentQuery = new(() =>
        EF.CompileAsyncQuery((NewsDbContext db, DateTime now, DateTime since) => db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && a.IsUrgent && a.PublishedAt >= since)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(UrgentCount).Select(ArticleCards.ToCard)));

    private static readonly CompiledQuery<Func<NewsDbContext, DateTime, IAsyncEnumerable<ArticleCard>>> NewestQuery = new(() =>
        EF.CompileAsyncQuery((NewsDbContext db, DateTime now) => db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(LatestCount + 1).Select(ArticleCards.ToCard)));

    /// <summary>
    /// Each section's newest live stories not already shown, as one UNION ALL of one part per section: each part reads
    /// its own range of the (SectionId, Status, PublishedAt) index, so the page costs the same however large the archive,
    /// and one command however many sections. (A Take per section of one query becomes ROW_NUMBER() over every live story.)
    /// The parts choose ids from the index alone and the chosen rows are carded once: a part with every card column made
    /// a statement SQLite took longer to parse and plan (~0.4 ms for six sections) than to run.
    /// </summary>
    private IQueryable<ArticleCard> SectionRowsQuery(DateTime now, List<int> shown, IReadOnlyList<SectionNavViewComponent.SectionLink> all)
    {
        var live = db.Articles.AsNoTracking().Live(now).Where(a => !shown.Contains(a.Id));
        var ids = all.Select(s => s.Id)
            .Select(id => live.Where(a => a.SectionId == id).Newest().Take(PerSection).Select(a => a.Id))
            .Aggregate((rows, part) => rows.Concat(part));
        return db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(ArticleCards.ToCard);
    }
}
