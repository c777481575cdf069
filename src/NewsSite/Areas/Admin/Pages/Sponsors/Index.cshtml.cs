namespace NewsSite.Areas.Admin.Pages.Sponsors;

/// <summary>Every sponsor, switched on or off, with whether it is showing now; switching is one click.</summary>
public sealed class IndexModel(NewsDbContext db, SiteClock clock) : PageModel
{
    public sealed record Row(
        int Id, string Name, string LogoPath, string TargetUrl, SponsorPlacement Placement, int Priority,
        DateTime? StartsAt, DateTime? EndsAt, bool IsActive);

    /// <summary>Where a sponsor stands now: its label and the CSS modifier of its badge.</summary>
    public sealed record State(string Label, string Css);

    public IReadOnlyList<Row> Sponsors { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Sponsors = await db.Sponsors.AsNoTracking()
            .OrderBy(s => s.Placement).ThenBy(s => s.Priority).ThenBy(s => s.Id)
            .Select(s => new Row(s.Id, s.Name, s.LogoPath, s.TargetUrl, s.Placement, s.Priority, s.StartsAt, s.EndsAt, s.IsActive))
            .ToListAsync(ct);

    public async Task<IActionResult> OnPostSetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var sponsor = await db.Sponsors.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sponsor is null)
        {
            return NotFound();
        }
        // Only a real change is a change: a double click records nothing twice.
        if (sponsor.IsActive != active)
        {
            sponsor.IsActive = active;
            db.Record(User, clock.UtcNow, active ? "activate" : "deactivate", "Sponsor", sponsor.Id, sponsor.Name);
            await db.SaveChangesAsync(ct);
        }
        Notice = active ? $"فُعّل الراعي «{sponsor.Name}»." : $"أُوقف الراعي «{sponsor.Name}»، ولن يظهر للقراء.";
        return RedirectToPage();
    }

    public State StateOf(Row row)
    {
        var now = clock.UtcNow;
        return row switch
        {
            { IsActive: false } => new State("موقوف", "off"),
            { StartsAt: { } start } when start > now => new State("لم يبدأ بعد", "pending"),
            { EndsAt: { } end } when end <= now => new State("انتهت مدته", "ended"),
            _ => new State("يظهر الآن", "live"),
        };
    }

    /// <summary>The showing window in the site's time, one line per end.</summary>
    public IEnumerable<string> Window(Row row)
    {
        if (row.StartsAt is null && row.EndsAt is null)
        {
            yield return "دون حد زمني";
        }
        if (row.StartsAt is { } start)
        {
            yield return $"من {clock.Stamp(start)}";
        }
        if (row.EndsAt is { } end)
        {
            yield return $"حتى {clock.Stamp(end)}";
        }
    }

    public static string PlacementName(SponsorPlacement placement) =>
        placement == SponsorPlacement.Header ? "أعلى الصفحة" : "أسفل الصفحة";
}
