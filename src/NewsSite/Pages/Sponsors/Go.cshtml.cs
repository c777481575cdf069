namespace NewsSite.Pages.Sponsors;

/// <summary>
/// A sponsor click: counts it in memory and sends the reader on to the sponsor's stored address. Only a sponsor
/// that is showing now has a way out; the destination never comes from the request, so this is no open redirect.
/// </summary>
public sealed class GoModel(NewsDbContext db, SiteClock clock, DailyCounter counter) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int sponsorId, CancellationToken ct)
    {
        var target = await db.Sponsors.AsNoTracking()
            .Where(s => s.Id == sponsorId)
            .Where(Sponsor.ActiveAt(clock.UtcNow))
            .Select(s => s.TargetUrl)
            .FirstOrDefaultAsync(ct);
        // A stored address from before the newsroom checked them is still only followed when it is a web address.
        if (!AbsoluteHttpUrl.IsValid(target))
        {
            return NotFound();
        }
        if (Readers.IsPerson(Request))
        {
            counter.Record(CountKind.SponsorClick, sponsorId);
        }
        // Every click must reach us to be counted, so neither browsers nor proxies may keep the redirect.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        return Redirect(target);
    }
}
