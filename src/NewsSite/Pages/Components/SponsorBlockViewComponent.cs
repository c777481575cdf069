using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsSite.Content;
using NewsSite.Data;
using NewsSite.Domain;

namespace NewsSite.Pages.Components;

/// <summary>
/// The sponsors of one placement that are active now, by priority; nothing at all when there are none.
/// Each showing to a person counts as an impression; links go through /go/{id}, which counts the click.
/// </summary>
public sealed class SponsorBlockViewComponent(NewsDbContext db, SiteClock clock, DailyCounter counter) : ViewComponent
{
    public sealed record SponsorLink(int Id, string Name, string LogoPath)
    {
        public string Url => SponsorLinks.ClickPath(Id);
    }

    public sealed record Block(SponsorPlacement Placement, IReadOnlyList<SponsorLink> Sponsors)
    {
        public string Heading => Placement == SponsorPlacement.Header ? "هذا الموقع برعاية" : "برعاية";
    }

    public async Task<IViewComponentResult> InvokeAsync(SponsorPlacement placement)
    {
        var sponsors = await db.Sponsors.AsNoTracking()
            .Where(s => s.Placement == placement)
            .Where(Sponsor.ActiveAt(clock.UtcNow))
            .OrderBy(s => s.Priority).ThenBy(s => s.Id)
            .Select(s => new SponsorLink(s.Id, s.Name, s.LogoPath))
            .ToListAsync(HttpContext.RequestAborted);
        if (Readers.IsPerson(Request))
        {
            foreach (var sponsor in sponsors)
            {
                counter.Record(CountKind.SponsorImpression, sponsor.Id);
            }
        }
        return sponsors.Count == 0 ? Content("") : View(new Block(placement, sponsors));
    }
}
